/**
 * Topic highlighting on a 2,000-entry arXiv /new page with abstracts, in real Chromium: ours
 * (lib/topics, CSS Custom Highlight API) against mark.js per term, mark.js with one combined
 * expression, and a bare walk over the text nodes (the floor), for 15, 250 and 1,000 terms; then
 * 200 against 2,000 entries for linearity. The page is reloaded before every run, and timing starts
 * once it has finished its own first layout and paint and its garbage is collected. Ours is timed as
 * the extension works: topics compiled before DOMContentLoaded (a row of its own), then finding the
 * cards, matching and painting (see `paperlight` in highlight-page.ts).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { HighlightTopic } from '../lib/topics/highlighter';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/e2e/harness';
import { generateArxivList } from '../test/fixtures/arxiv-list-generator';
import type { Timing } from './highlight-page';
import { benchTerms, PAGE_VOCABULARY, topicsOf } from './highlight-terms';
import { type BenchRow, median, printTable } from './measure';

const PAGE_URL = 'https://arxiv.org/list/cs.CL/new';
const RUNS = 5;
const MARK_JS_RUNS = 3;
/** mark.js per term is measured on this many terms (spread over the list) and scaled up. */
const MARK_JS_PER_TERM_SAMPLE = 15;

type PageFunction = 'textWalk' | 'highlightRuleOnly' | 'markJsPerTerm' | 'markJsCombined' | 'paperlight';

let browser: Browser;
let page: Page;
let bundle = '';
let markJs = '';
let currentHtml = '';
const bigPage = generateArxivList({ entries: 2000, withAbstracts: true, vocabulary: PAGE_VOCABULARY });
const smallPage = generateArxivList({ entries: 200, withAbstracts: true, vocabulary: PAGE_VOCABULARY });

