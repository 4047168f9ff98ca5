import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { BookmarkSchema } from '../../lib/bookmark';
import { CSV_COLUMNS, csvRows, neutraliseFormula, renderCsv } from '../../lib/export/csv';
import { TopicSchema } from '../../lib/topics/topic';
import { libraryArbitrary } from './arbitraries';

function parseCsv(text: string): string[][] {
  const result = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: false });
  expect(result.errors).toEqual([]);
  // RFC 4180: the file ends with a line break, which papaparse reads as one empty last row.
  expect(result.data.at(-1)).toEqual(['']);
  return result.data.slice(0, -1);
}

describe('CSV export', () => {
  test('a header and one row per paper, lists joined, topic labels', () => {
    const bookmark = BookmarkSchema.parse({
      id: 'arxiv:2509.02560',
      title: 'FastVGGT, "fast"',
      authors: ['A. Author', 'B. Author'],
      published: '2025-09-02',
      addedAt: '2026-11-28T12:00:00.000Z',
      tags: ['3d', 'vision'],
      topics: ['kv-cache'],
      read: true,
    });
    const text = renderCsv([bookmark], [TopicSchema.parse({ id: 'kv-cache', label: 'KV cache', terms: [] })]);
    expect(text.startsWith('\uFEFFid,title,authors,')).toBe(true);
    expect(text.split('\r\n')[1]).toBe(
      'arxiv:2509.02560,"FastVGGT, ""fast""",A. Author; B. Author,2025-09-02,2509.02560,10.48550/arXiv.2509.02560,https://arxiv.org/abs/2509.02560,3d; vision,KV cache,yes,,2026-11-28T12:00:00.000Z,',
    );
  });

  test('cells a spreadsheet would evaluate are neutralised', () => {
    for (const cell of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) {
      expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    }
    expect(neutraliseFormula('a=1')).toBe('a=1');
  });

  test('hostile libraries: papaparse reads back the same cells, none a formula', () => {
    fc.assert(
      fc.property(libraryArbitrary, ({ topics, bookmarks }) => {
        const rows = parseCsv(renderCsv(bookmarks, topics));
        expect(rows[0]).toEqual([...CSV_COLUMNS]);
        expect(rows.slice(1)).toEqual(csvRows(bookmarks, topics));
        for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        // Nothing is lost but the neutralising quote.
        const titles = rows.slice(1).map((row) => row[1]);
        expect(titles).toEqual(bookmarks.map((b) => neutraliseFormula(b.title)));
      }),
      { numRuns: 150 },
    );
  });
});
