import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type Bookmark, BookmarkSchema } from '../../lib/bookmark';
import { baseCitationKey, citationKeys, escapeTex, renderBibtex } from '../../lib/export/bibtex';
import { libraryArbitrary } from './arbitraries';
import { parseBibtexEntries, parseBibtexToCsl, squash } from './parsers';

function bookmark(fields: Partial<Bookmark> & { id: string }): Bookmark {
  return BookmarkSchema.parse({
    title: 'Attention Is All You Need',
    addedAt: '2026-01-01T00:00:00.000Z',
    ...fields,
  });
}

const vaswani = bookmark({
  id: 'arxiv:1706.03762',
  authors: ['Ashish Vaswani', 'Noam Shazeer'],
  published: '2017-06-12',
  url: 'https://arxiv.org/abs/1706.03762',
  extras: { subjects: ['Computation and Language (cs.CL)', 'Machine Learning (cs.LG)'] },
  tags: ['transformers'],
});

describe('BibTeX entries', () => {
  test('an arXiv paper: @misc with eprint, archivePrefix, primaryClass, arXiv DOI and url', () => {
    expect(renderBibtex([vaswani])).toBe(
      [
        '@misc{vaswani2017attention,',
        '  title = {Attention Is All You Need},',
        '  author = {Ashish Vaswani and Noam Shazeer},',
        '  year = {2017},',
        '  eprint = {1706.03762},',
        '  archivePrefix = {arXiv},',
        '  primaryClass = {cs.CL},',
        '  doi = {10.48550/arXiv.1706.03762},',
        '  url = {https://arxiv.org/abs/1706.03762},',
        '  keywords = {transformers},',
        '}',
        '',
      ].join('\n'),
    );
  });

  test('an old-style id: its archive is the primary class; url made from the id', () => {
    const text = renderBibtex([bookmark({ id: 'arxiv:hep-th/9901001', title: 'Strings' })]);
    expect(text).toContain('eprint = {hep-th/9901001}');
    expect(text).toContain('primaryClass = {hep-th}');
    expect(text).toContain('url = {https://arxiv.org/abs/hep-th/9901001}');
  });

  test('a DOI paper: @article with its own DOI, no eprint', () => {
    const text = renderBibtex([bookmark({ id: 'doi:10.1145/3065386', title: 'ImageNet Classification' })]);
    expect(text).toMatch(/^@article\{anonimagenet,/);
    expect(text).toContain('doi = {10.1145/3065386}');
    expect(text).toContain('url = {https://doi.org/10.1145/3065386}');
    expect(text).not.toContain('eprint');
  });

  test('TeX specials are escaped and braces stay balanced', () => {
    expect(escapeTex('a{b}c \\ 50% R&D #1 x_i $5 ~ ^')).toBe(
      'a\\textbraceleft{}b\\textbraceright{}c \\textbackslash{} 50\\% R\\&D \\#1 x\\_i \\$5 \\textasciitilde{} \\textasciicircum{}',
    );
    expect(escapeTex('two\nlines\r\n  here')).toBe('two lines here');
    expect(escapeTex('Müller שלום 🙂')).toBe('Müller שלום 🙂');
  });

  test('an author name holding " and" is braced whole', () => {
    const text = renderBibtex([
      bookmark({ id: 'arxiv:1', authors: ['Research and Development Team', 'Jane Doe'] }),
    ]);
    expect(text).toContain('author = {{Research and Development Team} and Jane Doe}');
  });
});

describe('citation keys', () => {
  test('author-year-word, ASCII only, stopwords skipped', () => {
    expect(baseCitationKey(vaswani)).toBe('vaswani2017attention');
    const accented = bookmark({
      id: 'x',
      authors: ['Émile Çelik'],
      title: 'On the Ångström scale',
      published: '2020',
    });
    expect(baseCitationKey(accented)).toBe('celik2020angstrom');
    expect(baseCitationKey(bookmark({ id: 'y', authors: ['Doe, Jane'], title: 'The 3D world' }))).toBe(
      'doe3d',
    );
    expect(baseCitationKey(bookmark({ id: 'z', authors: ['王小明'], title: '注意力' }))).toBe('anonpaper');
  });

  test('unique, and stable: the first saved keeps the bare key, later ones get a, b', () => {
    const same = (id: string, addedAt: string) => bookmark({ ...vaswani, id, addedAt });
    const first = same('arxiv:1', '2026-01-01T00:00:00.000Z');
    const second = same('arxiv:2', '2026-02-01T00:00:00.000Z');
    const third = same('arxiv:3', '2026-03-01T00:00:00.000Z');
    const keys = citationKeys([third, first, second]);
    expect([keys.get('arxiv:1'), keys.get('arxiv:2'), keys.get('arxiv:3')]).toEqual([
      'vaswani2017attention',
      'vaswani2017attentiona',
      'vaswani2017attentionb',
    ]);
    // Saving a fourth such paper renames none of them.
    const more = citationKeys([first, second, third, same('arxiv:4', '2026-04-01T00:00:00.000Z')]);
    expect(more.get('arxiv:2')).toBe('vaswani2017attentiona');
    expect(more.get('arxiv:4')).toBe('vaswani2017attentionc');
  });

  test("a suffixed key never takes another paper's bare key", () => {
    const a1 = bookmark({ id: 'arxiv:1', authors: ['X Doe'], title: 'Net', published: '2020' });
    const a2 = bookmark({
      id: 'arxiv:2',
      authors: ['X Doe'],
      title: 'Net',
      published: '2020',
      addedAt: '2026-02-01',
    });
    const natural = bookmark({ id: 'arxiv:3', authors: ['X Doe'], title: 'Neta', published: '2020' });
    const keys = citationKeys([a1, a2, natural]);
    expect(keys.get('arxiv:3')).toBe('doe2020neta');
    expect(new Set(keys.values()).size).toBe(3);
  });
});

describe('every export reads back with a real BibTeX parser (citation-js)', () => {
  test('hostile libraries: one entry per paper, unique keys, every title and id kept', () => {
    fc.assert(
      fc.property(libraryArbitrary, ({ bookmarks }) => {
        const text = renderBibtex(bookmarks);
        const entries = parseBibtexEntries(text);
        expect(entries).toHaveLength(bookmarks.length);
        expect(new Set(entries.map((entry) => entry.label)).size).toBe(bookmarks.length);
        const csl = parseBibtexToCsl(text);
        for (const [index, original] of bookmarks.entries()) {
          expect(squash(String(csl[index]?.title))).toBe(squash(original.title));
          const fields = entries[index]?.properties ?? {};
          const id = original.id.startsWith('arxiv:')
            ? `arxiv:${fields.eprint}`
            : original.id.startsWith('doi:')
              ? `doi:${fields.doi}`
              : undefined;
          if (id) expect(id).toBe(original.id);
          const authors = (csl[index]?.author as unknown[] | undefined) ?? [];
          expect(authors).toHaveLength(original.authors.length);
        }
      }),
      { numRuns: 150 },
    );
  });
});
