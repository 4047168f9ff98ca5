import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build, type Rolldown } from 'vite';
import { expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/e2e/harness';
import { generateArxivList } from '../test/fixtures/arxiv-list-generator';
import { median, printTable } from './measure';

/**
 * Extraction speed on arXiv listings, in Debian's Chromium (a real DOM, as the content script
 * sees it): the site adapters are bundled as one script, injected into a generated
 * `/pastweek?show=N` page served at its real URL, and timed there. Reports the median of several
 * runs at each size, the time per entry (flat when growth is linear: 2,000 entries ≈ 10× 200),
 * and, for the sliced extraction the content script uses, the longest task it caused (Chromium's
 * Long Tasks API reports every task over 50 ms).
 */

const SIZES = [200, 1000, 2000];
const RUNS = 9;

/** The registry as an IIFE exposing `PaperlightSites`. */
async function bundleAdapters(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      lib: {
        entry: resolve(import.meta.dirname, '../lib/sites/index.ts'),
        formats: ['iife'],
        name: 'PaperlightSites',
      },
    },
  });
  const results = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[];
  const chunk = results.flatMap((result) => result.output).find((file) => file.type === 'chunk');
  if (chunk?.type !== 'chunk') throw new Error('no bundle produced');
  return chunk.code;
}

it.skipIf(!existsSync(CHROMIUM))('extracts arXiv listings in time linear in their size', async () => {
  const bundle = await bundleAdapters();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // `gc()` before each timed run, so no run pays for the garbage of the one before.
    args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
  });
  try {
    const medians = new Map<number, number>();
    const longest = new Map<number, string>();
    for (const entries of SIZES) {
      const url = `https://arxiv.org/list/cs.CL/pastweek?show=${entries}`;
      const html = generateArxivList({ entries, withAbstracts: false });
      // A fresh page per size: no size inherits another's heap.
      const page = await browser.newPage();
      await page.route('**/*', (route) =>
        route.request().url() === url
          ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
          : route.abort('blockedbyclient'),
      );
      await page.goto(url);
      await page.addScriptTag({ content: bundle });
      // Timed inside the page, so the numbers are the extraction's, not the protocol round trips'.
      const { times, count, longTasks, slicedCount, longestSlice } = await page.evaluate(async (runs) => {
        type Sites = {
          extractCards(doc: Document, url: URL): unknown[];
          extractPapersInSlices(
            doc: Document,
            url: URL,
            options: { onCards(cards: unknown[]): void; yieldToMain(): Promise<void> },
          ): Promise<unknown>;
        };
        const sites = (window as unknown as { PaperlightSites: Sites }).PaperlightSites;
        const pageUrl = new URL(location.href);
        let found = 0;
        for (let i = 0; i < 3; i++) found = sites.extractCards(document, pageUrl).length; // warm-up
        const collectGarbage = (window as unknown as { gc?: () => void }).gc ?? (() => {});
        const measured: number[] = [];
        for (let i = 0; i < runs; i++) {
          collectGarbage();
          const start = performance.now();
          found = sites.extractCards(document, pageUrl).length;
          measured.push(performance.now() - start);
        }
        // Let the timed runs' own long tasks be reported before watching the sliced run.
        await new Promise((resolve) => setTimeout(resolve, 100));
        const long: number[] = [];
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) long.push(entry.duration);
        });
        observer.observe({ type: 'longtask' });
        let sliced = 0;
        // The slices' own lengths, from one yield to the next: what the extension holds the thread for.
        let sliceStart = performance.now();
        let longestSlice = 0;
        await sites.extractPapersInSlices(document, pageUrl, {
          onCards: (cards) => {
            sliced += cards.length;
          },
          yieldToMain: async () => {
            longestSlice = Math.max(longestSlice, performance.now() - sliceStart);
            await new Promise((resolve) => setTimeout(resolve, 0));
            sliceStart = performance.now();
          },
        });
        longestSlice = Math.max(longestSlice, performance.now() - sliceStart);
        await new Promise((resolve) => setTimeout(resolve, 100));
        observer.disconnect();
        return { times: measured, count: found, longTasks: long, slicedCount: sliced, longestSlice };
      }, RUNS);
      expect(count).toBe(entries);
      expect(slicedCount).toBe(entries);
      medians.set(entries, median(times));
      const longTask = longTasks.length
        ? `longest task ${Math.max(...longTasks).toFixed(0)} ms`
        : 'no task over 50 ms';
      longest.set(entries, `longest slice ${longestSlice.toFixed(0)} ms, ${longTask}`);
      await page.close();
    }
    const smallest = SIZES[0] ?? 1;
    const base = medians.get(smallest) ?? 0;
    printTable(
      `Extraction of arXiv /pastweek listings in Chromium (median of ${RUNS} runs, one task)`,
      SIZES.map((entries) => {
        const ms = medians.get(entries) ?? 0;
        const growth = `${(ms / base).toFixed(1)}× the time for ${entries / smallest}× the entries`;
        const perEntry = `${((ms * 1000) / entries).toFixed(1)} µs/entry`;
        return {
          name: `${entries} entries`,
          ms,
          note: `${growth}, ${perEntry}; sliced: ${longest.get(entries)}`,
        };
      }),
    );
  } finally {
    await browser.close();
  }
});
