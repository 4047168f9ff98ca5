import type { Page } from 'playwright-core';
import { afterAll, beforeAll, test } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from '../test/e2e/harness';
import { type BenchRow, median, printTable } from './measure';

/**
 * The popup at 10,000 saved papers (imported as a backup, as a user moving their library would):
 * time from opening it to its first rows painted, each keystroke of a search, and its memory.
 * References measured in the same run: the same popup with 100 papers, and a plain DOM list of
 * 10,000 rows (what rendering everything would cost). Needs `npm run build` first.
 */

declare const chrome: { runtime: { sendMessage(message: object): Promise<{ ok: boolean; error?: string }> } };

const GOAL_FIRST_ROWS_MS = 150;
const GOAL_KEYSTROKE_MS = 16;
const GOAL_MEMORY_MB = 50;
const OPENS = 7;
const QUERY = 'attention cache';

const WORDS =
  'attention cache sparse diffusion agent token memory retrieval learning model transformer video reasoning benchmark efficient robust graph policy reward language vision decoding training scaling'.split(
    ' ',
  );

function library(count: number, offset: number): object[] {
  let state = 12345 + offset;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const words = (n: number) =>
    Array.from({ length: n }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ');
  return Array.from({ length: count }, (_, k) => {
    const i = offset + k;
    const id = `26${String(1 + (i % 12)).padStart(2, '0')}.${String(10000 + i).padStart(5, '0')}`;
    return {
      id: `arxiv:${id}`,
      title: `${words(8)} ${i}`,
      authors: Array.from({ length: 1 + (i % 5) }, (_, a) => `Author ${a}-${i % 97}`),
      // ~1,100 characters, an ordinary arXiv abstract.
      abstract: words(150),
      url: `https://arxiv.org/abs/${id}`,
      published: `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      addedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      source: 'arxiv',
      tags: i % 4 ? [] : ['read-later'],
      note: i % 10 ? '' : 'Compare with the baseline in section 4.',
      topics: i % 3 ? [] : ['kv'],
      read: i % 2 === 0,
    };
  });
}

async function importPapers(browser: ExtensionBrowser, bookmarks: object[]): Promise<void> {
  const page = await browser.openPopup();
  const text = JSON.stringify({
    format: 'paperlight-backup',
    version: 1,
    topics: [{ id: 'kv', label: 'KV cache', terms: ['KV cache'] }],
    bookmarks,
  });
  const reply = await page.evaluate(
    (backup) => chrome.runtime.sendMessage({ type: 'library/import', payload: { text: backup } }),
    text,
  );
  if (!reply.ok) throw new Error(reply.error);
  await page.close();
}

interface OpenTiming {
  firstRows: number;
  complete: number;
}

/** Opens the popup afresh and reads when it painted its first rows, and when it had read them all. */
async function openPopup(
  browser: ExtensionBrowser,
  expectedCount: number,
): Promise<{ page: Page; timing: OpenTiming }> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 440, height: 580 });
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.waitForFunction(
    (count) =>
      document.querySelector('.count')?.textContent ===
      `${count.toLocaleString('en-US').replace(/,/g, '')} papers`,
    expectedCount,
  );
  const firstRows = await page.waitForFunction(
    () => performance.getEntriesByName('paperlight:first-rows')[0]?.startTime,
  );
  // "Complete": the count has replaced "Loading…"; read on the page's clock, from navigation start.
  const complete = await page.evaluate(() => performance.now());
  return { page, timing: { firstRows: (await firstRows.jsonValue()) as number, complete } };
}

/**
 * Types `QUERY` key by key (real key events) and times each keystroke on the page's clock: from
 * the input event to the list re-rendered and laid out, and to the next animation frame.
 */
async function keystrokes(page: Page): Promise<{ updated: number[]; frame: number[] }> {
  await page.evaluate(() => {
    const timings = { updated: [] as number[], frame: [] as number[] };
    (window as unknown as { keyTimings: typeof timings }).keyTimings = timings;
    document.addEventListener(
      'input',
      () => {
        const start = performance.now();
        setTimeout(() => {
          void (document.querySelector('.saved-list') as HTMLElement | null)?.offsetHeight;
          timings.updated.push(performance.now() - start);
        }, 0);
        requestAnimationFrame(() => timings.frame.push(performance.now() - start));
      },
      true,
    );
  });
  const search = page.getByRole('searchbox', { name: 'Search saved papers' });
  for (let round = 0; round < 3; round++) {
    await search.fill('');
    await search.focus();
    for (const key of QUERY) {
      await page.keyboard.press(key === ' ' ? 'Space' : key);
      await page.waitForTimeout(20);
    }
  }
  await page.waitForTimeout(50);
  return page.evaluate(
    () => (window as unknown as { keyTimings: { updated: number[]; frame: number[] } }).keyTimings,
  );
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 2 ** 20;
}

/** Every row in the DOM at once, as a popup without windowing would do: build, then lay out. */
async function plainDomRender(page: Page, count: number): Promise<number> {
  return page.evaluate((rows) => {
    const start = performance.now();
    const list = document.createElement('ul');
    for (let i = 0; i < rows; i++) {
      const li = document.createElement('li');
      const title = document.createElement('a');
      title.textContent = `attention cache sparse diffusion agent token memory retrieval ${i}`;
      const meta = document.createElement('div');
      meta.textContent = `Author 1-${i % 97}, Author 2 · published 2026-01-01 · saved 2026-01-01`;
      const actions = ['Read', 'Edit', 'Remove'].map((label) => {
        const button = document.createElement('button');
        button.textContent = label;
        return button;
      });
      li.append(title, meta, ...actions);
      list.append(li);
    }
    document.body.replaceChildren(list);
    void list.offsetHeight;
    const ms = performance.now() - start;
    document.body.replaceChildren();
    return ms;
  }, count);
}

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(() => browser?.close());

async function measure(count: number) {
  const opens: OpenTiming[] = [];
  let last: Page | undefined;
  for (let i = 0; i < OPENS + 1; i++) {
    await last?.close();
    const { page, timing } = await openPopup(browser, count);
    if (i > 0) opens.push(timing); // the first open warms the worker and the disk cache
    last = page;
  }
  const page = last as Page;
  const keys = await keystrokes(page);
  const memory = await heapMb(page);
  await page.close();
  return {
    firstRows: median(opens.map((o) => o.firstRows)),
    complete: median(opens.map((o) => o.complete)),
    updated: median(keys.updated),
    frame: median(keys.frame),
    worstUpdated: Math.max(...keys.updated),
    memory,
  };
}

test('popup at 10,000 saved papers', async () => {
  await importPapers(browser, library(100, 0));
  const small = await measure(100);
  await importPapers(browser, library(9_900, 100));
  const large = await measure(10_000);

  const blank = await browser.openPopup();
  const plain: number[] = [];
  for (let i = 0; i < 5; i++) plain.push(await plainDomRender(blank, 10_000));
  await blank.close();

  const rows: BenchRow[] = [
    { name: `goal: first rows (${GOAL_FIRST_ROWS_MS} ms)`, ms: GOAL_FIRST_ROWS_MS },
    { name: 'open → first rows, 100 papers', ms: small.firstRows },
    {
      name: 'open → first rows, 10,000 papers',
      ms: large.firstRows,
      reference: 'open → first rows, 100 papers',
    },
    { name: 'plain DOM: 10,000 rows built and laid out', ms: median(plain), note: 'no windowing, no data' },
    {
      name: 'open → all 10,000 read (count shown)',
      ms: large.complete,
      reference: 'plain DOM: 10,000 rows built and laid out',
    },
    { name: `goal: keystroke (${GOAL_KEYSTROKE_MS} ms)`, ms: GOAL_KEYSTROKE_MS },
    { name: 'keystroke → list updated, 100 papers', ms: small.updated },
    {
      name: 'keystroke → list updated, 10,000 papers',
      ms: large.updated,
      reference: 'keystroke → list updated, 100 papers',
      note: `worst ${large.worstUpdated.toFixed(1)} ms`,
    },
    {
      name: 'keystroke → next frame, 10,000 papers',
      ms: large.frame,
      note: 'includes waiting for the frame',
    },
  ];
  printTable(`Popup (medians of ${OPENS} opens; ${QUERY.length} keystrokes × 3)`, rows);
  console.log(
    `  popup JS heap after GC: ${small.memory.toFixed(1)} MB at 100 papers, ${large.memory.toFixed(1)} MB at 10,000 (goal < ${GOAL_MEMORY_MB} MB)`,
  );
});
