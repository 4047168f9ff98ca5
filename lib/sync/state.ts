import { z } from 'zod';
import { jsonEqual, type Library } from '../backup';
import type { Bookmark } from '../bookmark';
import { arxivAbsUrl, arxivIdOf } from '../paper';
import { type Topic, TopicSchema } from '../topics/topic';

/**
 * What follows the user through `storage.sync`: per paper its id, a title to show before the page is
 * seen again, tags, note, read state, topics and dates (no abstracts or authors: kept or re-extracted
 * locally); topics whole; and tombstones, so a removal on one device is not undone by another.
 *
 * Merging is last-writer-wins per id: the version edited last (`updatedAt`, else `addedAt`) wins
 * whole, and a tombstone wins over every version edited before the removal. A paper saved again
 * after its removal is newer than the tombstone and comes back. The merge is commutative,
 * associative and idempotent, so devices agree whatever order they sync in.
 */
export interface SyncBookmark {
  id: string;
  title: string;
  /** Milliseconds since the epoch: shorter than ISO strings in a 100 KB quota. */
  addedAt: number;
  updatedAt?: number;
  tags: string[];
  note: string;
  read: boolean;
  topics: string[];
}

export interface SyncState {
  bookmarks: Map<string, SyncBookmark>;
  topics: Map<string, Topic>;
  /** id → when it was removed (ms). */
  removedBookmarks: Map<string, number>;
  removedTopics: Map<string, number>;
}

/** Titles are only shown until the paper's page is seen again: long ones are cut to save quota. */
export const SYNC_TITLE_MAX = 200;

export function emptySyncState(): SyncState {
  return { bookmarks: new Map(), topics: new Map(), removedBookmarks: new Map(), removedTopics: new Map() };
}

function ms(iso: string | undefined): number | undefined {
  const time = iso === undefined ? Number.NaN : Date.parse(iso);
  return Number.isNaN(time) ? undefined : time;
}

export function toSyncBookmark(bookmark: Bookmark): SyncBookmark {
  const updatedAt = ms(bookmark.updatedAt);
  return {
    id: bookmark.id,
    // By code points: a cut through an emoji would leave half a character.
    title:
      bookmark.title.length > SYNC_TITLE_MAX
        ? Array.from(bookmark.title).slice(0, SYNC_TITLE_MAX).join('')
        : bookmark.title,
    addedAt: ms(bookmark.addedAt) ?? 0,
    ...(updatedAt === undefined ? {} : { updatedAt }),
    tags: bookmark.tags,
    note: bookmark.note,
    read: bookmark.read,
    topics: bookmark.topics,
  };
}

const bookmarkEditTime = (bookmark: SyncBookmark) => bookmark.updatedAt ?? bookmark.addedAt;
const topicEditTime = (topic: Topic) => ms(topic.updatedAt) ?? 0;

/** The later edit; on a tie, the larger serialisation, so every device picks the same one. */
function newer<T>(a: T | undefined, b: T | undefined, editTime: (item: T) => number): T | undefined {
  if (!a || !b) return a ?? b;
  const difference = editTime(a) - editTime(b);
  if (difference) return difference > 0 ? a : b;
  return JSON.stringify(a) >= JSON.stringify(b) ? a : b;
}

function mergeKind<T>(
  itemsA: ReadonlyMap<string, T>,
  itemsB: ReadonlyMap<string, T>,
  removedA: ReadonlyMap<string, number>,
  removedB: ReadonlyMap<string, number>,
  editTime: (item: T) => number,
): { items: Map<string, T>; removed: Map<string, number> } {
  const items = new Map<string, T>();
  const removed = new Map<string, number>();
  const ids = new Set([...itemsA.keys(), ...itemsB.keys(), ...removedA.keys(), ...removedB.keys()]);
  for (const id of ids) {
    const item = newer(itemsA.get(id), itemsB.get(id), editTime);
    const removedAt = Math.max(
      removedA.get(id) ?? Number.NEGATIVE_INFINITY,
      removedB.get(id) ?? Number.NEGATIVE_INFINITY,
    );
    if (item && editTime(item) > removedAt) items.set(id, item);
    else removed.set(id, removedAt);
  }
  return { items, removed };
}

export function mergeSyncState(a: SyncState, b: SyncState): SyncState {
  const bookmarks = mergeKind(
    a.bookmarks,
    b.bookmarks,
    a.removedBookmarks,
    b.removedBookmarks,
    bookmarkEditTime,
  );
  const topics = mergeKind(a.topics, b.topics, a.removedTopics, b.removedTopics, topicEditTime);
  return {
    bookmarks: bookmarks.items,
    topics: topics.items,
    removedBookmarks: bookmarks.removed,
    removedTopics: topics.removed,
  };
}

/** Tombstones older than `ttlMs` are dropped: a device offline longer than that may bring a paper back. */
export function pruneTombstones(state: SyncState, now: number, ttlMs: number): SyncState {
  const keep = (removed: Map<string, number>) =>
    new Map([...removed].filter(([, removedAt]) => now - removedAt <= ttlMs));
  return {
    ...state,
    removedBookmarks: keep(state.removedBookmarks),
    removedTopics: keep(state.removedTopics),
  };
}

/** Ids a device had at its last sync: the ones now missing locally were removed on this device. */
export interface SyncBase {
  bookmarks: string[];
  topics: string[];
}