async function bundlePageCode(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'paperlight-bench-'));
  try {
    await build({
      configFile: false,
      logLevel: 'warn',
      build: {
        outDir,
        minify: true,
        emptyOutDir: false,
        lib: {
          entry: resolve(import.meta.dirname, 'highlight-page.ts'),
          formats: ['iife'],
          name: 'PaperlightBench',
          fileName: () => 'bench.js',
        },
      },
    });
    return readFileSync(join(outDir, 'bench.js'), 'utf8');
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** A fresh load of `html`, with mark.js and our bundle injected. */
async function freshPage(html: string): Promise<void> {
  currentHtml = html;
  await page.goto(PAGE_URL, { waitUntil: 'domcontentloaded' });
  await page.addScriptTag({ content: markJs });
  await page.addScriptTag({ content: bundle });
  await page.evaluate(() =>
    (window as unknown as { PaperlightBench: { settle(): Promise<void> } }).PaperlightBench.settle(),
  );
}

async function run(html: string, fn: PageFunction, ...args: unknown[]): Promise<Timing> {
  await freshPage(html);
  return page.evaluate(
    ([name, params]) => {
      const api = (window as unknown as { PaperlightBench: Record<string, (...a: unknown[]) => Timing> })
        .PaperlightBench;
      return api[name as string]?.(...(params as unknown[])) as Timing;
    },
    [fn, args] as const,
  );
}

async function runs(count: number, html: string, fn: PageFunction, ...args: unknown[]): Promise<Timing[]> {
  const timings: Timing[] = [];
  for (let i = 0; i < count; i++) timings.push(await run(html, fn, ...args));
  return timings;
}

const medianOf = (timings: Timing[], pick: (timing: Timing) => number | undefined) =>
  median(timings.map((timing) => pick(timing) ?? 0));

beforeAll(async () => {
  bundle = await bundlePageCode();
  markJs = readFileSync(resolve(import.meta.dirname, '../node_modules/mark.js/dist/mark.min.js'), 'utf8');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // `gc` for `settle`: every run starts from a collected heap.
    args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route('**/*', (route) =>
    route.request().url() === PAGE_URL
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: currentHtml })
      : route.abort(),
  );
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe('topic highlighting, 2,000-entry arXiv page with abstracts', () => {
  it('against mark.js and the bare text walk, for 15, 250 and 1,000 terms', async () => {
    const floor = await runs(RUNS, bigPage, 'textWalk');
    const ruleOnly = await runs(RUNS, bigPage, 'highlightRuleOnly');
    console.log(
      `\npage: ${(bigPage.length / 1e6).toFixed(1)} MB of HTML, ${floor[0]?.marks} characters in the fields`,
    );
    for (const termCount of [15, 250, 1000]) {
      const terms = benchTerms(termCount);
      const topics: HighlightTopic[] = topicsOf(terms, termCount === 15 ? 3 : 5);

      const sampled = termCount > MARK_JS_PER_TERM_SAMPLE;
      const sample = sampled
        ? Array.from(
            { length: MARK_JS_PER_TERM_SAMPLE },
            (_, i) => terms[Math.floor((i * termCount) / MARK_JS_PER_TERM_SAMPLE)] as string,
          )
        : terms;
      const perTerm = await run(bigPage, 'markJsPerTerm', sample);
      const perTermMs = perTerm.doneMs * (terms.length / sample.length);
      const combined = await runs(MARK_JS_RUNS, bigPage, 'markJsCombined', terms);
      const oursSync = await runs(RUNS, bigPage, 'paperlight', topics, false);
      const oursChunked = await runs(RUNS, bigPage, 'paperlight', topics, true);

      const rows: BenchRow[] = [
        { name: 'text walk (floor)', ms: medianOf(floor, (t) => t.workMs) },
        {
          name: 'mark.js per term, until painted',
          ms: perTermMs,
          note: sampled
            ? `measured on ${sample.length} of ${terms.length} terms (${perTerm.doneMs.toFixed(0)} ms), scaled linearly`
            : `${perTerm.marks} marks`,
        },
        {
          name: 'mark.js combined RegExp, work',
          ms: medianOf(combined, (t) => t.workMs),
          note: `${combined[0]?.marks} marks`,
        },
        { name: 'mark.js combined RegExp, until painted', ms: medianOf(combined, (t) => t.doneMs) },
        {
          name: 'ours, one task, work',
          ms: medianOf(oursSync, (t) => t.workMs),
          reference: 'mark.js combined RegExp, work',
          note: `${oursSync[0]?.marks} ranges, ${oursSync[0]?.matchedCards} of 2000 cards match`,
        },
        {
          name: 'ours, one task, until painted',
          ms: medianOf(oursSync, (t) => t.doneMs),
          reference: 'mark.js combined RegExp, until painted',
        },
        {
          name: 'ours, chunked, until painted',
          ms: medianOf(oursChunked, (t) => t.doneMs),
          reference: 'mark.js per term, until painted',
          note: `${oursChunked[0]?.tasks} tasks`,
        },
        {
          name: 'ours: compile topics, before DOMContentLoaded',
          ms: medianOf(oursSync, (t) => t.compileMs),
          note: 'the extension compiles while the page loads; not in the work rows',
        },
        {
          name: 'ours: find cards (in the work rows)',
          ms: medianOf(oursSync, (t) => t.findCardsMs),
        },
        {
          name: 'ours, chunked: first 100 cards painted',
          ms: medianOf(oursChunked, (t) => t.firstChunkMs),
          note: 'from the start, setup included',
        },
        {
          name: 'ours, chunked: longest task (script)',
          ms: medianOf(oursChunked, (t) => t.longestTaskMs),
          note: `worst of ${RUNS} runs ${Math.max(...oursChunked.map((t) => t.longestTaskMs ?? 0)).toFixed(1)} ms`,
        },
        {
          name: 'ours, chunked: longest browser long task',
          ms: medianOf(oursChunked, (t) => t.longestBrowserTaskMs),
          note: `0 = none over 50 ms; long tasks per run: ${oursChunked.map((t) => t.browserLongTasks).join(', ')}; worst ${Math.max(...oursChunked.map((t) => t.longestBrowserTaskMs ?? 0)).toFixed(0)} ms`,
        },
        {
          name: 'one bare ::highlight rule alone: browser long task',
          ms: medianOf(ruleOnly, (t) => t.longestBrowserTaskMs),
          note: 'Chrome restyling the whole page once; ours are scoped to the painted fields instead',
        },
        {
          name: 'text walk (floor), as ratio to ours',
          ms: medianOf(floor, (t) => t.workMs),
          reference: 'ours, one task, work',
          note: `ours is ${(medianOf(oursSync, (t) => t.workMs) / medianOf(floor, (t) => t.workMs)).toFixed(1)}× the floor (goal ≤ 4×); with compiling ${(medianOf(oursSync, (t) => t.workMs + (t.compileMs ?? 0)) / medianOf(floor, (t) => t.workMs)).toFixed(1)}×`,
        },
      ];
      printTable(
        `${termCount} terms (${topics.length} topics), medians of ${RUNS} (mark.js combined: ${MARK_JS_RUNS})`,
        rows,
      );
    }
  });

  it('is linear in the size of the page (200 vs 2,000 entries, 250 terms)', async () => {
    const topics = topicsOf(benchTerms(250), 5);
    const big = await runs(RUNS, bigPage, 'paperlight', topics, false, true);
    const small = await runs(RUNS, smallPage, 'paperlight', topics, false, true);
    const bigFloor = await runs(RUNS, bigPage, 'textWalk');
    const smallFloor = await runs(RUNS, smallPage, 'textWalk');
    printTable(
      'Linearity, 250 terms, second run in the page (warm): how many times faster 200 entries are than 2,000 (ideal 10×)',
      [
        { name: 'ours, 2,000 entries, work', ms: medianOf(big, (t) => t.workMs) },
        {
          name: 'ours, 200 entries, work',
          ms: medianOf(small, (t) => t.workMs),
          reference: 'ours, 2,000 entries, work',
        },
        {
          name: 'ours, 2,000 entries, matching and painting',
          ms: medianOf(big, (t) => t.workMs - (t.findCardsMs ?? 0)),
          note: 'the work after finding the cards',
        },
        {
          name: 'ours, 200 entries, matching and painting',
          ms: medianOf(small, (t) => t.workMs - (t.findCardsMs ?? 0)),
          reference: 'ours, 2,000 entries, matching and painting',
        },
        { name: 'text walk, 2,000 entries', ms: medianOf(bigFloor, (t) => t.workMs) },
        {
          name: 'text walk, 200 entries',
          ms: medianOf(smallFloor, (t) => t.workMs),
          reference: 'text walk, 2,000 entries',
        },
      ],
    );
  });
});
