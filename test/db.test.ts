import { describe, expect, it } from 'vitest';
import type { Bookmark } from '../lib/bookmark';
import { openDatabase } from '../lib/db';
import { listBookmarks, listTopics } from '../lib/library';

const ADDED = '2026-03-01T09:00:00.000Z';

function v1Bookmark(n: number): Bookmark {
  return {
    id: `arxiv:2603.${String(10000 + n)}`,
    title: `Paper ${n}`,
    authors: ['A. Author'],
    source: 'arxiv',
    addedAt: ADDED,
    tags: [' rl ', 'rl', '', 'agents'],
    note: `note ${n}`,
    topics: [],
    read: n % 2 === 0,
    futureField: { n },
  };
}

describe('the migration ladder', () => {
  it('v1 → v2 migrates every bookmark in place and loses nothing', async () => {
    const name = `migration-${Math.random()}`;
    const v1 = await openDatabase(name, 1);
    expect([...v1.objectStoreNames].sort()).toEqual(['bookmarks', 'topics']);
    const stored = Array.from({ length: 250 }, (_, n) => v1Bookmark(n));
    for (const bookmark of stored) await v1.put('bookmarks', bookmark);
    await v1.put('topics', {
      id: 'rl',
      label: 'RL',
      color: '#112233',
      terms: ['reinforcement learning'],
      enabled: true,
      order: 0,
    });
    v1.close();

    const v2 = await openDatabase(name);
    expect(v2.version).toBe(2);
    expect([...v2.objectStoreNames].sort()).toEqual([
      'bookmarks',
      'listings',
      'seen',
      'settings',
      'snapshots',
      'topics',
    ]);
    const migrated = await listBookmarks(v2);
    expect(migrated).toHaveLength(250);
    for (const bookmark of migrated) {
      const before = stored.find((b) => b.id === bookmark.id);
      // The real change: tags trimmed and deduplicated, and an edit time to merge and sync by.
      expect(bookmark).toEqual({ ...before, tags: ['rl', 'agents'], updatedAt: ADDED });
    }
    expect(await listTopics(v2)).toEqual([
      { id: 'rl', label: 'RL', color: '#112233', terms: ['reinforcement learning'], enabled: true },
    ]);
    v2.close();
  });

  it('a new database starts at the latest version with every store', async () => {
    const db = await openDatabase(`fresh-${Math.random()}`);
    expect(db.version).toBe(2);
    expect(db.objectStoreNames.length).toBe(6);
  });
});
