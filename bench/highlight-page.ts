/**
 * Runs inside the benchmark page (bundled by highlight.bench.ts): each function times one way of
 * highlighting the arXiv listing already loaded in the page, from "find the cards" to "done".
 * mark.js is injected beside this bundle as the global `Mark`.
 */
import type MarkJs from 'mark.js';
import {
  createHighlighter,
  type HighlightCard,
  type HighlightTopic,
  paintInChunks,
} from '../lib/topics/highlighter';

export interface Timing {
  /** Synchronous work (or, chunked, from start until the last chunk ended). */
  workMs: number;
  /** Until the next frame after the work: style and paint included. */
  doneMs: number;
  /** Highlights made: mark.js `<mark>` elements or our ranges. */
  marks: number;
  matchedCards?: number;
  /** Compiling the topics: before the timed work, as in the extension (see `paperlight`). */
  compileMs?: number;
  /** Finding the cards: the first part of the timed work. */
  findCardsMs?: number;
  firstChunkMs?: number;
  /** Longest of our tasks (setup, then each chunk), timed in script. */
  longestTaskMs?: number;
  tasks?: number;
  /** Long tasks (over 50 ms) the browser reported meanwhile, rendering included, and the longest. */
  browserLongTasks?: number;
  longestBrowserTaskMs?: number;
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * Lets the freshly loaded page finish its own first layout and paint, so timings are ours alone,
 * then collects the garbage of the page's load (when the browser exposes `gc`), so that a major
 * collection does not land in a random run.
 */
export async function settle(): Promise<void> {
  await nextFrame();
  await nextFrame();
  (window as unknown as { gc?: () => void }).gc?.();
}

function cardsOf(doc: Document): HighlightCard[] {
  return [...doc.querySelectorAll('dl#articles > dd')].map((dd) => ({
    fields: [
      dd.querySelector('.list-title'),
      dd.querySelector('.list-authors'),
      dd.querySelector('p'),
    ].filter((field): field is Element => field !== null),
  }));
}

function fieldsOf(doc: Document): HTMLElement[] {
  return cardsOf(doc).flatMap((card) => card.fields as HTMLElement[]);
}

/** The floor: find the fields and read every text node once. */
export function textWalk(): Timing {
  const start = performance.now();
  let characters = 0;
  for (const field of fieldsOf(document)) {
    const walker = document.createTreeWalker(field, NodeFilter.SHOW_TEXT);
    const parts: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push((node as Text).data);
    characters += parts.join('').length;
  }
  const workMs = performance.now() - start;
  return { workMs, doneMs: workMs, marks: characters };
}

function mark(): typeof MarkJs {
  return (window as unknown as { Mark: typeof MarkJs }).Mark;
}

async function timeMarkJs(run: (instance: MarkJs, done: () => void) => void): Promise<Timing> {
  const start = performance.now();
  const instance = new (mark())(fieldsOf(document));
  await new Promise<void>((resolve) => run(instance, resolve));
  const workMs = performance.now() - start;
  await nextFrame();
  return { workMs, doneMs: performance.now() - start, marks: document.querySelectorAll('mark').length };
}

/**
 * What a bare `::highlight()` rule costs: insert one and nothing else. It matches every element, so
 * Chrome restyles the whole page once, in one long task. The highlighter scopes its rules to the
 * painted fields to avoid exactly this.
 */
export async function highlightRuleOnly(): Promise<Timing> {
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  const start = performance.now();
  const style = document.createElement('style');
  style.textContent = '::highlight(bench-probe) { background-color: yellow; }';
  document.head.append(style);
  await nextFrame();
  const doneMs = performance.now() - start;
  await nextFrame();
  for (const entry of observer.takeRecords()) longTasks.push(entry.duration);
  observer.disconnect();
  return {
    workMs: 0,
    doneMs,
    marks: 0,
    browserLongTasks: longTasks.length,
    longestBrowserTaskMs: Math.max(0, ...longTasks),
  };
}

/** mark.js as most people use it: one pass over the DOM per term. */
export function markJsPerTerm(terms: string[]): Promise<Timing> {
  return timeMarkJs((instance, done) =>
    instance.mark(terms, { separateWordSearch: false, accuracy: 'exactly', done: () => done() }),
  );
}

/** Our rules, approximately, as one regular expression. */
function combinedRegExp(terms: string[]): RegExp {
  const alternatives = [...terms]
    .sort((a, b) => b.length - a.length)
    .map((term) =>
      term
        .trim()
        .split(/[\s-]+/)
        .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[\\s\\-]+'),
    );
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?:e?s)?(?![\\p{L}\\p{N}_])`, 'giu');
}

/** mark.js at its best: one combined expression through `markRegExp`. */
export function markJsCombined(terms: string[]): Promise<Timing> {
  const regex = combinedRegExp(terms);
  return timeMarkJs((instance, done) => instance.markRegExp(regex, { done: () => done() }));
}

/**
 * Ours: extraction, matching and CSS highlights, in one task or in chunks of 100 cards; `warm`
 * times a second run in the same page. The topics are compiled first, in a task of their own and
 * outside the timed work, as the extension does: its content script starts at `document_start` and
 * compiles the topics while the page is still loading, hundreds of milliseconds before
 * DOMContentLoaded on a listing this size; from DOMContentLoaded it finds the cards and paints them.
 */
export async function paperlight(topics: HighlightTopic[], chunked: boolean, warm = false): Promise<Timing> {
  if (warm) {
    // Untimed runs first, so the timed run measures steady-state cost (JIT-compiled code, built tables).
    for (let i = 0; i < 3; i++) {
      const warmUp = createHighlighter(topics);
      for (const card of cardsOf(document)) warmUp.paint(card);
      warmUp.clear();
    }
    await nextFrame();
  }
  const compileStart = performance.now();
  const highlighter = createHighlighter(topics);
  const compileMs = performance.now() - compileStart;
  await new Promise((resolve) => setTimeout(resolve, 0));
  // Main-thread tasks over 50 ms while we work, as the browser sees them (style and layout included).
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  const start = performance.now();
  const cards = cardsOf(document);
  const findCardsMs = performance.now() - start;
  let matchedCards = 0;
  let firstChunkMs: number | undefined;
  let longestTaskMs = findCardsMs;
  let tasks = 1;
  if (chunked) {
    // As the content script would: finding the cards is a task of its own.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await paintInChunks(highlighter, cards, {
      onCard: (_card, ids) => {
        if (ids.length > 0) matchedCards++;
      },
      onChunk: (_count, durationMs) => {
        tasks++;
        firstChunkMs ??= performance.now() - start;
        longestTaskMs = Math.max(longestTaskMs, durationMs);
      },
    });
  } else {
    for (const card of cards) if (highlighter.paint(card).length > 0) matchedCards++;
  }
  const workMs = performance.now() - start;
  await highlighter.whenStyled();
  await nextFrame();
  const doneMs = performance.now() - start;
  await nextFrame();
  for (const entry of observer.takeRecords()) longTasks.push(entry.duration);
  observer.disconnect();
  let marks = 0;
  for (const highlight of CSS.highlights.values()) marks += highlight.size;
  return {
    workMs,
    doneMs,
    marks,
    matchedCards,
    compileMs,
    findCardsMs,
    firstChunkMs,
    longestTaskMs,
    tasks,
    browserLongTasks: longTasks.length,
    longestBrowserTaskMs: Math.max(0, ...longTasks),
  };
}
