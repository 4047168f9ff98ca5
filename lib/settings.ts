/**
 * The user's settings, as every part of the extension reads them. (Plain types here, so the content
 * script carries no schema library; lib/settings-store.ts validates and stores them.)
 */
export interface Settings {
  /** Dim papers already shown on an earlier visit to a listing. */
  dimSeen: boolean;
  /** Mark papers that are new since the last visit to a listing. */
  markNew: boolean;
  /** Follow the user's saved papers and topics across devices through the browser's sync storage. */
  sync: boolean;
}

export const DEFAULT_SETTINGS: Settings = { dimSeen: false, markNew: true, sync: true };
