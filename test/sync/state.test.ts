import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { BookmarkSchema } from '../../lib/bookmark';
import {
  changesForLocal,
  decodeSyncState,
  encodeSyncState,
  localSyncState,
  mergeSyncState,
  pruneTombstones,
  type SyncBookmark,
  type SyncState,
} from '../../lib/sync/state';
import { TopicSchema } from '../../lib/topics/topic';

const ids = fc.constantFrom('arxiv:1', 'arxiv:2', 'arxiv:3', 'doi:10.1/x');
const time = fc.integer({ min: 0, max: 20 });

const syncBookmark: fc.Arbitrary<SyncBookmark> = fc.record(
  {
    id: ids,
    title: fc.string({ minLength: 1, maxLength: 5 }),
    addedAt: time,
    updatedAt: time,
    tags: fc.array(fc.constantFrom('a', 'b'), { maxLength: 2 }),
    note: fc.constantFrom('', 'n1', 'n2'),
    read: fc.boolean(),
    topics: fc.constant([]),
  },
  { requiredKeys: ['id', 'title', 'addedAt', 'tags', 'note', 'read', 'topics'] },
);

const state: fc.Arbitrary<SyncState> = fc
  .record({
    bookmarks: fc.array(syncBookmark, { maxLength: 4 }),
    removed: fc.array(fc.tuple(ids, time), { maxLength: 3 }),
  })
  .map(({ bookmarks, removed }) => ({
    bookmarks: new Map(bookmarks.map((b) => [b.id, b])),
    topics: new Map(),
    removedBookmarks: new Map(removed),
    removedTopics: new Map(),
  }));

/** States compared as their serialisation, with entries in id order. */
function canonical(s: SyncState): unknown {
  const sorted = <T>(map: Map<string, T>) => [...map].sort(([a], [b]) => (a < b ? -1 : 1));
  return [sorted(s.bookmarks), sorted(s.topics), sorted(s.removedBookmarks), sorted(s.removedTopics)];
}

describe('mergeSyncState', () => {
  test('devices agree whatever order they merge in: commutative, associative, idempotent', () => {
    fc.assert(
      fc.property(state, state, state, (a, b, c) => {
        expect(canonical(mergeSyncState(a, b))).toEqual(canonical(mergeSyncState(b, a)));
        expect(canonical(mergeSyncState(mergeSyncState(a, b), c))).toEqual(
          canonical(mergeSyncState(a, mergeSyncState(b, c))),
        );
        expect(canonical(mergeSyncState(a, a))).toEqual(canonical(mergeSyncState(a, a)));
        const ab = mergeSyncState(a, b);
        expect(canonical(mergeSyncState(ab, ab))).toEqual(canonical(ab));
      }),
    );
  });

  test('each id is either alive or a tombstone, never both', () => {
    fc.assert(
      fc.property(state, state, (a, b) => {
        const merged = mergeSyncState(a, b);
        for (const id of merged.bookmarks.keys()) expect(merged.removedBookmarks.has(id)).toBe(false);
      }),
    );
  });

  test('a tombstone wins over edits up to its time, not after', () => {
    const paper = (updatedAt: number): SyncBookmark => ({
      id: 'arxiv:1',
      title: 't',
      addedAt: 0,
      updatedAt,
      tags: [],
      note: '',
      read: false,
      topics: [],
    });
    const removedAt = (time: number): SyncState => ({
      bookmarks: new Map(),
      topics: new Map(),
      removedBookmarks: new Map([['arxiv:1', time]]),
      removedTopics: new Map(),
    });
    const alive = (updatedAt: number): SyncState => ({
      ...removedAt(0),
      removedBookmarks: new Map(),
      bookmarks: new Map([['arxiv:1', paper(updatedAt)]]),
    });
    expect(mergeSyncState(alive(5), removedAt(5)).bookmarks.size).toBe(0);
    expect(mergeSyncState(alive(6), removedAt(5)).bookmarks.size).toBe(1);
  });
});

describe('encoding', () => {
  test('encode → decode is the identity; junk decodes to undefined', () => {
    fc.assert(
      fc.property(state, (s) => {
        const decoded = decodeSyncState(encodeSyncState(s));
        expect(decoded && canonical(decoded)).toEqual(canonical(s));
      }),
    );
    expect(decodeSyncState('{"v":2}')).toBeUndefined();
    expect(decodeSyncState('not json')).toBeUndefined();
  });

  test('topics round-trip whole', () => {
    const topic = TopicSchema.parse({
      id: 'kv',
      label: 'KV',
      terms: ['a'],
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    const s = localSyncState({ topics: [topic], bookmarks: [] }, undefined, 0);
    expect(decodeSyncState(encodeSyncState(s))?.topics.get('kv')).toEqual(topic);
  });
});

describe('local state and changes', () => {
  const bookmark = BookmarkSchema.parse({ id: 'arxiv:1', title: 'T', addedAt: '2026-01-01T00:00:00.000Z' });

  test('ids in the base but gone locally become tombstones at now', () => {
    const s = localSyncState(
      { topics: [], bookmarks: [bookmark] },
      { bookmarks: ['arxiv:1', 'arxiv:2'], topics: ['t'] },
      42,
    );
    expect([...s.removedBookmarks]).toEqual([['arxiv:2', 42]]);
    expect([...s.removedTopics]).toEqual([['t', 42]]);
  });

  test('no changes when the merged state is the local library', () => {
    const library = { topics: [], bookmarks: [bookmark] };
    expect(changesForLocal(library, localSyncState(library, undefined, 0))).toEqual({
      bookmarks: [],
      removedBookmarkIds: [],
      topics: [],
      removedTopicIds: [],
    });
  });

  test('long titles are cut by characters, never through an emoji', () => {
    const title = `${'a'.repeat(199)}🙂🙂`;
    const s = localSyncState({ topics: [], bookmarks: [{ ...bookmark, title }] }, undefined, 0);
    expect(s.bookmarks.get('arxiv:1')?.title).toBe(`${'a'.repeat(199)}🙂`);
  });

  test('old tombstones are pruned', () => {
    const s = localSyncState({ topics: [], bookmarks: [] }, { bookmarks: ['a', 'b'], topics: [] }, 0);
    s.removedBookmarks.set('b', 100);
    expect([...pruneTombstones(s, 150, 60).removedBookmarks.keys()]).toEqual(['b']);
  });
});
