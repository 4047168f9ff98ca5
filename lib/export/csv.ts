import Papa from 'papaparse';
import type { Bookmark } from '../bookmark';
import type { Topic } from '../topics/topic';
import { arxivId, doiOf, urlOf } from './fields';

export const CSV_COLUMNS = [
  'id',
  'title',
  'authors',
  'published',
  'arxiv',
  'doi',
  'url',
  'tags',
  'topics',
  'read',
  'note',
  'addedAt',
  'abstract',
] as const;

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, and tab or CR, which some
 * spreadsheets skip before looking) gets a leading `'`: shown as text, never evaluated (OWASP).
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** One row per paper, in CSV_COLUMNS order; lists are joined with "; ". */
export function csvRows(bookmarks: readonly Bookmark[], topics: readonly Topic[] = []): string[][] {
  const topicLabel = new Map(topics.map((topic) => [topic.id, topic.label]));
  return bookmarks.map((bookmark) =>
    [
      bookmark.id,
      bookmark.title,
      bookmark.authors.join('; '),
      bookmark.published ?? '',
      arxivId(bookmark) ?? '',
      doiOf(bookmark) ?? '',
      urlOf(bookmark) ?? '',
      bookmark.tags.join('; '),
      bookmark.topics.map((id) => topicLabel.get(id) ?? id).join('; '),
      bookmark.read ? 'yes' : 'no',
      bookmark.note,
      bookmark.addedAt,
      bookmark.abstract ?? '',
    ].map(neutraliseFormula),
  );
}

/**
 * RFC 4180 CSV: CRLF line ends, fields with commas, quotes or line breaks quoted, quotes doubled.
 * A UTF-8 byte order mark first, so Excel reads the accents and scripts right.
 */
export function renderCsv(bookmarks: readonly Bookmark[], topics: readonly Topic[] = []): string {
  // Rows as arrays, header included: papaparse writes no header at all for an empty `data`.
  const text = Papa.unparse([[...CSV_COLUMNS], ...csvRows(bookmarks, topics)], {
    newline: '\r\n',
    quotes: false,
    escapeFormulae: false,
  });
  return `\uFEFF${text}\r\n`;
}
