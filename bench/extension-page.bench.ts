/**
 * The whole extension on a 2,000-entry arXiv /new page with abstracts (about 3.4 million
 * characters), in real Chromium: from DOMContentLoaded until the first screen's cards are marked,
 * and until every card is marked, highlighted and summarised (extraction included), for 5, 50 and
 * 200 topics. The reference, measured on the same page in the same run, is a bare walk over the
 * page's text nodes: the floor for anything that reads the page's text. Also: the longest task
 * while the extension works, and 200 against 2,000 entries for linearity.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension, sendFromExtensionPage } from '../test/e2e/harness';
import { generateArxivList } from '../test/fixtures/arxiv-list-generator';
import { benchTerms, PAGE_VOCABULARY, topicsOf } from './highlight-terms';
import { type BenchRow, median, printTable } from './measure';

const URL_2000 = 'https://arxiv.org/list/cs.CL/new';
const URL_200 = 'https://arxiv.org/list/cs.LG/new';
const RUNS = 3;
/** Cards on a first screen: what the user sees before scrolling. */
const FIRST_SCREEN = 20;

interface PageTimes {
  firstScreen: number;
  allDone: number;
  textWalk: number;
  longestTask: number;
}

/** In the page, before any page script: records when cards get marked and when the summary appears. */
function recordMarking(firstScreen: number): void {
  const times: Record<string, number> = {};
  const longTasks: number[] = [];
  Object.assign(window, { __paperlightBench: { times, longTasks } });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (times.dcl !== undefined) longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener('DOMContentLoaded', () => {
    times.dcl = performance.now();
  });
  let marked = 0;
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'attributes' && mutation.oldValue === null) marked++;
      for (const node of mutation.addedNodes) {
        if (node instanceof Element && node.localName === 'paperlight-summary')
          times.allDone ??= performance.now();
      }
    }
    if (marked >= firstScreen) times.firstScreen ??= performance.now();
  }).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-paperlight-id'],
    attributeOldValue: true,
  });
}

function textWalkMs(): number {
  const start = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let characters = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    characters += node.nodeValue?.length ?? 0;
  if (!characters) throw new Error('empty page');
  return performance.now() - start;
}

let browser: ExtensionBrowser;

async function setTopicCount(topicCount: number, termsPerTopic: number): Promise<void> {
  const topics = topicsOf(benchTerms(topicCount * termsPerTopic), termsPerTopic).map((topic) => ({
    ...topic,
    label: topic.id,
    color: topic.color ?? '#f4b400',
    enabled: true,
  }));
  const popup = await browser.openPopup();
  await sendFromExtensionPage(popup, { type: 'topics/replace', payload: { topics } });
  await popup.close();
}

async function measure(url: string): Promise<PageTimes> {
  const page = await browser.context.newPage();
  await page.addInitScript(recordMarking, FIRST_SCREEN);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(
    () =>
      (window as unknown as { __paperlightBench: { times: { allDone?: number } } }).__paperlightBench.times
        .allDone,
    null,
    { timeout: 120_000, polling: 100 },
  );
  const { times, longTasks } = await page.evaluate(
    () =>
      (window as unknown as { __paperlightBench: { times: Record<string, number>; longTasks: number[] } })
        .__paperlightBench,
  );
  const textWalk = median([
    await page.evaluate(textWalkMs),
    await page.evaluate(textWalkMs),
    await page.evaluate(textWalkMs),
  ]);
  await page.close();
  const dcl = times.dcl ?? 0;
  return {
    firstScreen: (times.firstScreen ?? Number.NaN) - dcl,
    allDone: (times.allDone ?? Number.NaN) - dcl,
    textWalk,
    longestTask: Math.max(0, ...longTasks),
  };
}

async function medians(url: string): Promise<PageTimes> {
  const runs: PageTimes[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measure(url));
  const of = (key: keyof PageTimes) => median(runs.map((run) => run[key]));
  return {
    firstScreen: of('firstScreen'),
    allDone: of('allDone'),
    textWalk: of('textWalk'),
    longestTask: Math.max(...runs.map((r) => r.longestTask)),
  };
}

describe('the extension on a 2,000-entry arXiv listing', () => {
  beforeAll(async () => {
    browser = await launchWithExtension();
    browser.serve(
      URL_2000,
      generateArxivList({ entries: 2000, withAbstracts: true, vocabulary: PAGE_VOCABULARY }),
    );
    browser.serve(
      URL_200,
      generateArxivList({ entries: 200, withAbstracts: true, vocabulary: PAGE_VOCABULARY }),
    );
  });
  afterAll(() => browser?.close());

  it('DOMContentLoaded → first screen and every card marked, against the text walk', async () => {
    const rows: BenchRow[] = [];
    for (const [topics, perTopic] of [
      [5, 3],
      [50, 5],
      [200, 5],
    ] as const) {
      await setTopicCount(topics, perTopic);
      const times = await medians(URL_2000);
      const walk = `text walk (${topics} topics run)`;
      rows.push({ name: walk, ms: times.textWalk });
      rows.push({
        name: `first ${FIRST_SCREEN} cards, ${topics * perTopic} terms`,
        ms: times.firstScreen,
        note: 'goal ≤ 100 ms',
      });
      rows.push({
        name: `all 2,000 cards, ${topics * perTopic} terms`,
        ms: times.allDone,
        note: `${(times.allDone / times.textWalk).toFixed(0)}× the text walk; the page's own first layout included; longest task ${times.longestTask.toFixed(0)} ms (the page's parse included)`,
      });
    }
    await setTopicCount(50, 5);
    const small = await medians(URL_200);
    const large = await medians(URL_2000);
    rows.push({ name: 'all 200 cards, 250 terms', ms: small.allDone });
    rows.push({
      name: 'all 2,000 cards, 250 terms',
      ms: large.allDone,
      reference: 'all 200 cards, 250 terms',
      note: `${(large.allDone / small.allDone).toFixed(1)}× the time for 10× the cards`,
    });
    printTable('Extension on the page, from DOMContentLoaded (median ms)', rows);
  });
});
