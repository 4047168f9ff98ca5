import browser from 'webextension-polyfill';
import type { Database } from '../db';
import { listBookmarks, listTopics } from '../library';
import type { ChangeEvent } from '../messages';
import { readSettings } from '../settings-store';
import type { LocalChanges } from '../sync/state';
import { pushToSync, type SyncAreas, type SyncUsage } from '../sync/storage';

/**
 * Keeps the library in step with the browser's sync storage. A sync runs from an alarm, so it
 * survives the worker being stopped: shortly after every change, when another device's change
 * arrives, and when the browser starts. Local data stays the source of truth: sync carries the
 * user's own data (ids, tags, notes, read state, dates), and what it cannot carry stays local.
 */

export const SYNC_ALARM = 'paperlight-sync';
const STATUS_KEY = 'paperlight-sync-status';
/** Changes are gathered for this long before a sync: a burst of saves is one write. */
const SYNC_DELAY_MS = 30_000;

export interface SyncStatus {
  at: string;
  state: 'synced' | 'off' | 'waiting' | 'failed' | 'needs-confirmation';
  message: string;
  usage?: SyncUsage;
}

export function scheduleSync(delayMs = SYNC_DELAY_MS): void {
  // Creating an alarm of the same name replaces it: many changes, one sync.
  void browser.alarms?.create(SYNC_ALARM, { when: Date.now() + delayMs });
}

async function saveStatus(status: SyncStatus, areas?: SyncAreas): Promise<SyncStatus> {
  await (areas?.local ?? browser.storage.local).set({ [STATUS_KEY]: status });
  return status;
}

export async function readSyncStatus(areas?: SyncAreas): Promise<SyncStatus | null> {
  const stored = await (areas?.local ?? browser.storage.local).get(STATUS_KEY);
  return (stored[STATUS_KEY] as SyncStatus | undefined) ?? null;
}

/**
 * Applies what sync says this device must change, in one transaction. A paper the user edited
 * here while the sync ran keeps the edit: it is synced next time instead.
 */
async function applyChanges(db: Database, changes: LocalChanges, readAt: Map<string, string | undefined>) {
  const tx = db.transaction(['bookmarks', 'topics'], 'readwrite');
  const bookmarks = tx.objectStore('bookmarks');
  const topics = tx.objectStore('topics');
  const current = await Promise.all(changes.bookmarks.map((bookmark) => bookmarks.get(bookmark.id)));
  const saved = changes.bookmarks.filter((bookmark, i) => current[i]?.updatedAt === readAt.get(bookmark.id));
  const orderOf = new Map((await topics.getAll()).map((topic) => [topic.id, topic.order]));
  let nextOrder = Math.max(-1, ...orderOf.values()) + 1;
  await Promise.all([
    ...saved.map((bookmark) => bookmarks.put(bookmark)),
    ...changes.removedBookmarkIds.map((id) => bookmarks.delete(id)),
    ...changes.topics.map((topic) => topics.put({ ...topic, order: orderOf.get(topic.id) ?? nextOrder++ })),
    ...changes.removedTopicIds.map((id) => topics.delete(id)),
  ]);
  await tx.done;
  return saved;
}

export interface SyncContext {
  db: Database;
  broadcast(event: ChangeEvent): void;
  areas?: SyncAreas;
  now?: Date;
}

export interface SyncRunOptions {
  confirmRemovals?: boolean;
  /** The user asked for this sync: wait out the few seconds between writes instead of deferring. */
  waitForWriteSlot?: boolean;
}

/** One sync cycle; records and answers the resulting status. Never throws. */
export async function runSync(
  { db, broadcast, areas, now = new Date() }: SyncContext,
  options: SyncRunOptions = {},
): Promise<SyncStatus> {
  const at = now.toISOString();
  try {
    if (!(await readSettings(db)).sync) {
      return saveStatus({ at, state: 'off', message: 'Sync is off.' }, areas);
    }
    const [topics, bookmarks] = await Promise.all([listTopics(db), listBookmarks(db)]);
    const push = (at: Date) =>
      pushToSync({ topics, bookmarks }, { areas, now: at, confirmRemovals: options.confirmRemovals });
    let result = await push(now);
    if (!result.ok && result.reason === 'rate-limited' && options.waitForWriteSlot) {
      const wait = result.retryAfterMs;
      await new Promise((resolve) => setTimeout(resolve, wait));
      result = await push(new Date(now.getTime() + wait));
    }
    if (!result.ok) {
      if (result.reason === 'rate-limited') {
        scheduleSync(result.retryAfterMs);
        return saveStatus({ at, state: 'waiting', message: result.error }, areas);
      }
      const state = result.reason === 'too-many-removals' ? 'needs-confirmation' : 'failed';
      const usage = result.reason === 'quota' ? result.usage : undefined;
      return saveStatus({ at, state, message: result.error, usage }, areas);
    }
    const { changes } = result;
    const saved = await applyChanges(db, changes, new Map(bookmarks.map((b) => [b.id, b.updatedAt])));
    if (saved.length || changes.topics.length) {
      // Once applied, what came from sync is this device's too: a second pass (which writes nothing)
      // records it, so removing such a paper here later is synced as a removal.
      const applied = { topics: await listTopics(db), bookmarks: await listBookmarks(db) };
      await pushToSync(applied, { areas, now });
    }
    if (saved.length || changes.removedBookmarkIds.length) {
      broadcast({ type: 'changed/bookmarks', saved, removed: changes.removedBookmarkIds });
    }
    if (changes.topics.length || changes.removedTopicIds.length) {
      broadcast({ type: 'changed/topics', topics: await listTopics(db) });
    }
    return saveStatus(
      { at, state: 'synced', message: 'In step with your other devices.', usage: result.usage },
      areas,
    );
  } catch (error) {
    return saveStatus(
      { at, state: 'failed', message: error instanceof Error ? error.message : String(error) },
      areas,
    );
  }
}

/**
 * Syncs when the alarm fires, when another device's change reaches this browser's sync storage,
 * and when the browser starts. Listeners are registered synchronously, as MV3 requires.
 */
export function registerSync(db: () => Promise<Database>, broadcast: SyncContext['broadcast']): void {
  browser.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void db().then((opened) => runSync({ db: opened, broadcast }));
  });
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'sync') scheduleSync();
  });
  browser.runtime.onStartup?.addListener(() => scheduleSync());
  browser.runtime.onInstalled?.addListener(() => scheduleSync());
}
