import type { z } from 'zod';
import type { MergeReport } from '../backup';
import type { Database } from '../db';
import {
  listBookmarks,
  listTopics,
  putBookmark,
  removeBookmark,
  replaceTopics,
  saveBookmark,
  savedAmong,
  updateBookmark,
} from '../library';
import { exportLibrary, importLibrary } from '../library-transfer';
import {
  type ChangeEvent,
  type Reply,
  RequestSchemas,
  type RequestType,
  type ResponseMap,
} from '../messages';
import { recordVisit } from '../seen';
import { readSettings, updateSettings } from '../settings-store';
import { listSnapshots, snapshotText, takeSnapshot } from '../snapshots';
import type { SyncStatus } from './sync';

type Payload<T extends RequestType> = z.output<(typeof RequestSchemas)[T]>;

export interface HandlerContext {
  db: Database;
  /** Tells every open tab and extension page about a committed change. */
  broadcast(event: ChangeEvent): void;
  /** The tab the message came from, when a content script sent it. */
  tabId?: number;
  /** Sent by a content script (next to page scripts), not by one of the extension's own pages. */
  fromContentScript?: boolean;
  /** Shows a tab's count of papers matching the user's topics on the toolbar button. */
  showMatchCount?(tabId: number, count: number): void;
  /** Runs after a request that changed the library has committed (snapshots, sync). */
  afterWrite?(): void;
  /** Syncs now (the options page's "Sync now"); answers the new sync status. */
  syncNow?(options: { confirmRemovals: boolean }): Promise<SyncStatus>;
  readSyncStatus?(): Promise<SyncStatus | null>;
}

type Handlers = { [T in RequestType]: (payload: Payload<T>, ctx: HandlerContext) => Promise<ResponseMap[T]> };

const handlers: Handlers = {
  'bookmarks/list': (_, { db }) => listBookmarks(db),
  'bookmarks/status': ({ ids }, { db }) => savedAmong(db, ids),
  async 'bookmarks/save'(input, { db, broadcast }) {
    const saved = await saveBookmark(db, input);
    broadcast({ type: 'changed/bookmarks', saved: [saved], removed: [] });
    return saved;
  },
  async 'bookmarks/update'({ id, ...changes }, { db, broadcast }) {
    const updated = await updateBookmark(db, id, changes);
    broadcast({ type: 'changed/bookmarks', saved: [updated], removed: [] });
    return updated;
  },
  async 'bookmarks/remove'({ id }, { db, broadcast }) {
    const removed = await removeBookmark(db, id);
    if (removed) broadcast({ type: 'changed/bookmarks', saved: [], removed: [id] });
    return removed;
  },
  async 'bookmarks/restore'({ bookmark }, { db, broadcast }) {
    // Putting it back is an edit of now: a sync since the removal must not remove it again.
    const restored = await putBookmark(db, { ...bookmark, updatedAt: new Date().toISOString() });
    broadcast({ type: 'changed/bookmarks', saved: [restored], removed: [] });
    return restored;
  },
  'topics/list': (_, { db }) => listTopics(db),
  async 'topics/replace'({ topics, removed }, { db, broadcast }) {
    const stored = await replaceTopics(db, topics, removed);
    broadcast({ type: 'changed/topics', topics: stored });
    return stored;
  },
  'library/import': ({ text }, ctx) => importAndBroadcast(text, ctx),
  'library/export': (_, { db }) => exportLibrary(db),
  async 'page/matches'({ count }, { tabId, showMatchCount }) {
    if (tabId !== undefined) showMatchCount?.(tabId, count);
    return null;
  },
  'seen/visit': ({ listing, ids }, { db }) => recordVisit(db, listing, ids),
  'settings/get': (_, { db }) => readSettings(db),
  async 'settings/update'(changes, { db, broadcast }) {
    const settings = await updateSettings(db, changes);
    broadcast({ type: 'changed/settings', settings });
    return settings;
  },
  'snapshots/list': (_, { db }) => listSnapshots(db),
  async 'sync/status'(_, { readSyncStatus }) {
    return (await readSyncStatus?.()) ?? null;
  },
  async 'sync/run'({ confirmRemovals }, { syncNow }) {
    if (!syncNow) throw new Error('Sync is not available here');
    return syncNow({ confirmRemovals });
  },
  async 'snapshots/restore'({ createdAt }, ctx) {
    return importAndBroadcast(await snapshotText(ctx.db, createdAt), ctx);
  },
};

/** Imports backup text, with a snapshot of the library taken first, and tells everyone what changed. */
async function importAndBroadcast(text: string, { db, broadcast }: HandlerContext): Promise<MergeReport> {
  const { report, bookmarks, topics } = await importLibrary(db, text, () =>
    takeSnapshot(db, 'before import'),
  );
  if (bookmarks.length) broadcast({ type: 'changed/bookmarks', saved: bookmarks, removed: [] });
  if (topics) broadcast({ type: 'changed/topics', topics });
  return report;
}

/**
 * What a content script may ask: it runs next to page scripts, so a hostile page could drive it.
 * Reading and toggling the papers it shows, yes; replacing topics, importing, restoring or changing
 * settings, only from the extension's own pages.
 */
const CONTENT_SCRIPT_REQUESTS = new Set<RequestType>([
  'bookmarks/status',
  'bookmarks/save',
  'bookmarks/remove',
  'topics/list',
  'settings/get',
  'page/matches',
  'seen/visit',
]);

/** Requests that change the library: after one, the day's snapshot and a sync are due. */
const WRITES = new Set<RequestType>([
  'bookmarks/save',
  'bookmarks/update',
  'bookmarks/remove',
  'bookmarks/restore',
  'topics/replace',
  'library/import',
  'snapshots/restore',
]);

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(message)'}: ${issue.message}`).join('; ');
}

/**
 * Validates and runs one request. Never throws: an unknown or malformed message, or a failed
 * operation, becomes an error reply, and nothing is written.
 */
export async function handleMessage(message: unknown, ctx: HandlerContext): Promise<Reply<unknown>> {
  if (typeof message !== 'object' || message === null || !('type' in message)) {
    return { ok: false, error: 'Malformed message: expected { type, payload }' };
  }
  const { type, payload } = message as { type: unknown; payload?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(RequestSchemas, type)) {
    return { ok: false, error: `Unknown message type: ${String(type).slice(0, 100)}` };
  }
  const requestType = type as RequestType;
  if (ctx.fromContentScript && !CONTENT_SCRIPT_REQUESTS.has(requestType)) {
    return { ok: false, error: `${requestType} is not accepted from a web page` };
  }
  const parsed = RequestSchemas[requestType].safeParse(payload ?? {});
  if (!parsed.success) {
    return { ok: false, error: `Invalid ${requestType} request: ${describeIssues(parsed.error)}` };
  }
  try {
    const handler = handlers[requestType] as (payload: unknown, ctx: HandlerContext) => Promise<unknown>;
    const data = await handler(parsed.data, ctx);
    if (WRITES.has(requestType)) ctx.afterWrite?.();
    return { ok: true, data };
  } catch (error) {
    console.error(`Paperlight: ${requestType} failed`, error);
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
