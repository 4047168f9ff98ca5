import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { Bookmark } from './bookmark';
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
}

export const DB_NAME = 'paperlight';
export const DB_VERSION = 1;

export type Database = IDBPDatabase<PaperlightDB>;

/** Opens (and creates or migrates) the database. Each rung of the ladder runs once, in order. */
export function openDatabase(name = DB_NAME, version = DB_VERSION): Promise<Database> {
  return openDB<PaperlightDB>(name, version, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const bookmarks = db.createObjectStore('bookmarks', { keyPath: 'id' });
        bookmarks.createIndex('addedAt', 'addedAt');
        db.createObjectStore('topics', { keyPath: 'id' });
      }
      // Version 2 goes here as `if (oldVersion < 2) { ... }`, migrating records in place through the
      // upgrade transaction (never awaiting anything but its own requests).
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
