import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';

/** Real parsers the exports must satisfy: citation-js's BibTeX and RIS readers. */

export interface RawBibtexEntry {
  type: string;
  label: string;
  properties: Record<string, string | number>;
}

export function parseBibtexEntries(text: string): RawBibtexEntry[] {
  return plugins.input.data(text, '@biblatex/text') as RawBibtexEntry[];
}

/** Field values decoded from TeX to Unicode, as a reference manager reads them. */
export function parseBibtexToCsl(text: string): Record<string, unknown>[] {
  return plugins.input.data(parseBibtexEntries(text), '@biblatex/entries+list') as Record<string, unknown>[];
}

/** RIS records as they are written: tag → value. */
export function parseRisRecords(text: string): Record<string, unknown>[] {
  return plugins.input.data(text, '@ris/file') as Record<string, unknown>[];
}

/** RIS records as CSL items. */
export function parseRis(text: string): Record<string, unknown>[] {
  return plugins.input.chain(text, { target: '@csl/list+object', generateGraph: false }) as Record<
    string,
    unknown
  >[];
}

/** How BibTeX and RIS see text: whitespace runs are one space. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
