import { yieldToPage } from '../yield-to-page';
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

/** Collects an adapter's warnings and logs them under its name. */
function warnings(adapter: Adapter): { list: string[]; warn: (message: string) => void } {
  const list: string[] = [];
  return {
    list,
    warn: (message) => {
      list.push(message);
      console.warn(`[paperlight:${adapter.name}] ${message}`);
    },
  };
}

/** Gives a card to the first adapter that reports its root; later claims are dropped. */
function claim(card: PaperCard, claimed: Set<Element>): boolean {
  if (claimed.has(card.root)) return false;
  claimed.add(card.root);
  return true;
}

function failed(adapter: Adapter, cards: PaperCard[], list: string[], error: unknown): AdapterResult {
  console.warn(`[paperlight:${adapter.name}] extraction failed`, error);
  return { adapter: adapter.name, cards, warnings: list, error };
}

function run(adapter: Adapter, doc: Document, url: URL, claimed: Set<Element>): AdapterResult {
  const { list, warn } = warnings(adapter);
  try {
    const cards = adapter.extract(doc, url, warn).filter((card) => claim(card, claimed));
    return { adapter: adapter.name, cards, warnings: list };
  } catch (error) {
    return failed(adapter, [], list, error);
  }
}

function matchingAdapters(
  registry: readonly Adapter[],
  url: URL,
): { primary: Adapter[]; fallbacks: Adapter[] } {
  const matching = registry.filter((adapter) => {
    try {
      return adapter.matches(url);
    } catch {
      return false;
    }
  });
  return { primary: matching.filter((a) => !a.fallback), fallbacks: matching.filter((a) => a.fallback) };
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
  const { primary, fallbacks } = matchingAdapters(registry, url);
  const results = primary.map((adapter) => run(adapter, doc, url, claimed));
  if (results.some((result) => result.cards.length > 0)) return results;
  for (const adapter of fallbacks) {
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

export interface SliceOptions {
  /** Receives each slice's new cards as soon as they are read, so they can be decorated at once. */
  onCards(cards: PaperCard[], adapter: string): void;
  /** How long one slice may run before yielding to the page (default 16 ms). */
  sliceMs?: number;
  /** Aborts between slices (soft navigation, extension unloaded): no more cards are read. */
  signal?: AbortSignal;
  /** How to yield to the page between slices (default: lib/yield-to-page.ts). */
  yieldToMain?: () => Promise<void>;
}

/**
 * `extractPapers`, spread over several tasks so that a 2,000-entry listing never blocks the page
 * for long: adapters that read cards one at a time (`cards`) are paused every `sliceMs`, and each
 * slice's cards are handed to `onCards` right away. The final results are those of `extractPapers`.
 */
export async function extractPapersInSlices(
  doc: Document,
  url: URL,
  options: SliceOptions,
  registry: readonly Adapter[] = adapters,
): Promise<AdapterResult[]> {
  const { onCards, sliceMs = 16, signal, yieldToMain = yieldToPage } = options;
  const claimed = new Set<Element>();
  const { primary, fallbacks } = matchingAdapters(registry, url);
  const results: AdapterResult[] = [];

  const runSliced = async (adapter: Adapter): Promise<AdapterResult> => {
    const { list, warn } = warnings(adapter);
    const cards: PaperCard[] = [];
    try {
      const source = adapter.cards ? adapter.cards(doc, url, warn) : adapter.extract(doc, url, warn);
      let slice: PaperCard[] = [];
      let sliceStart = performance.now();
      for (const card of source) {
        if (claim(card, claimed)) slice.push(card);
        if (performance.now() - sliceStart < sliceMs) continue;
        cards.push(...slice);
        if (slice.length) onCards(slice, adapter.name);
        slice = [];
        await yieldToMain();
        if (signal?.aborted) return { adapter: adapter.name, cards, warnings: list };
        sliceStart = performance.now();
      }
      cards.push(...slice);
      if (slice.length) onCards(slice, adapter.name);
      return { adapter: adapter.name, cards, warnings: list };
    } catch (error) {
      return failed(adapter, cards, list, error);
    }
  };

  for (const adapter of primary) {
    if (signal?.aborted) return results;
    results.push(await runSliced(adapter));
  }
  if (results.some((result) => result.cards.length > 0)) return results;
  for (const adapter of fallbacks) {
    if (signal?.aborted) return results;
    const result = await runSliced(adapter);
    results.push(result);
    if (result.cards.length > 0) break;
  }
  return results;
}

export type { Adapter, Warn } from './adapter';
export { paperRefFromPageUrl } from './arxiv-abs';
export type { PaperCard, SiteAdapter } from './types';
