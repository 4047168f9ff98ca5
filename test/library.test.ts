import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import type { Bookmark } from '../lib/bookmark';
import { type Database, DB_NAME, openDatabase } from '../lib/db';
import {
  listBookmarks,
  listRecentBookmarks,
  listTopics,
  putBookmark,
  removeBookmark,
  replaceTopics,
  saveBookmark,
  savedAmong,
  updateBookmark,
} from '../lib/library';
import type { Paper } from '../lib/paper';

function paper(n: number, extra: Partial<Paper> = {}): Paper {
  return {
    id: `arxiv:2609.${String(10000 + n)}`,
    title: `Paper number ${n}`,
    authors: [`Author ${n}`],
    source: 'huggingface',
    ...extra,
  };
}

const T0 = new Date('2026-10-01T10:00:00.000Z');
const T1 = new Date('2026-10-02T10:00:00.000Z');

async function freshDb(): Promise<Database> {
  return openDatabase(`library-test-${Math.random()}`);
}

describe('saveBookmark', () => {
  it('saves a new paper with where and when it was saved, and empty user data', async () => {
    const db = await freshDb();
    const saved = await saveBookmark(
      db,
      { paper: paper(1, { abstract: 'About KV caches.' }), topics: ['kv'], savedFrom: 'https://hf.co/x' },
      T0,
    );
    expect(saved).toMatchObject({
      id: 'arxiv:2609.10001',
      title: 'Paper number 1',
      abstract: 'About KV caches.',
      topics: ['kv'],
      savedFrom: 'https://hf.co/x',
      addedAt: T0.toISOString(),
      tags: [],
      note: '',
      read: false,
    });
    expect(await listBookmarks(db)).toEqual([saved]);
  });

  it('merges a second sighting: fills missing metadata, keeps the user data and the first save time', async () => {
    const db = await freshDb();
    await saveBookmark(db, { paper: paper(1), topics: ['a'] }, T0);
    await updateBookmark(db, 'arxiv:2609.10001', { tags: ['x'], note: 'good', read: true }, T0);
    const merged = await saveBookmark(
      db,
      {
        paper: paper(1, { title: 'Other title', abstract: 'Now with abstract', source: 'arxiv' }),
        topics: ['b'],
      },
      T1,
    );
    expect(merged).toMatchObject({
      title: 'Paper number 1',
      abstract: 'Now with abstract',
      source: 'huggingface',
      topics: ['a', 'b'],
      tags: ['x'],
      note: 'good',
      read: true,
      addedAt: T0.toISOString(),
    });
    expect(await listBookmarks(db)).toHaveLength(1);
  });

  it('keeps every one of many concurrent saves', async () => {
    const db = await freshDb();
    await Promise.all(
      Array.from({ length: 60 }, (_, n) => saveBookmark(db, { paper: paper(n), topics: [] })),
    );
    expect((await listBookmarks(db)).map((b) => b.id).sort()).toEqual(
      Array.from({ length: 60 }, (_, n) => paper(n).id).sort(),
    );
  });
});

describe('listBookmarks and savedAmong', () => {
  it('lists the most recently saved first, and tells which ids are saved', async () => {
    const db = await freshDb();
    await saveBookmark(db, { paper: paper(1), topics: [] }, T0);
    await saveBookmark(db, { paper: paper(2), topics: [] }, T1);
    expect((await listBookmarks(db)).map((b) => b.id)).toEqual([paper(2).id, paper(1).id]);
    expect(await savedAmong(db, [paper(3).id, paper(1).id])).toEqual([paper(1).id]);
  });
});

describe('updateBookmark', () => {
  it('changes only the fields given, deduplicates tags and stamps updatedAt', async () => {
    const db = await freshDb();
    await saveBookmark(db, { paper: paper(1), topics: [] }, T0);
    await updateBookmark(db, paper(1).id, { note: 'first note' }, T0);
    const updated = await updateBookmark(db, paper(1).id, { tags: [' rl ', 'rl', 'vision'] }, T1);
    expect(updated).toMatchObject({ tags: ['rl', 'vision'], note: 'first note', read: false });
    expect(updated.updatedAt).toBe(T1.toISOString());
    const read = await updateBookmark(db, paper(1).id, { read: true }, T1);
    expect(read).toMatchObject({ tags: ['rl', 'vision'], note: 'first note', read: true });
    expect(await listBookmarks(db)).toEqual([read]);
  });

  it('refuses a paper that is not saved and writes nothing', async () => {
    const db = await freshDb();
    await expect(updateBookmark(db, 'arxiv:2609.99999', { read: true })).rejects.toThrow(/Not saved/);
    expect(await listBookmarks(db)).toEqual([]);
  });
});

