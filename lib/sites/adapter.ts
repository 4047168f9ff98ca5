import type { PaperCard, SiteAdapter } from './types';

/** Receives what an adapter noticed but could not fix (a `<dt>`/`<dd>` count mismatch, say). */
export type Warn = (message: string) => void;

/**
 * A registered adapter. Same contract as `SiteAdapter`; `extract` may also report warnings, and a
 * fallback adapter runs only when no other matching adapter found a card.
 */
export interface Adapter extends SiteAdapter {
  extract(doc: Document, url: URL, warn?: Warn): PaperCard[];
  /**
   * The same cards one at a time, for adapters of long pages: lets the caller spread extraction
   * over several tasks. Warnings about the whole page come when the iteration ends.
   */
  cards?(doc: Document, url: URL, warn?: Warn): Iterable<PaperCard>;
  fallback?: boolean;
}

/** Collapses runs of whitespace (line breaks in titles and abstracts included) into single spaces. */
export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** An element's visible text, whitespace-normalised. */
export function textOf(element: Element | null | undefined): string {
  return element ? normaliseSpace(element.textContent ?? '') : '';
}

/** `2026-09-25T00:00:00.000Z` → `2026-09-25`; anything that isn't an ISO date → undefined. */
export function isoDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^\d{4}-\d{2}-\d{2}/.exec(value);
  return match?.[0];
}

/** Drops undefined values so `extras` holds only what the page said. */
export function compact<T>(record: Record<string, T | undefined>): Record<string, T> | undefined {
  let result: Record<string, T> | undefined;
  for (const key in record) {
    const value = record[key];
    if (value === undefined) continue;
    result ??= {};
    result[key] = value;
  }
  return result;
}
