import { createBackup, serializeBackup } from './backup';
import type { Database } from './db';
import { listBookmarks, listTopics } from './library';

/**
 * Automatic local copies of the whole library: taken before every import and at most once a day
 * after a change, the newest few kept. Restoring merges a copy back (never deleting), so a paper
 * removed by mistake, or an import gone wrong, is one click from undone.
 */

export const SNAPSHOTS_KEPT = 5;
const DAILY_MS = 24 * 60 * 60_000;

export interface SnapshotInfo {
  createdAt: string;
  reason: string;
  bookmarks: number;
  topics: number;
}

export async function takeSnapshot(db: Database, reason: string, now = new Date()): Promise<SnapshotInfo> {
  const [topics, bookmarks] = await Promise.all([listTopics(db), listBookmarks(db)]);
  const info: SnapshotInfo = {
    createdAt: now.toISOString(),
    reason,
    bookmarks: bookmarks.length,
    topics: topics.length,
  };
  const tx = db.transaction('snapshots', 'readwrite');
  await tx.store.put({ ...info, backup: createBackup(topics, bookmarks, now) });
  const keys = await tx.store.getAllKeys();
  await Promise.all(
    keys.slice(0, Math.max(0, keys.length - SNAPSHOTS_KEPT)).map((key) => tx.store.delete(key)),
  );
  await tx.done;
  return info;
}

let dailyUnderWay: Promise<SnapshotInfo | undefined> | undefined;

/**
 * Takes the day's snapshot if the newest one is older than a day (or there is none). A burst of
 * changes asks many times at once: they share one check and one snapshot, so a burst never pushes
 * the older snapshots out.
 */
export function takeDailySnapshot(db: Database, now = new Date()): Promise<SnapshotInfo | undefined> {
  dailyUnderWay ??= (async () => {
    const newest = await db.transaction('snapshots').store.openKeyCursor(null, 'prev');
    if (newest && now.getTime() - Date.parse(newest.key) < DAILY_MS) return undefined;
    return takeSnapshot(db, 'daily', now);
  })().finally(() => {
    dailyUnderWay = undefined;
  });
  return dailyUnderWay;
}

/** Snapshots, newest first, without their contents. */
export async function listSnapshots(db: Database): Promise<SnapshotInfo[]> {
  const snapshots = await db.getAll('snapshots');
  return snapshots
    .reverse()
    .map(({ createdAt, reason, bookmarks, topics }) => ({ createdAt, reason, bookmarks, topics }));
}

/** The snapshot as backup text, ready to be imported (merged) back. */
export async function snapshotText(db: Database, createdAt: string): Promise<string> {
  const snapshot = await db.get('snapshots', createdAt);
  if (!snapshot) throw new Error(`No snapshot taken at ${createdAt}`);
  return serializeBackup(snapshot.backup);
}
