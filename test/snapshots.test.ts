import { describe, expect, it } from 'vitest';
import { parseBackup } from '../lib/backup';
import { openDatabase } from '../lib/db';
import { removeBookmark, replaceTopics, saveBookmark } from '../lib/library';
import { importLibrary } from '../lib/library-transfer';
import {
  listSnapshots,
  SNAPSHOTS_KEPT,
  snapshotText,
  takeDailySnapshot,
  takeSnapshot,
} from '../lib/snapshots';

const DAY = 24 * 60 * 60_000;
const T0 = new Date('2026-11-01T12:00:00.000Z');

async function libraryWith(count: number) {
  const db = await openDatabase(`snapshots-${Math.random()}`);
  for (let n = 0; n < count; n++) {
    await saveBookmark(db, {
      paper: { id: `arxiv:2611.${10000 + n}`, title: `Paper ${n}`, authors: [], source: 'arxiv' },
      topics: [],
    });
  }
  await replaceTopics(db, [
    { id: 'kv', label: 'KV cache', color: '#f4b400', terms: ['KV cache'], enabled: true },
  ]);
  return db;
}

describe('snapshots', () => {
  it('keeps the newest few, newest first', async () => {
    const db = await libraryWith(3);
    for (let n = 0; n < SNAPSHOTS_KEPT + 2; n++)
      await takeSnapshot(db, `test ${n}`, new Date(T0.getTime() + n * DAY));
    const snapshots = await listSnapshots(db);
    expect(snapshots).toHaveLength(SNAPSHOTS_KEPT);
    expect(snapshots[0]).toEqual({
      createdAt: new Date(T0.getTime() + (SNAPSHOTS_KEPT + 1) * DAY).toISOString(),
      reason: `test ${SNAPSHOTS_KEPT + 1}`,
      bookmarks: 3,
      topics: 1,
    });
  });

  it('takes the daily snapshot only when the newest is a day old', async () => {
    const db = await libraryWith(1);
    expect(await takeDailySnapshot(db, T0)).toMatchObject({ reason: 'daily' });
    expect(await takeDailySnapshot(db, new Date(T0.getTime() + DAY / 2))).toBeUndefined();
    expect(await takeDailySnapshot(db, new Date(T0.getTime() + DAY + 1))).toMatchObject({ reason: 'daily' });
  });

  it('restoring merges the snapshot back: a removed paper returns, nothing else is lost', async () => {
    const db = await libraryWith(4);
    const { createdAt } = await takeSnapshot(db, 'before', T0);
    await removeBookmark(db, 'arxiv:2611.10002');
    await saveBookmark(db, {
      paper: { id: 'arxiv:2611.20000', title: 'Saved after', authors: [], source: 'arxiv' },
      topics: [],
    });
    const text = await snapshotText(db, createdAt);
    expect(parseBackup(text).ok).toBe(true);
    const { report } = await importLibrary(db, text);
    expect(report.added).toBe(1);
    expect((await db.getAllKeys('bookmarks')).sort()).toEqual([
      'arxiv:2611.10000',
      'arxiv:2611.10001',
      'arxiv:2611.10002',
      'arxiv:2611.10003',
      'arxiv:2611.20000',
    ]);
  });
});

describe('a burst of changes', () => {
  it('takes one daily snapshot, not one per change', async () => {
    const db = await libraryWith(2);
    const older = await takeSnapshot(db, 'before import', new Date(T0.getTime() - 2 * DAY));
    // Eight saves in a row, a millisecond apart, each asking for the day's snapshot.
    await Promise.all(Array.from({ length: 8 }, (_, i) => takeDailySnapshot(db, new Date(T0.getTime() + i))));
    expect((await listSnapshots(db)).map((s) => s.createdAt)).toEqual([T0.toISOString(), older.createdAt]);
  });
});
