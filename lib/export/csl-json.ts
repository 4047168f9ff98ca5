import type { Bookmark } from '../bookmark';
import { citeOf, toCsl } from './csl';

/** CSL-JSON (Zotero, Pandoc, citeproc) through citation-js's own CSL output. */
export function renderCslJson(bookmarks: readonly Bookmark[]): string {
  return `${citeOf(bookmarks.map(toCsl)).format('data', { format: 'text' })}\n`;
}
