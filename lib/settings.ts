import { z } from 'zod';
import type { Database } from './db';

/** The user's settings. New settings get a default here, so older stored records stay valid. */
export const SettingsSchema = z.object({
  /** Dim papers already shown on an earlier visit to a listing. */
  dimSeen: z.boolean().default(false),
  /** Mark papers that are new since the last visit to a listing. */
  markNew: z.boolean().default(true),
  /** Follow the user's saved papers and topics across devices through the browser's sync storage. */
  sync: z.boolean().default(true),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

const SETTINGS_KEY = 'settings';

export async function readSettings(db: Database): Promise<Settings> {
  return SettingsSchema.parse((await db.get('settings', SETTINGS_KEY)) ?? {});
}

export async function updateSettings(db: Database, changes: Partial<Settings>): Promise<Settings> {
  const tx = db.transaction('settings', 'readwrite');
  const current = SettingsSchema.parse((await tx.store.get(SETTINGS_KEY)) ?? {});
  const next = SettingsSchema.parse({ ...current, ...changes });
  await tx.store.put(next, SETTINGS_KEY);
  await tx.done;
  return next;
}
