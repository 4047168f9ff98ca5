import type { Bookmark } from '../bookmark';
import { citeOf, toCsl } from './csl';
import { cslName, memoised } from './names';

/** CSL-JSON (Zotero, Pandoc, citeproc) through citation-js's own CSL output. */
export function renderCslJson(bookmarks: readonly Bookmark[]): string {
  const nameOf = memoised(cslName);
  const items = bookmarks.map((bookmark) => toCsl(bookmark, nameOf));
  return `${citeOf(items).format('data', { format: 'text' })}\n`;
}
