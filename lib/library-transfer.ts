import {
  type Backup,
  createBackup,
  type IncomingLibrary,
  type MergeReport,
  mergeLibrary,
  parseBackup,
} from './backup';
import type { Bookmark } from './bookmark';
import type { Database } from './db';
import { importBibtex } from './import/bibtex';
import { listBookmarks, listTopics } from './library';
import type { Topic } from './topics/topic';

export interface ImportOutcome {
  report: MergeReport;
  /** Bookmarks added or changed. */
  bookmarks: Bookmark[];
  /** The whole topic list after the import, if it changed. */
  topics?: Topic[];
}

/** A Paperlight backup is JSON; anything else is read as BibTeX. Throws the file's problem. */
function readImportFile(text: string): IncomingLibrary {
  if (/^\s*[[{]/.test(text)) {
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.entries;
  }
  const bibtex = importBibtex(text);
  if (!bibtex.ok) throw new Error(bibtex.error);
  return { bookmarks: bibtex.bookmarks, refused: bibtex.refused };
}

/**
 * Imports a backup or a BibTeX file: merged by id, never deleting, in one transaction over both
 * stores. A file that does not parse is refused whole (the error names what is wrong) before
 * anything is written; `beforeWrite` runs once the file is known good (the background takes a
 * snapshot there).
 */
export async function importLibrary(
  db: Database,
  text: string,
  beforeWrite?: () => Promise<unknown>,
): Promise<ImportOutcome> {
  const incoming = readImportFile(text);
  await beforeWrite?.();

  const tx = db.transaction(['bookmarks', 'topics'], 'readwrite');
  const bookmarkStore = tx.objectStore('bookmarks');
  const topicStore = tx.objectStore('topics');
  const [currentBookmarks, storedTopics] = await Promise.all([bookmarkStore.getAll(), topicStore.getAll()]);
  const orderOf = new Map(storedTopics.map((topic) => [topic.id, topic.order]));
  const merged = mergeLibrary(
    { bookmarks: currentBookmarks, topics: storedTopics.map(({ order: _order, ...topic }) => topic) },
    incoming,
  );
  let nextOrder = Math.max(-1, ...orderOf.values()) + 1;
  await Promise.all([
    ...merged.bookmarks.map((bookmark) => bookmarkStore.put(bookmark)),
    ...merged.topics.map((topic) =>
      topicStore.put({ ...topic, order: orderOf.get(topic.id) ?? nextOrder++ }),
    ),
  ]);
  await tx.done;

  return {
    report: merged.report,
    bookmarks: merged.bookmarks,
    topics: merged.topics.length ? await listTopics(db) : undefined,
  };
}

export async function exportLibrary(db: Database, now = new Date()): Promise<Backup> {
  const [topics, bookmarks] = await Promise.all([listTopics(db), listBookmarks(db)]);
  return createBackup(topics, bookmarks, now);
}
