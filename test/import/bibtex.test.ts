import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { mergeLibrary } from '../../lib/backup';
import { BookmarkSchema } from '../../lib/bookmark';
import { renderBibtex } from '../../lib/export/bibtex';
import { importBibtex } from '../../lib/import/bibtex';
import { libraryArbitrary } from '../export/arbitraries';
import { squash } from '../export/parsers';

const FILE = String.raw`% exported by hand
@string{arxiv = "arXiv preprint"}

@misc{vaswani2017attention,
  title = {Attention Is {All} You Need: {\"u}ber caf\'e \& more},
  author = {Vaswani, Ashish and Noam Shazeer and {Google Brain}},
  year = {2017},
  month = jun,
  eprint = {1706.03762v7},
  archivePrefix = {arXiv},
  primaryClass = {cs.CL},
  keywords = {transformers, attention},
}

@article{byDoi,
  title = "Via its arXiv DOI",
  doi = {10.48550/arXiv.2509.02560},
  date = {2025-09-02},
}

@inproceedings{scholar, title = {Scholar style}, journal = arxiv # " arXiv:hep-th/9901001", year = 1999}
@online{byUrl, title = {Via URL}, url = {https://arxiv.org/pdf/2401.00001v2}}
@article{journal, title = {A journal paper}, doi = {10.1145/3065386}, author = {Alex Krizhevsky}}
@book{nothing, title = {No identifier at all}, year = 2001}
@misc{untitled, eprint = {2401.00002}, archivePrefix = {arXiv}}
`;

describe('importBibtex', () => {
  test('arXiv entries by eprint, arXiv DOI, text mention and URL; DOI entries; the rest refused', () => {
    const result = importBibtex(FILE);
    if (!result.ok) throw new Error(result.error);
    expect(result.bookmarks.map((b) => b.id)).toEqual([
      'arxiv:1706.03762',
      'arxiv:2509.02560',
      'arxiv:hep-th/9901001',
      'arxiv:2401.00001',
      'doi:10.1145/3065386',
    ]);
    expect(result.refused).toEqual([
      { kind: 'bookmark', reason: 'line 24 (nothing): no arXiv id, arXiv URL or DOI' },
      { kind: 'bookmark', id: 'arxiv:2401.00002', reason: 'line 25 (untitled): no title' },
    ]);
  });

  test('TeX decoded, names readable, date, tags and primary class kept', () => {
    const result = importBibtex(FILE);
    if (!result.ok) throw new Error(result.error);
    expect(result.bookmarks[0]).toEqual({
      id: 'arxiv:1706.03762',
      title: 'Attention Is All You Need: über café & more',
      authors: ['Ashish Vaswani', 'Noam Shazeer', 'Google Brain'],
      url: 'https://arxiv.org/abs/1706.03762',
      published: '2017-06',
      source: 'bibtex',
      tags: ['transformers', 'attention'],
      extras: { primaryClass: 'cs.CL' },
    });
    expect(result.bookmarks[1]).toMatchObject({
      published: '2025-09-02',
      url: 'https://arxiv.org/abs/2509.02560',
    });
    expect(result.bookmarks[4]).toMatchObject({
      url: 'https://doi.org/10.1145/3065386',
      authors: ['Alex Krizhevsky'],
    });
  });

  test('a syntax error refuses the file with its line and column', () => {
    expect(importBibtex('@misc{a, title = {ok}}\n\n@misc{b title = {x}}')).toEqual({
      ok: false,
      error: 'Not valid BibTeX: line 3, column 9: expected "comma", got "label".',
    });
    expect(importBibtex('just some text')).toEqual({
      ok: false,
      error: 'No BibTeX entries found in the file.',
    });
  });

  test('merged into a saved paper: fills metadata, never touches tags, note or dates', () => {
    const saved = BookmarkSchema.parse({
      id: 'arxiv:1706.03762',
      title: 'Attention',
      addedAt: '2026-01-01T00:00:00.000Z',
      tags: ['mine'],
      note: 'keep',
    });
    const result = importBibtex(FILE);
    if (!result.ok) throw new Error(result.error);
    const merged = mergeLibrary({ topics: [], bookmarks: [saved] }, result);
    const updated = merged.bookmarks.find((b) => b.id === saved.id);
    expect(updated).toMatchObject({
      tags: ['mine'],
      note: 'keep',
      addedAt: saved.addedAt,
      published: '2017-06',
    });
    expect(merged.report).toMatchObject({ added: 4, updated: 1, refused: result.refused });
  });

  test('our own export reads back: every arXiv and DOI paper, same id and title', () => {
    fc.assert(
      fc.property(libraryArbitrary, ({ bookmarks }) => {
        if (!bookmarks.length) return;
        const result = importBibtex(renderBibtex(bookmarks));
        if (!result.ok) throw new Error(result.error);
        const expected = bookmarks.filter((b) => /^(arxiv|doi):/.test(b.id));
        expect(result.bookmarks.map((b) => [b.id, squash(b.title)])).toEqual(
          expected.map((b) => [b.id, squash(b.title)]),
        );
        expect(result.refused).toHaveLength(bookmarks.length - expected.length);
      }),
      { numRuns: 100 },
    );
  });
});
