import { describe, expect, test } from 'vitest';
import { parseBackup } from '../../lib/backup';
import { BookmarkSchema } from '../../lib/bookmark';
import { EXPORT_FORMAT_IDS, EXPORT_FORMATS, exportFilename, renderExport } from '../../lib/export';

const paper = BookmarkSchema.parse({
  id: 'arxiv:2509.02560',
  title: 'FastVGGT',
  addedAt: '2026-01-01T00:00:00.000Z',
});

describe('export registry', () => {
  test('the popup button names of CONTRACT.md §4, in order', () => {
    expect(EXPORT_FORMAT_IDS.map((id) => EXPORT_FORMATS[id].label)).toEqual([
      'BibTeX',
      'RIS',
      'CSL-JSON',
      'CSV',
      'Markdown',
      'JSON',
    ]);
  });

  test('file names by local date and format, none shared', () => {
    const now = new Date(2026, 10, 28, 23, 59);
    const names = EXPORT_FORMAT_IDS.map((id) => exportFilename(id, now));
    expect(names).toEqual([
      'paperlight-2026-11-28.bib',
      'paperlight-2026-11-28.ris',
      'paperlight-2026-11-28.csl.json',
      'paperlight-2026-11-28.csv',
      'paperlight-2026-11-28.md',
      'paperlight-2026-11-28.json',
    ]);
  });

  test('every format renders the paper; JSON is the backup', () => {
    for (const id of EXPORT_FORMAT_IDS) expect(renderExport(id, [paper])).toContain('FastVGGT');
    const now = new Date('2026-11-28T12:00:00.000Z');
    const backup = parseBackup(renderExport('json', [paper], [], { now }));
    expect(backup).toMatchObject({ ok: true, backup: { exportedAt: now.toISOString(), bookmarks: [paper] } });
  });
});
