import type { Adapter } from './adapter';
import { arxivAbs } from './arxiv-abs';
import { arxivList } from './arxiv-list';
import { arxivSearch } from './arxiv-search';
import { generic } from './generic';
import { huggingface } from './huggingface';
import type { PaperCard } from './types';

/**
 * Every site adapter, in priority order: when two claim the same card root, the first wins. The
 * generic one is a fallback: it runs only where the others found nothing.
 */
export const adapters: readonly Adapter[] = [huggingface, arxivList, arxivSearch, arxivAbs, generic];

/** What one adapter found on a page. */
export interface AdapterResult {
  adapter: string;
  cards: PaperCard[];
  /** Problems it noticed but worked around (e.g. a listing's `<dt>`/`<dd>` counts differ). */
  warnings: string[];
  /** Set when the adapter threw: its cards are then empty, and the other adapters still ran. */
  error?: unknown;
}

function run(adapter: Adapter, doc: Document, url: URL, claimed: Set<Element>): AdapterResult {
  const warnings: string[] = [];
  const warn = (message: string) => {
    warnings.push(message);
    console.warn(`[paperlight:${adapter.name}] ${message}`);
  };
  try {
    const cards = adapter.extract(doc, url, warn).filter((card) => {
      if (claimed.has(card.root)) return false;
      claimed.add(card.root);
      return true;
    });
    return { adapter: adapter.name, cards, warnings };
  } catch (error) {
    console.warn(`[paperlight:${adapter.name}] extraction failed`, error);
    return { adapter: adapter.name, cards: [], warnings, error };
  }
}

/**
 * Runs every adapter whose `matches(url)` accepts the page, one failure never stopping another,
 * and gives each card root to one adapter only. Fallback adapters run only when the others found
 * no card at all, so a layout change degrades to fewer fields rather than to nothing.
 */
export function extractPapers(
  doc: Document,
  url: URL,
  registry: readonly Adapter[] = adapters,
): AdapterResult[] {
  const claimed = new Set<Element>();
  const matching = registry.filter((adapter) => {
    try {
      return adapter.matches(url);
    } catch {
      return false;
    }
  });
  const results = matching.filter((adapter) => !adapter.fallback).map((a) => run(a, doc, url, claimed));
  if (results.some((result) => result.cards.length > 0)) return results;
  for (const adapter of matching.filter((a) => a.fallback)) {
    const result = run(adapter, doc, url, claimed);
    results.push(result);
    if (result.cards.length > 0) break;
  }
  return results;
}

/** All cards of a page, flattened: the usual call for the content script. */
export function extractCards(doc: Document, url: URL, registry: readonly Adapter[] = adapters): PaperCard[] {
  return extractPapers(doc, url, registry).flatMap((result) => result.cards);
}

export type { Adapter, Warn } from './adapter';
export { paperRefFromPageUrl } from './arxiv-abs';
export type { PaperCard, SiteAdapter } from './types';
