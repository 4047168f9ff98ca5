import { createBackup, serializeBackup } from '../backup';
import type { Bookmark } from '../bookmark';
import { datedFilename } from '../download';
import type { Topic } from '../topics/topic';
import { renderBibtex } from './bibtex';
import { renderCslJson } from './csl-json';
import { renderCsv } from './csv';
import { type MarkdownGrouping, renderMarkdown } from './markdown';
import { renderRis } from './ris';

/**
 * Every export format, by id. Pages render with these (never the content script: citation-js is
 * only imported from here), then save the text under `exportFilename(id)`.
 */
export interface ExportOptions {
  /** The backup's `exportedAt`; now by default. */
  now?: Date;
  /** Markdown sections; by topic by default. */
  groupBy?: MarkdownGrouping;
}

export interface ExportFormat {
  /** The button's name in the popup (CONTRACT.md §4). */
  label: string;
  /** Without the dot; may have two parts (`csl.json`). */
  extension: string;
  mimeType: string;
  render(bookmarks: readonly Bookmark[], topics?: readonly Topic[], options?: ExportOptions): string;
}

export const EXPORT_FORMATS = {
  bibtex: {
    label: 'BibTeX',
    extension: 'bib',
    mimeType: 'application/x-bibtex',
    render: (bookmarks) => renderBibtex(bookmarks),
  },
  ris: {
    label: 'RIS',
    extension: 'ris',
    mimeType: 'application/x-research-info-systems',
    render: (bookmarks) => renderRis(bookmarks),
  },
  'csl-json': {
    label: 'CSL-JSON',
    // Not plain `.json`: on the same day it would take the backup's file name.
    extension: 'csl.json',
    mimeType: 'application/vnd.citationstyles.csl+json',
    render: (bookmarks) => renderCslJson(bookmarks),
  },
  csv: {
    label: 'CSV',
    extension: 'csv',
    mimeType: 'text/csv',
    render: (bookmarks, topics) => renderCsv(bookmarks, topics),
  },
  markdown: {
    label: 'Markdown',
    extension: 'md',
    mimeType: 'text/markdown',
    render: (bookmarks, topics, options) => renderMarkdown(bookmarks, topics, options?.groupBy),
  },
  json: {
    label: 'JSON',
    extension: 'json',
    mimeType: 'application/json',
    render: (bookmarks, topics = [], options) =>
      serializeBackup(createBackup(topics, bookmarks, options?.now ?? new Date())),
  },
} as const satisfies Record<string, ExportFormat>;

export type ExportFormatId = keyof typeof EXPORT_FORMATS;

export const EXPORT_FORMAT_IDS = Object.keys(EXPORT_FORMATS) as ExportFormatId[];

/** `paperlight-2026-11-28.bib`: the user's local date, so the name matches their calendar. */
export function exportFilename(format: ExportFormatId, now: Date = new Date()): string {
  return datedFilename(EXPORT_FORMATS[format].extension, now);
}

export function renderExport(
  format: ExportFormatId,
  bookmarks: readonly Bookmark[],
  topics: readonly Topic[] = [],
  options: ExportOptions = {},
): string {
  const spec: ExportFormat = EXPORT_FORMATS[format];
  return spec.render(bookmarks, topics, options);
}
