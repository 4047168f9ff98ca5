import { type Bookmark, BookmarkSchema } from './bookmark';
import type { Database } from './db';
import type { Paper } from './paper';
import type { Topic } from './topics/topic';

/**
 * The library's operations on IndexedDB, each one transaction: the caller (the background) replies
 * only after it has committed. Nothing here keeps state in memory.
 */

/** Saved papers, most recently saved first. */
export async function listBookmarks(db: Database): Promise<Bookmark[]> {
  const newestLast = await db.getAllFromIndex('bookmarks', 'addedAt');
  return newestLast.reverse();
}

/**
 * The `limit` most recently saved papers, read off the index: enough for a first screen without
 * reading (and cloning) the whole library.
 */
export async function listRecentBookmarks(db: Database, limit: number): Promise<Bookmark[]> {
  const tx = db.transaction('bookmarks');
  const recent: Bookmark[] = [];
  let cursor = await tx.store.index('addedAt').openCursor(null, 'prev');
  while (cursor && recent.length < limit) {
    recent.push(cursor.value);
    cursor = await cursor.continue();
  }
  await tx.done;
  return recent;
}

export async function savedAmong(db: Database, ids: string[]): Promise<string[]> {
  const tx = db.transaction('bookmarks');
  const keys = await Promise.all(ids.map((id) => tx.store.getKey(id)));
  await tx.done;
  return ids.filter((_, i) => keys[i] !== undefined);
}

export interface SaveInput {
  paper: Paper;
  topics: string[];
  savedFrom?: string;
}

/**
 * Saves a paper, or refreshes an already saved one: the page's metadata fills in what was missing,
 * and the user's own data (tags, note, read state, when it was first saved) is kept.
 */
export async function saveBookmark(db: Database, input: SaveInput, now = new Date()): Promise<Bookmark> {
  const tx = db.transaction('bookmarks', 'readwrite');
  const existing = await tx.store.get(input.paper.id);
  const bookmark = existing
    ? mergePaperInto(existing, input)
    : BookmarkSchema.parse({
        ...input.paper,
        topics: input.topics,
        savedFrom: input.savedFrom,
        addedAt: now.toISOString(),
      });
  await tx.store.put(bookmark);
  await tx.done;
  return bookmark;
}

function mergePaperInto(existing: Bookmark, { paper, topics }: SaveInput): Bookmark {
  const filled: Record<string, unknown> = { ...existing };
  for (const [key, value] of Object.entries(paper)) {
    const current = filled[key];
    const missing =
      current === undefined || current === '' || (Array.isArray(current) && current.length === 0);
    if (missing) filled[key] = value;
  }
  filled.extras = { ...paper.extras, ...existing.extras };
  filled.topics = [...new Set([...existing.topics, ...topics])];
  return BookmarkSchema.parse(filled);
}

export interface BookmarkChanges {
  tags?: string[];
  note?: string;
  read?: boolean;
}

/**
 * Changes the user's own data on a saved paper (tags deduplicated, in the order given) and stamps
 * `updatedAt`, so that merges keep the newest edit. Fails if the paper is not saved.
 */
export async function updateBookmark(
  db: Database,
  id: string,
  changes: BookmarkChanges,
  now = new Date(),
): Promise<Bookmark> {
  const tx = db.transaction('bookmarks', 'readwrite');
  const existing = await tx.store.get(id);
  if (!existing) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new Error(`Not saved: ${id}`);
  }
  const updated: Bookmark = {
    ...existing,
    ...(changes.tags ? { tags: [...new Set(changes.tags.map((tag) => tag.trim()).filter(Boolean))] } : {}),
    ...(changes.note !== undefined ? { note: changes.note } : {}),
    ...(changes.read !== undefined ? { read: changes.read } : {}),
    updatedAt: now.toISOString(),
  };
  await tx.store.put(updated);
  await tx.done;
  return updated;
}

/** Removes a saved paper; returns what was removed (for undo), or null if it was not saved. */
export async function removeBookmark(db: Database, id: string): Promise<Bookmark | null> {
  const tx = db.transaction('bookmarks', 'readwrite');
  const existing = await tx.store.get(id);
  if (existing) await tx.store.delete(id);
  await tx.done;
  return existing ?? null;
}

export async function putBookmark(db: Database, bookmark: Bookmark): Promise<Bookmark> {
  await db.put('bookmarks', bookmark);
  return bookmark;
}

/** Topics in the user's order. */
export async function listTopics(db: Database): Promise<Topic[]> {
  const stored = await db.getAll('topics');
  return stored.sort((a, b) => a.order - b.order).map(({ order: _order, ...topic }) => topic);
}

/** Replaces the topic list (the options page edits it as one ordered list). */
export async function replaceTopics(
  db: Database,
  topics: Topic[],
  removed?: readonly string[],
): Promise<Topic[]> {
  const tx = db.transaction('topics', 'readwrite');
  const stored = (await tx.store.getAll()).sort((a, b) => a.order - b.order);
  // With `removed`, the editor says what it deleted: a topic added meanwhile elsewhere (a sync, an
  // import, another window) is not in its list, and stays, after it. Without, the list is all there is.
  const listed = new Set(topics.map((topic) => topic.id));
  const gone = new Set(removed);
  const kept = removed
    ? stored
        .filter((topic) => !listed.has(topic.id) && !gone.has(topic.id))
        .map(({ order: _order, ...topic }) => topic)
    : [];
  const next = [...topics, ...kept];
  await tx.store.clear();
  await Promise.all(next.map((topic, order) => tx.store.put({ ...topic, order })));
  await tx.done;
  return next;
}
