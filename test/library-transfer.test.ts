import { describe, expect, it } from 'vitest';
import { openDatabase } from '../lib/db';
import { listBookmarks, listTopics, saveBookmark, updateBookmark } from '../lib/library';
import { exportLibrary, importLibrary } from '../lib/library-transfer';

const BIBTEX = `@misc{vaswani2017attention,
  title = {Attention Is All You Need},
  author = {Vaswani, Ashish and Shazeer, Noam},
  year = {2017},
  eprint = {1706.03762},
  archivePrefix = {arXiv},
}

@book{knuth1984,
  title = {The TeXbook},
  author = {Knuth, Donald},
  year = {1984},
}
`;

describe('importLibrary', () => {
  it('reads BibTeX: arXiv entries become papers, the others are refused with a reason', async () => {
    const db = await openDatabase(`transfer-${Math.random()}`);
    const { report, bookmarks } = await importLibrary(db, BIBTEX);
    expect(report.added).toBe(1);
    expect(report.refused).toHaveLength(1);
    expect(report.refused[0]?.reason).toMatch(/line \d+/);
    expect(bookmarks.map((b) => [b.id, b.title])).toEqual([
      ['arxiv:1706.03762', 'Attention Is All You Need'],
    ]);
    expect((await listBookmarks(db)).map((b) => b.id)).toEqual(['arxiv:1706.03762']);
  });

  it('refuses a broken file whole, before anything (even the snapshot hook) runs', async () => {
    const db = await openDatabase(`transfer-${Math.random()}`);
    await saveBookmark(db, {
      paper: { id: 'arxiv:2601.00001', title: 'Kept', authors: [], source: 'arxiv' },
      topics: [],
    });
    const before = await exportLibrary(db, new Date(0));
    let hookRan = false;
    const hook = async () => {
      hookRan = true;
    };
    await expect(
      importLibrary(db, '{"format":"paperlight-backup","version":1,"topics":[', hook),
    ).rejects.toThrow(/line 1, column/);
    await expect(importLibrary(db, '@misc{broken, title = {Unclosed', hook)).rejects.toThrow(/BibTeX/);
    expect(hookRan).toBe(false);
    expect(await exportLibrary(db, new Date(0))).toEqual(before);
  });

  it('round-trips a library through its own backup', async () => {
    const source = await openDatabase(`transfer-${Math.random()}`);
    await saveBookmark(source, {
      paper: {
        id: 'arxiv:2601.00002',
        title: 'A {braced} & 100% "quoted" title',
        authors: ['Ö. Ñ'],
        source: 'arxiv',
      },
      topics: ['kv'],
    });
    const backup = await exportLibrary(source, new Date(0));
    const target = await openDatabase(`transfer-${Math.random()}`);
    await importLibrary(target, JSON.stringify(backup));
    expect(await listBookmarks(target)).toEqual(await listBookmarks(source));
    expect(await listTopics(target)).toEqual(await listTopics(source));
  });
});

describe('importing a backup into a library with the user’s own data', () => {
  it('keeps tags, note and read state that a newer entry in the file does not mention', async () => {
    const db = await openDatabase(`transfer-${Math.random()}`);
    await saveBookmark(
      db,
      { paper: { id: 'arxiv:2601.00003', title: 'Mine', authors: [], source: 'arxiv' }, topics: [] },
      new Date('2026-01-01T00:00:00.000Z'),
    );
    await updateBookmark(
      db,
      'arxiv:2601.00003',
      { tags: ['mine'], note: 'my note', read: true },
      new Date('2026-01-02T00:00:00.000Z'),
    );
    const file = {
      format: 'paperlight-backup',
      version: 1,
      topics: [],
      bookmarks: [{ id: 'arxiv:2601.00003', title: 'Mine, retitled', updatedAt: '2026-06-01T00:00:00.000Z' }],
    };
    await importLibrary(db, JSON.stringify(file));
    const [bookmark] = await listBookmarks(db);
    expect(bookmark).toMatchObject({ title: 'Mine, retitled', tags: ['mine'], note: 'my note', read: true });
  });
});
