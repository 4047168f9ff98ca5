import { type DBSchema, type IDBPDatabase, type IDBPObjectStore, openDB, type StoreNames } from 'idb';
import type { Backup } from './backup';
import type { Bookmark } from './bookmark';
import type { Settings } from './settings';
import type { Topic } from './topics/topic';

/**
 * The user's library in IndexedDB. The background service worker is its only writer; every change
 * is one transaction, acknowledged only after it commits, so a worker killed mid-write loses nothing.
 */
export interface PaperlightDB extends DBSchema {
  bookmarks: {
    key: string;
    value: Bookmark;
    indexes: { addedAt: string };
  };
  topics: {
    key: string;
    /** `order` is the topic's place in the user's list (topics are shown and matched in this order). */
    value: Topic & { order: number };
  };
  /** Since v2: papers shown on listing pages (ids only), to tell what is new. Expires. */
  seen: {
    key: string;
    value: { id: string; firstSeen: number; lastSeen: number };
    indexes: { lastSeen: number };
  };
  /** Since v2: when each listing page was visited, to tell what is new since the last visit. */
  listings: {
    key: string;
    value: { key: string; visitStart: number; lastVisit: number; previousVisit?: number };
  };
  /** Since v2: the user's settings, one record under the key `settings`. */
  settings: {
    key: string;
    value: Settings;
  };
  /** Since v2: automatic local copies of the library, newest kept, restorable from the options page. */
  snapshots: {
    key: string;
    value: { createdAt: string; reason: string; bookmarks: number; topics: number; backup: Backup };
  };
}

export const DB_NAME = 'paperlight';
export const DB_VERSION = 2;

export type Database = IDBPDatabase<PaperlightDB>;

/**
 * v1 → v2 in place: every bookmark gets `updatedAt` (its `addedAt` when it was never edited), so
 * merges and sync can compare edits; tags are trimmed and deduplicated; `read` is made explicit.
 */
export function migrateBookmarkToV2(bookmark: Bookmark): Bookmark {
  const tags = [...new Set((bookmark.tags ?? []).map((tag) => tag.trim()).filter(Boolean))];
  return {
    ...bookmark,
    tags,
    read: bookmark.read ?? false,
    updatedAt: bookmark.updatedAt ?? bookmark.addedAt,
  };
}

async function migrateBookmarks(
  store: IDBPObjectStore<PaperlightDB, ArrayLike<StoreNames<PaperlightDB>>, 'bookmarks', 'versionchange'>,
): Promise<void> {
  let cursor = await store.openCursor();
  while (cursor) {
    await cursor.update(migrateBookmarkToV2(cursor.value));
    cursor = await cursor.continue();
  }
}

/** Opens (and creates or migrates) the database. Each rung of the ladder runs once, in order. */
export function openDatabase(name = DB_NAME, version = DB_VERSION): Promise<Database> {
  return openDB<PaperlightDB>(name, version, {
    upgrade(db, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) {
        const bookmarks = db.createObjectStore('bookmarks', { keyPath: 'id' });
        bookmarks.createIndex('addedAt', 'addedAt');
        db.createObjectStore('topics', { keyPath: 'id' });
      }
      if (oldVersion < 2 && version >= 2) {
        db.createObjectStore('seen', { keyPath: 'id' }).createIndex('lastSeen', 'lastSeen');
        db.createObjectStore('listings', { keyPath: 'key' });
        db.createObjectStore('settings');
        db.createObjectStore('snapshots', { keyPath: 'createdAt' });
        // Only the upgrade transaction's own requests are awaited in here: it stays open until done.
        void migrateBookmarks(transaction.objectStore('bookmarks'));
      }
    },
    blocking() {
      // A newer version wants to open: let it, rather than leave the upgrade waiting on us.
      void dbPromise?.then((db) => db.close());
      dbPromise = undefined;
    },
  });
}

let dbPromise: Promise<Database> | undefined;

/** The one shared connection of this context, opened on first use. */
export function database(): Promise<Database> {
  dbPromise ??= openDatabase().catch((error: unknown) => {
    dbPromise = undefined;
    throw error;
  });
  return dbPromise;
}
