import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Topic } from '../../lib/topics/topic';
import {
  type ExtensionBrowser,
  hasSharedFixtures,
  launchWithExtension,
  ownFixture,
  sendFromExtensionPage,
  sharedFixture,
} from './harness';

const HF_DAY_URL = 'https://huggingface.co/papers/date/2026-09-28';
const ARXIV_NEW_URL = 'https://arxiv.org/list/cond-mat.mtrl-sci/new';

/** Replaces the library's topics, as the options page does, through the background. */
async function setTopics(browser: ExtensionBrowser, topics: Topic[]): Promise<void> {
  const page = await browser.openPopup();
  const reply = await sendFromExtensionPage(page, { type: 'topics/replace', payload: { topics } });
  expect(reply).toMatchObject({ ok: true });
  await page.close();
}

interface BadgeApi {
  chrome: {
    tabs: { query(q: { url: string }): Promise<{ id: number }[]> };
    action: { getBadgeText(d: { tabId: number }): Promise<string> };
  };
}

/** The toolbar badge's text on the tab showing `url`. */
async function badgeOf(browser: ExtensionBrowser, url: string): Promise<string> {
  const popup = await browser.openPopup();
  const text = await popup.evaluate(async (tabUrl) => {
    const { chrome } = globalThis as unknown as BadgeApi;
    const [tab] = await chrome.tabs.query({ url: tabUrl });
    return tab ? chrome.action.getBadgeText({ tabId: tab.id }) : 'no tab';
  }, url);
  await popup.close();
  return text;
}

function topicsOf(page: Page): Promise<Record<string, string | null>> {
  return page
    .locator('[data-paperlight-id]')
    .evaluateAll((els) =>
      Object.fromEntries(
        els.map((el) => [el.getAttribute('data-paperlight-id'), el.getAttribute('data-paperlight-topics')]),
      ),
    );
}

/** The page's text as its HTML alone would give it: what the extension must leave unchanged. */
function textWithoutExtension(page: Page, html: string): Promise<string> {
  return page.evaluate(
    (source) => new DOMParser().parseFromString(source, 'text/html').body.textContent ?? '',
    html,
  );
}

const attention: Topic = {
  id: 'attention',
  label: 'Attention',
  color: '#f4b400',
  terms: ['sparse attention', '/log-?linear/i'],
  enabled: true,
};
const worldModels: Topic = {
  id: 'world-models',
  label: 'World models',
  color: '#34a853',
  terms: ['world action model', 'world model'],
  enabled: true,
};
const data: Topic = { id: 'data', label: 'Data', color: '#db4437', terms: ['training data'], enabled: true };
const autoencoders: Topic = {
  id: 'ae',
  label: 'Autoencoders',
  color: '#4285f4',
  terms: ['autoencoder'],
  enabled: true,
};

describe.skipIf(!hasSharedFixtures)('topics on the real captures', () => {
  let browser: ExtensionBrowser;
  const hfHtml = () => sharedFixture('huggingface/hf-daily-papers-2026-09-28-excerpt.html');

  beforeAll(async () => {
    browser = await launchWithExtension();
    browser.serve(HF_DAY_URL, hfHtml());
    browser.serve(ARXIV_NEW_URL, sharedFixture('arxiv/list-new-cond-mat.mtrl-sci-2026-09-22-excerpt.html'));
    await setTopics(browser, [attention, worldModels, autoencoders, data]);
  });
  afterAll(() => browser?.close());

  it('marks the right Hugging Face cards, paints ranges, and leaves the text untouched', async () => {
    const page = await browser.open(HF_DAY_URL);
    await expect
      .poll(() => topicsOf(page))
      .toEqual({
        // "Representation Autoencoders" in the title.
        'arxiv:2609.31620': 'ae',
        // Only in the abstract, which the card does not show: found in the page's embedded data.
        'arxiv:2609.18703': 'data',
        'arxiv:2609.31093': 'attention',
        // A multi-word term in the title, and "training data" in the abstract.
        'arxiv:2609.31394': 'world-models data',
      });
    const sizes = await page.evaluate(() =>
      Object.fromEntries([...CSS.highlights.entries()].map(([name, highlight]) => [name, highlight.size])),
    );
    expect(sizes['paperlight-attention']).toBeGreaterThanOrEqual(2);
    expect(sizes['paperlight-world-models']).toBeGreaterThanOrEqual(1);
    expect(await page.evaluate(() => document.body.textContent)).toBe(
      await textWithoutExtension(page, hfHtml()),
    );

    const summary = page.locator('[data-paperlight-ui="summary"] .counts');
    await expect.poll(() => summary.textContent()).toMatch(/4 of 4\s*papers match/);
    await expect.poll(() => badgeOf(browser, HF_DAY_URL)).toBe('4');
  });

  it('updates an open page when a topic changes, without a reload', async () => {
    const page = await browser.open(HF_DAY_URL);
    await expect.poll(async () => (await topicsOf(page))['arxiv:2609.31093']).toBe('attention');
    await setTopics(browser, [{ ...attention, enabled: false }, worldModels, autoencoders, data]);
    await expect.poll(async () => (await topicsOf(page))['arxiv:2609.31093']).toBe(null);
    expect(await page.evaluate(() => CSS.highlights.get('paperlight-attention')?.size ?? 0)).toBe(0);
    await expect.poll(() => badgeOf(browser, HF_DAY_URL)).toBe('3');
    await setTopics(browser, [attention, worldModels, autoencoders, data]);
  });
});

