import fc from 'fast-check';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { BookmarkSchema } from '../../lib/bookmark';
import { renderCslJson } from '../../lib/export/csl-json';
import { doiOf, urlOf } from '../../lib/export/fields';
import { renderRis } from '../../lib/export/ris';
import { importBibtex } from '../../lib/import/bibtex';
import { libraryArbitrary } from './arbitraries';
import { parseRis, parseRisRecords, squash } from './parsers';

const paper = BookmarkSchema.parse({
  id: 'arxiv:2509.02560',
  title: 'FastVGGT: Training-Free Acceleration',
  authors: ['You Shen', 'Zhipeng Zhang'],
  abstract: 'Line one.\nER  - line two.',
  published: '2025-09-02',
  addedAt: '2026-11-28T12:00:00.000Z',
  tags: ['3d'],
  extras: { subjects: ['cs.CV'] },
});

describe('CSL-JSON export', () => {
  test('a preprint item with split names, date parts, arXiv DOI and number', () => {
    const items = JSON.parse(renderCslJson([paper]));
    expect(items).toEqual([
      {
        id: 'arxiv:2509.02560',
        type: 'article',
        title: 'FastVGGT: Training-Free Acceleration',
        author: [
          { given: 'You', family: 'Shen' },
          { given: 'Zhipeng', family: 'Zhang' },
        ],
        issued: { 'date-parts': [[2025, 9, 2]] },
        abstract: 'Line one.\nER  - line two.',
        DOI: '10.48550/arXiv.2509.02560',
        URL: 'https://arxiv.org/abs/2509.02560',
        publisher: 'arXiv',
        number: 'arXiv:2509.02560 [cs.CV]',
        keyword: '3d',
      },
    ]);
  });

  test('hostile libraries: valid JSON, one item per paper, titles exact', () => {
    fc.assert(
      fc.property(libraryArbitrary, ({ bookmarks }) => {
        const items = JSON.parse(renderCslJson(bookmarks)) as { id: string; title: string }[];
        expect(items.map((item) => [item.id, item.title])).toEqual(bookmarks.map((b) => [b.id, b.title]));
      }),
      { numRuns: 100 },
    );
  });
});

describe('RIS export', () => {
  test('a record per paper that citation-js reads back; a line break cannot end the record', () => {
    const text = renderRis([paper]);
    expect(text).toContain('AB  - Line one. ER - line two.');
    const [item] = parseRis(text);
    expect(item).toMatchObject({ title: paper.title, DOI: '10.48550/arXiv.2509.02560' });
    expect(item?.author).toEqual([
      { family: 'Shen', given: 'You' },
      { family: 'Zhang', given: 'Zhipeng' },
    ]);
  });

  test('long values stay whole: no wrap inside a word or an emoji', () => {
    const title = `${'Ångström 🙂 '.repeat(12)}end`;
    const text = renderRis([{ ...paper, title }]);
    expect(text).toContain(`TI  - ${title}\n`);
    expect(parseRisRecords(text)[0]?.TI).toBe(title);
  });

  test('hostile libraries: every record parses with its title and id', () => {
    fc.assert(
      fc.property(libraryArbitrary, ({ bookmarks }) => {
        const text = renderRis(bookmarks);
        const items = bookmarks.length ? parseRis(text) : [];
        expect(items.map((item) => squash(String(item.title)))).toEqual(
          bookmarks.map((b) => squash(b.title)),
        );
        const records = bookmarks.length ? parseRisRecords(text) : [];
        expect(records.map((record) => [record.ID, record.DO, record.UR])).toEqual(
          bookmarks.map((b) => [b.id, doiOf(b), urlOf(b)]),
        );
      }),
      { numRuns: 100 },
    );
  });
});

describe('citation-js (CSL-JSON export, BibTeX import) does no network I/O here', () => {
  afterEach(() => vi.unstubAllGlobals());

  test('exports run with fetch and XMLHttpRequest unavailable', () => {
    const fetch = vi.fn(() => {
      throw new Error('network');
    });
    vi.stubGlobal('fetch', fetch);
    vi.stubGlobal('XMLHttpRequest', fetch);
    const withUrlTitle = BookmarkSchema.parse({
      id: 'arxiv:1',
      title: 'https://example.com/',
      url: 'https://x.org',
    });
    expect(renderRis([withUrlTitle, paper])).toContain('TI  - https://example.com/');
    expect(JSON.parse(renderCslJson([withUrlTitle]))).toHaveLength(1);
    const imported = importBibtex(
      '@misc{k, title = {T}, url = {https://arxiv.org/abs/2401.00001}, doi = {10.1/x}}',
    );
    expect(imported).toMatchObject({ ok: true, bookmarks: [{ id: 'arxiv:2401.00001' }] });
    expect(fetch).not.toHaveBeenCalled();
  });
});
