import type { Bookmark } from '../lib/bookmark';

/**
 * What the popup shows of the library: search, filters and sort, as pure functions over the saved
 * papers, so they are tested without a browser and stay fast at 10,000 papers.
 */

export type ReadFilter = 'all' | 'unread' | 'read';
export type SortKey = 'saved' | 'published' | 'title';

export interface ViewOptions {
  query: string;
  /** A topic id, or '' for any. */
  topic: string;
  /** A tag, or '' for any. */
  tag: string;
  read: ReadFilter;
  sort: SortKey;
}

export const DEFAULT_VIEW: ViewOptions = { query: '', topic: '', tag: '', read: 'all', sort: 'saved' };

export const SORT_LABELS: Record<SortKey, string> = {
  saved: 'Date saved',
  published: 'Date published',
  title: 'Title',
};

export const READ_LABELS: Record<ReadFilter, string> = {
  all: 'Read and unread',
  unread: 'Unread',
  read: 'Read',
};

/**
 * One lowercase string of everything searchable about a paper, made once per bookmark object (a
 * changed bookmark is a new object, so it gets a new one): a keystroke then costs one `includes`
 * per paper, with no allocation.
 */
const haystacks = new WeakMap<Bookmark, string>();

export function haystackOf(bookmark: Bookmark): string {
  let haystack = haystacks.get(bookmark);
  if (haystack === undefined) {
    haystack = [
      bookmark.title,
      bookmark.authors.join(' '),
      bookmark.abstract ?? '',
      bookmark.tags.join(' '),
      bookmark.note,
    ]
      .join('\n')
      .toLowerCase();
    haystacks.set(bookmark, haystack);
  }
  return haystack;
}

/** The query's words, lowercase: a paper matches when every word appears somewhere in it. */
export function queryTerms(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

const titleCollator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Newest first for dates (papers without a published date last), A–Z for titles; ties by id. */
function compare(sort: SortKey): (a: Bookmark, b: Bookmark) => number {
  const byId = (a: Bookmark, b: Bookmark) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  switch (sort) {
    case 'saved':
      return (a, b) => (a.addedAt < b.addedAt ? 1 : a.addedAt > b.addedAt ? -1 : byId(a, b));
    case 'published':
      return (a, b) => {
        const pa = a.published ?? '';
        const pb = b.published ?? '';
        return pa < pb ? 1 : pa > pb ? -1 : byId(a, b);
      };
    case 'title':
      return (a, b) => titleCollator.compare(a.title, b.title) || byId(a, b);
  }
}

export function sortBookmarks(bookmarks: readonly Bookmark[], sort: SortKey): Bookmark[] {
  return [...bookmarks].sort(compare(sort));
}

function matchesFilters(bookmark: Bookmark, view: ViewOptions, terms: string[]): boolean {
  if (view.read === 'read' && !bookmark.read) return false;
  if (view.read === 'unread' && bookmark.read) return false;
  if (view.topic && !bookmark.topics.includes(view.topic)) return false;
  if (view.tag && !bookmark.tags.includes(view.tag)) return false;
  if (!terms.length) return true;
  const haystack = haystackOf(bookmark);
  return terms.every((term) => haystack.includes(term));
}

/** The papers to show, in order: `sorted` is the library already sorted by `view.sort`. */
export function filterBookmarks(sorted: readonly Bookmark[], view: ViewOptions): Bookmark[] {
  const terms = queryTerms(view.query);
  return sorted.filter((bookmark) => matchesFilters(bookmark, view, terms));
}

/**
 * `filterBookmarks` that remembers its last answer: a query that extends the previous one (the
 * next keystroke) can only match a subset of what matched before, so only those are searched.
 */
export function createNarrowingFilter(): (sorted: readonly Bookmark[], view: ViewOptions) => Bookmark[] {
  let last: { sorted: readonly Bookmark[]; view: ViewOptions; result: Bookmark[] } | undefined;
  return (sorted, view) => {
    const narrows =
      last !== undefined &&
      last.sorted === sorted &&
      last.view.topic === view.topic &&
      last.view.tag === view.tag &&
      last.view.read === view.read &&
      view.query.toLowerCase().startsWith(last.view.query.toLowerCase());
    const result = filterBookmarks(narrows && last ? last.result : sorted, view);
    last = { sorted, view, result };
    return result;
  };
}

/**
 * Builds every haystack ahead of the first keystroke, in slices of a few milliseconds while the
 * popup is idle, so that typing never pays for it. Stops when `signal` aborts.
 */
export function warmHaystacks(bookmarks: readonly Bookmark[], signal: AbortSignal, sliceMs = 4): void {
  let next = 0;
  const slice = () => {
    if (signal.aborted) return;
    const until = performance.now() + sliceMs;
    while (next < bookmarks.length && performance.now() < until) {
      const bookmark = bookmarks[next++];
      if (bookmark) haystackOf(bookmark);
    }
    if (next < bookmarks.length) setTimeout(slice, 0);
  };
  setTimeout(slice, 0);
}

/** Every tag in use, alphabetically, for the tag filter. */
export function allTags(bookmarks: readonly Bookmark[]): string[] {
  const tags = new Set<string>();
  for (const bookmark of bookmarks) for (const tag of bookmark.tags) tags.add(tag);
  return [...tags].sort(titleCollator.compare);
}

/** Tags as typed in the editor ("rl, vision  llm") → a clean list. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,\n]/)
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}