describe.skipIf(!hasSharedFixtures)('topics on the real arXiv /new capture', () => {
  let browser: ExtensionBrowser;
  const html = () => sharedFixture('arxiv/list-new-cond-mat.mtrl-sci-2026-09-22-excerpt.html');

  beforeAll(async () => {
    browser = await launchWithExtension();
    browser.serve(ARXIV_NEW_URL, html());
    await setTopics(browser, [
      {
        id: 'heat',
        label: 'Heat transfer',
        color: '#f4b400',
        terms: ['heat equation', 'heat transfer'],
        enabled: true,
      },
      {
        id: 'md',
        label: 'Molecular dynamics',
        color: '#34a853',
        terms: ['molecular dynamics'],
        enabled: true,
      },
    ]);
  });
  afterAll(() => browser?.close());

  it('marks the right entries, paints titles and abstracts, and leaves the text untouched', async () => {
    const page = await browser.open(ARXIV_NEW_URL);
    await expect.poll(async () => Object.keys(await topicsOf(page)).length).toBe(8);
    const topics = await topicsOf(page);
    expect(topics['arxiv:2609.22268']).toBe('heat');
    expect(topics['arxiv:2609.22287']).toBe('md');
    expect(topics['arxiv:2609.22341']).toBe('md');
    expect(Object.values(topics).filter((ids) => ids?.includes('heat'))).toHaveLength(1);
    // "heat transfer" in the title and "heat equation" four times in the abstract.
    expect(await page.evaluate(() => CSS.highlights.get('paperlight-heat')?.size)).toBeGreaterThanOrEqual(5);
    expect(await page.evaluate(() => document.body.textContent)).toBe(
      await textWithoutExtension(page, html()),
    );
  });
});

describe('editing topics in the options page', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension();
    browser.serve(HF_DAY_URL, ownFixture('sites/hf-daily.html'));
  });
  afterAll(() => browser?.close());

  it('lights up an open page as the user types a topic, without a reload', async () => {
    const page = await browser.open(HF_DAY_URL);
    await expect.poll(async () => Object.keys(await topicsOf(page))).toHaveLength(3);
    expect(Object.values(await topicsOf(page))).toEqual([null, null, null]);

    const options = await browser.openOptions();
    await options.getByLabel('New topic').fill('World models');
    await options.getByRole('button', { name: 'Add topic' }).click();
    const topicId = 'world-models';
    await expect.poll(async () => (await topicsOf(page))['arxiv:2609.31002']).toBe(topicId);
    expect(await page.evaluate((name) => CSS.highlights.get(name)?.size, `paperlight-${topicId}`)).toBe(1);

    // A second term, typed into the topic's terms: "agents" is in another card's title.
    const terms = options.locator(`[data-paperlight-topic="${topicId}"]`).getByLabel('Terms, one per line');
    await terms.press('End');
    await terms.pressSequentially('\nagents');
    await expect.poll(async () => (await topicsOf(page))['arxiv:2609.19876']).toBe(topicId);

    // Switched off: the page lets go of the topic.
    await options.locator(`[data-paperlight-topic="${topicId}"]`).getByLabel('Highlight').uncheck();
    await expect.poll(async () => Object.values(await topicsOf(page))).toEqual([null, null, null]);
    expect(await page.evaluate((name) => CSS.highlights.get(name)?.size ?? 0, `paperlight-${topicId}`)).toBe(
      0,
    );
  });
});

describe('topics on our own fixture', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension();
    browser.serve(HF_DAY_URL, ownFixture('sites/hf-daily.html'));
    await setTopics(browser, [
      {
        id: 'kv',
        label: 'KV cache',
        color: '#f4b400',
        terms: ['KV cache', 'key-value cache', 'C++', '(a|b)'],
        enabled: true,
      },
      { id: 'attn', label: 'Attention', color: '#4285f4', terms: ['attention'], enabled: true },
    ]);
  });
  afterAll(() => browser?.close());

  it('marks matching cards with their topics and others with none', async () => {
    const page = await browser.open(HF_DAY_URL);
    // "Key-Value Cache" in the title; "attention" only in the abstract the card does not show.
    await expect.poll(async () => (await topicsOf(page))['arxiv:2609.24517']).toBe('kv attn');
    const topics = await topicsOf(page);
    expect(topics['arxiv:2609.19876']).toBe(null);
    expect(topics['arxiv:2609.31002']).toBe(null);
    const chips = page.locator('[data-paperlight-id="arxiv:2609.24517"] [data-paperlight-ui] li');
    expect(await chips.allTextContents()).toEqual(['KV cache', 'Attention']);
  });
});
