import { z } from 'zod';
import type { SyncStatus } from './background/sync';
import type { Backup, MergeReport } from './backup';
import { type Bookmark, BookmarkSchema } from './bookmark';
import { PaperSchema } from './paper-schema';
import type { VisitResult } from './seen';
import type { Settings } from './settings';
import { SettingsSchema } from './settings-store';
import type { SnapshotInfo } from './snapshots';
import { type Topic, TopicSchema } from './topics/topic';

/**
 * The one protocol between the extension's pages and content scripts and the background, which
 * owns the data. Requests are parsed with these schemas in the background before anything acts on
 * them: a content script runs next to page scripts, so nothing it sends is trusted.
 */
export const RequestSchemas = {
  'bookmarks/list': z.object({}),
  /** Which of these ids are saved: content scripts ask for the cards they show. */
  'bookmarks/status': z.object({ ids: z.array(z.string()).max(20_000) }),
  'bookmarks/save': z.object({
    paper: PaperSchema,
    topics: z.array(z.string()).max(1_000).default([]),
    savedFrom: z.string().max(4_096).optional(),
  }),
  /** The user's own data on a saved paper; only the fields given change, and `updatedAt` is set. */
  'bookmarks/update': z
    .object({
      id: z.string().min(1),
      tags: z.array(z.string().trim().min(1).max(100)).max(100).optional(),
      note: z.string().max(10_000).optional(),
      read: z.boolean().optional(),
    })
    .strict(),
  /** Removes a saved paper; the reply is what was removed, which `bookmarks/restore` puts back. */
  'bookmarks/remove': z.object({ id: z.string() }),
  /** Puts a removed bookmark back exactly as it was (undo). */
  'bookmarks/restore': z.object({ bookmark: BookmarkSchema }),
  'topics/list': z.object({}),
  /** The whole ordered topic list, as the options page edits it. */
  'topics/replace': z.object({
    topics: z.array(TopicSchema).max(5_000),
    /** The topics the editor deleted; others missing from its list were added elsewhere, and stay. */
    removed: z.array(z.string()).max(5_000).optional(),
  }),
  'library/import': z.object({ text: z.string() }),
  'library/export': z.object({}),
  /** A content script's count of papers on its page that match enabled topics (the toolbar badge). */
  'page/matches': z.object({ count: z.number().int().min(0).max(1_000_000) }),
  /** A listing page's papers were shown: which are new since the last visit, which were seen before. */
  'seen/visit': z.object({ listing: z.string().min(1).max(4_096), ids: z.array(z.string()).max(20_000) }),
  'settings/get': z.object({}),
  'settings/update': SettingsSchema.partial().strict(),
  'snapshots/list': z.object({}),
  /** Merges a snapshot back into the library (never deleting); answers like an import. */
  'snapshots/restore': z.object({ createdAt: z.string().min(1) }),
  'sync/status': z.object({}),
  /** Syncs now; `confirmRemovals` lets a sync that removes many papers everywhere go ahead. */
  'sync/run': z.object({ confirmRemovals: z.boolean().default(false) }),
} satisfies Record<string, z.ZodType>;

export type RequestType = keyof typeof RequestSchemas;
export type RequestOf<T extends RequestType> = z.input<(typeof RequestSchemas)[T]>;

export interface ResponseMap {
  'bookmarks/list': Bookmark[];
  'bookmarks/status': string[];
  'bookmarks/save': Bookmark;
  'bookmarks/update': Bookmark;
  'bookmarks/remove': Bookmark | null;
  'bookmarks/restore': Bookmark;
  'topics/list': Topic[];
  'topics/replace': Topic[];
  'library/import': MergeReport;
  'library/export': Backup;
  'page/matches': null;
  'seen/visit': VisitResult;
  'settings/get': Settings;
  'settings/update': Settings;
  'snapshots/list': SnapshotInfo[];
  'snapshots/restore': MergeReport;
  'sync/status': SyncStatus | null;
  'sync/run': SyncStatus;
}

export interface RequestMessage<T extends RequestType = RequestType> {
  type: T;
  payload: RequestOf<T>;
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

/** What the background tells every open tab and extension page after a change has committed. */
export type ChangeEvent =
  | { type: 'changed/bookmarks'; saved: Bookmark[]; removed: string[] }
  | { type: 'changed/topics'; topics: Topic[] }
  | { type: 'changed/settings'; settings: Settings };

/**
 * What the background tells one tab when the user presses the "save-paper" keyboard shortcut
 * (manifest `commands`). The content script saves the paper under focus (or, on an abstract page,
 * the page's paper) and replies `{ handled: true }`. Any other reply, or no content script in the
 * tab (a PDF), and the background saves the paper the tab's URL names, if it names one.
 */
export interface SaveFocusedCommand {
  type: 'command/save-focused';
}
export interface SaveFocusedReply {
  handled: boolean;
}