describe('removeBookmark and restore', () => {
  it('returns what it removed, and putting that back restores it exactly', async () => {
    const db = await freshDb();
    await saveBookmark(
      db,
      { paper: paper(1), topics: ['t'], savedFrom: 'https://arxiv.org/list/cs.CL/new' },
      T0,
    );
    const before = await updateBookmark(db, paper(1).id, { tags: ['keep'], note: 'n', read: true }, T1);
    const removed = await removeBookmark(db, paper(1).id);
    expect(removed).toEqual(before);
    expect(await listBookmarks(db)).toEqual([]);
    expect(await removeBookmark(db, paper(1).id)).toBeNull();
    await putBookmark(db, removed as Bookmark);
    expect(await listBookmarks(db)).toEqual([before]);
  });
});

describe('schema migrations', () => {
  it('a version 1 database with data opens at the current version with nothing lost', async () => {
    const name = `${DB_NAME}-migration-${Math.random()}`;
    // Version 1 exactly as it first shipped, frozen here so later rungs are tested against it.
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('bookmarks', { keyPath: 'id' }).createIndex('addedAt', 'addedAt');
        db.createObjectStore('topics', { keyPath: 'id' });
      },
    });
    const stored: Bookmark = {
      id: 'arxiv:hep-th/9901001',
      title: 'Old-style id',
      authors: ['A. Author'],
      source: 'arxiv',
      addedAt: T0.toISOString(),
      tags: ['classic'],
      note: 'from v1',
      topics: ['strings'],
      read: true,
      futureField: { kept: true },
    };
    await v1.put('bookmarks', stored);
    await v1.put('topics', {
      id: 'strings',
      label: 'Strings',
      color: '#112233',
      terms: ['brane'],
      enabled: true,
      order: 0,
    });
    v1.close();

    const current = await openDatabase(name);
    expect(current.version).toBeGreaterThanOrEqual(1);
    // Later rungs may add fields; every field version 1 stored must still be there, unchanged.
    expect(await listBookmarks(current)).toMatchObject([stored]);
    expect(await listTopics(current)).toMatchObject([
      { id: 'strings', label: 'Strings', color: '#112233', terms: ['brane'], enabled: true },
    ]);
    await replaceTopics(current, []);
    expect(await listTopics(current)).toEqual([]);
  });
});

describe('listRecentBookmarks', () => {
  it('reads only the most recently saved, newest first', async () => {
    const db = await freshDb();
    for (let n = 0; n < 5; n++) {
      await saveBookmark(db, { paper: paper(n), topics: [] }, new Date(T0.getTime() + n * 1000));
    }
    expect((await listRecentBookmarks(db, 2)).map((b) => b.id)).toEqual([paper(4).id, paper(3).id]);
    expect(await listRecentBookmarks(db, 10)).toHaveLength(5);
  });
});

describe('replaceTopics from the editor', () => {
  const topic = (id: string) => ({ id, label: id, color: '#f4b400', terms: [id], enabled: true });

  it('deletes what the editor deleted, and keeps a topic added meanwhile elsewhere', async () => {
    const db = await freshDb();
    await replaceTopics(db, [topic('a'), topic('b')]);
    // A sync adds "c" while the editor, which has not seen it, saves its list without "b".
    await replaceTopics(db, [topic('a'), topic('b'), topic('c')]);
    const stored = await replaceTopics(db, [topic('a')], ['b']);
    expect(stored.map((t) => t.id)).toEqual(['a', 'c']);
    expect((await listTopics(db)).map((t) => t.id)).toEqual(['a', 'c']);
  });

  it('without a list of deletions, the list given is the whole list', async () => {
    const db = await freshDb();
    await replaceTopics(db, [topic('a'), topic('b')]);
    expect((await replaceTopics(db, [topic('b')])).map((t) => t.id)).toEqual(['b']);
  });
});