/** This device's library as sync state, with tombstones (at `now`) for what it removed since `base`. */
export function localSyncState(library: Library, base: SyncBase | undefined, now: number): SyncState {
  const state = emptySyncState();
  for (const bookmark of library.bookmarks) state.bookmarks.set(bookmark.id, toSyncBookmark(bookmark));
  for (const topic of library.topics) state.topics.set(topic.id, topic);
  for (const id of base?.bookmarks ?? []) if (!state.bookmarks.has(id)) state.removedBookmarks.set(id, now);
  for (const id of base?.topics ?? []) if (!state.topics.has(id)) state.removedTopics.set(id, now);
  return state;
}

export interface LocalChanges {
  /** Bookmarks to put: new from another device, or with another device's later edit applied. */
  bookmarks: Bookmark[];
  removedBookmarkIds: string[];
  topics: Topic[];
  removedTopicIds: string[];
}

function iso(time: number | undefined): string | undefined {
  return time === undefined ? undefined : new Date(time).toISOString();
}

function sameUserData(local: Bookmark, synced: SyncBookmark): boolean {
  return (
    ms(local.addedAt) === synced.addedAt &&
    ms(local.updatedAt) === synced.updatedAt &&
    local.read === synced.read &&
    local.note === synced.note &&
    jsonEqual(local.tags, synced.tags) &&
    jsonEqual(local.topics, synced.topics)
  );
}

/** A paper first seen through sync: what sync carries, plus the URL its id gives. */
function bookmarkFromSync(synced: SyncBookmark): Bookmark {
  const arxiv = arxivIdOf(synced.id);
  const doi = synced.id.startsWith('doi:') ? synced.id.slice('doi:'.length) : undefined;
  const url = arxiv ? arxivAbsUrl(arxiv) : doi ? `https://doi.org/${doi}` : undefined;
  const updatedAt = iso(synced.updatedAt);
  return {
    id: synced.id,
    title: synced.title,
    authors: [],
    ...(url ? { url } : {}),
    source: 'sync',
    addedAt: iso(synced.addedAt) ?? new Date(0).toISOString(),
    ...(updatedAt ? { updatedAt } : {}),
    tags: synced.tags,
    note: synced.note,
    topics: synced.topics,
    read: synced.read,
  };
}

/** What the local library must change to match the merged state; metadata stays as it is locally. */
export function changesForLocal(library: Library, merged: SyncState): LocalChanges {
  const localBookmarks = new Map(library.bookmarks.map((bookmark) => [bookmark.id, bookmark]));
  const localTopics = new Map(library.topics.map((topic) => [topic.id, topic]));
  const changes: LocalChanges = { bookmarks: [], removedBookmarkIds: [], topics: [], removedTopicIds: [] };
  for (const synced of merged.bookmarks.values()) {
    const local = localBookmarks.get(synced.id);
    if (!local) {
      changes.bookmarks.push(bookmarkFromSync(synced));
    } else if (!sameUserData(local, synced)) {
      const { updatedAt: _previous, ...rest } = local;
      const updatedAt = iso(synced.updatedAt);
      changes.bookmarks.push({
        ...rest,
        addedAt: iso(synced.addedAt) ?? local.addedAt,
        ...(updatedAt ? { updatedAt } : {}),
        tags: synced.tags,
        note: synced.note,
        read: synced.read,
        topics: synced.topics,
      });
    }
  }
  for (const id of merged.removedBookmarks.keys())
    if (localBookmarks.has(id)) changes.removedBookmarkIds.push(id);
  for (const topic of merged.topics.values()) {
    const local = localTopics.get(topic.id);
    if (!local || !jsonEqual(local, topic)) changes.topics.push(topic);
  }
  for (const id of merged.removedTopics.keys()) if (localTopics.has(id)) changes.removedTopicIds.push(id);
  return changes;
}

// ---------------------------------------------------------------------------------------------
// The serialised form: arrays, not objects, to fit as many papers as possible in the quota.

const SyncDocumentSchema = z.object({
  v: z.literal(1),
  /** [id, title, addedAt, updatedAt or -1, read 0/1, tags, note, topics] */
  b: z.array(
    z.tuple([
      z.string().min(1),
      z.string(),
      z.number(),
      z.number(),
      z.union([z.literal(0), z.literal(1)]),
      z.array(z.string()),
      z.string(),
      z.array(z.string()),
    ]),
  ),
  t: z.array(TopicSchema),
  rb: z.array(z.tuple([z.string().min(1), z.number()])),
  rt: z.array(z.tuple([z.string().min(1), z.number()])),
});
type SyncDocument = z.infer<typeof SyncDocumentSchema>;

export function encodeSyncState(state: SyncState): string {
  const document: SyncDocument = {
    v: 1,
    b: [...state.bookmarks.values()].map((b) => [
      b.id,
      b.title,
      b.addedAt,
      b.updatedAt ?? -1,
      b.read ? 1 : 0,
      b.tags,
      b.note,
      b.topics,
    ]),
    t: [...state.topics.values()],
    rb: [...state.removedBookmarks],
    rt: [...state.removedTopics],
  };
  return JSON.stringify(document);
}

export function decodeSyncState(text: string): SyncState | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = SyncDocumentSchema.safeParse(data);
  if (!parsed.success) return undefined;
  const { b, t, rb, rt } = parsed.data;
  return {
    bookmarks: new Map(
      b.map(([id, title, addedAt, updatedAt, read, tags, note, topics]) => [
        id,
        {
          id,
          title,
          addedAt,
          ...(updatedAt >= 0 ? { updatedAt } : {}),
          tags,
          note,
          read: read === 1,
          topics,
        },
      ]),
    ),
    topics: new Map(t.map((topic) => [topic.id, topic])),
    removedBookmarks: new Map(rb),
    removedTopics: new Map(rt),
  };
}
