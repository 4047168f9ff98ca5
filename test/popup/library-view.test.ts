import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allTags,
  createNarrowingFilter,
  DEFAULT_VIEW,
  filterBookmarks,
  haystackOf,
  parseTags,
  sortBookmarks,
  type ViewOptions,
  warmHaystacks,
} from '../../components/library-view';
import { type Bookmark, BookmarkSchema } from '../../lib/bookmark';

function bookmark(n: number, fields: Partial<Bookmark> = {}): Bookmark {
  return BookmarkSchema.parse({
    id: `arxiv:2601.0000${n}`,
    title: `Paper ${n}`,
    authors: [],
    source: 'arxiv',
    addedAt: `2026-04-0${n}T00:00:00.000Z`,
    ...fields,
  });
}

const LIBRARY = [
  bookmark(1, {
    title: 'KV Cache Eviction',
    authors: ['Mei Tanaka'],
    published: '2026-01-05',
    topics: ['kv'],
    tags: ['memory'],
  }),
  bookmark(2, {
    title: 'agents that ask',
    abstract: 'Clarifying QUESTIONS',
    published: '2026-03-01',
    tags: ['agents', 'rl'],
    note: 'Toolformer',
    read: true,
  }),
  bookmark(3, { title: 'Zebra finches', published: undefined }),
  bookmark(4, { title: 'Échelle libre', published: '2026-02-11', topics: ['kv'], read: true }),
];

const ids = (list: Bookmark[]) => list.map((b) => b.id.slice(-1)).join('');
const view = (changes: Partial<ViewOptions>): ViewOptions => ({ ...DEFAULT_VIEW, ...changes });

describe('search', () => {
  it('matches every word, case-insensitively, in title, authors, abstract, tags and note', () => {
    expect(ids(filterBookmarks(LIBRARY, view({ query: 'TANAKA' })))).toBe('1');
    expect(ids(filterBookmarks(LIBRARY, view({ query: 'questions' })))).toBe('2');
    expect(ids(filterBookmarks(LIBRARY, view({ query: 'toolformer' })))).toBe('2');
    expect(ids(filterBookmarks(LIBRARY, view({ query: 'memory' })))).toBe('1');
    expect(ids(filterBookmarks(LIBRARY, view({ query: ' cache   kv ' })))).toBe('1');
    expect(ids(filterBookmarks(LIBRARY, view({ query: 'cache zebra' })))).toBe('');
  });

  it('makes one haystack per bookmark object, and a new one when the bookmark changes', () => {
    const first = LIBRARY[0] as Bookmark;
    expect(haystackOf(first)).toBe(haystackOf(first));
    expect(haystackOf({ ...first, note: 'Now With A Note' })).toContain('now with a note');
  });

  it('the narrowing filter answers exactly as the plain one, keystroke after keystroke', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'e', 'k', 'v', ' ', 'c', 'Q', 'x')),
        fc.boolean(),
        (keys, unread) => {
          const narrowing = createNarrowingFilter();
          let query = '';
          for (const key of keys) {
            query += key;
            const v = view({ query, read: unread ? 'unread' : 'all' });
            expect(ids(narrowing(LIBRARY, v))).toBe(ids(filterBookmarks(LIBRARY, v)));
          }
          // Deleting characters widens again.
          const shorter = view({ query: query.slice(0, 1) });
          expect(ids(narrowing(LIBRARY, shorter))).toBe(ids(filterBookmarks(LIBRARY, shorter)));
        },
      ),
    );
  });

  it('warms haystacks in the background, stopping when aborted', async () => {
    const many = Array.from({ length: 50 }, (_, n) => bookmark(1, { id: `arxiv:2601.${n}` }));
    warmHaystacks(many, new AbortController().signal, 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(many.every((b) => haystackOf(b).includes('paper 1'))).toBe(true);
  });
});

describe('filters and sort', () => {
  it('filters by topic, tag and read state, combined', () => {
    expect(ids(filterBookmarks(LIBRARY, view({ topic: 'kv' })))).toBe('14');
    expect(ids(filterBookmarks(LIBRARY, view({ topic: 'kv', read: 'unread' })))).toBe('1');
    expect(ids(filterBookmarks(LIBRARY, view({ read: 'read' })))).toBe('24');
    expect(ids(filterBookmarks(LIBRARY, view({ tag: 'rl' })))).toBe('2');
  });

  it('sorts by date saved (newest first), published (undated last) and title (accents and case ignored)', () => {
    expect(ids(sortBookmarks(LIBRARY, 'saved'))).toBe('4321');
    expect(ids(sortBookmarks(LIBRARY, 'published'))).toBe('2413');
    expect(ids(sortBookmarks(LIBRARY, 'title'))).toBe('2413');
  });

  it('lists tags in use and parses typed tags', () => {
    expect(allTags(LIBRARY)).toEqual(['agents', 'memory', 'rl']);
    expect(parseTags(' rl, deep learning ,, rl\nvision ')).toEqual(['rl', 'deep learning', 'vision']);
  });
});
