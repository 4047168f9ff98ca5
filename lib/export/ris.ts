import '@citation-js/plugin-ris';
import type { Bookmark } from '../bookmark';
import { type CslItem, citeOf, toCsl } from './csl';
import { oneLine } from './fields';

/**
 * RIS (EndNote, Mendeley, Zotero) through citation-js's RIS plugin. RIS is line-based: a line break
 * inside a value would start a new tag (`ER  -` ends the record), so every text field goes on one line.
 */
function onOneLine(item: CslItem): CslItem {
  return Object.fromEntries(
    Object.entries(item).map(([key, value]) => [
      key,
      typeof value === 'string'
        ? oneLine(value)
        : key === 'author' && Array.isArray(value)
          ? value.map((name: Record<string, string>) =>
              Object.fromEntries(Object.entries(name).map(([part, text]) => [part, oneLine(text)])),
            )
          : value,
    ]),
  ) as CslItem;
}

/**
 * citation-js 0.8.2 wraps values every 70 UTF-16 units, mid-word and even inside an emoji's surrogate
 * pair, and readers (its own included) join the pieces with a space. Values here hold no line breaks
 * and no `XX  - ` (runs of spaces are collapsed), so every line that is neither a tag line nor the
 * blank line after `ER  -` is such a wrap (a value of exactly 70 units leaves an empty one): joining
 * it back restores the value exactly.
 */
const TAG_LINE = /^[A-Z][A-Z0-9] {2}-( |$)/;

function unwrap(ris: string): string {
  const lines: string[] = [];
  for (const line of ris.split(/\r?\n/)) {
    const previous = lines.at(-1);
    if (previous === undefined || TAG_LINE.test(line) || (line === '' && previous.startsWith('ER  -'))) {
      lines.push(line);
    } else {
      lines[lines.length - 1] = previous + line;
    }
  }
  return lines.join('\n');
}

export function renderRis(bookmarks: readonly Bookmark[]): string {
  return `${unwrap(citeOf(bookmarks.map((bookmark) => onOneLine(toCsl(bookmark)))).format('ris'))}\n`;
}
