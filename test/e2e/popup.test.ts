import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension, REPO_ROOT } from './harness';

declare const chrome: { runtime: { sendMessage(message: object): Promise<{ ok: boolean; error?: string }> } };
declare const axe: {
  run(
    context: Element | Document,
    options: object,
  ): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
};

const TOPICS = [
  { id: 'kv', label: 'KV cache', terms: ['KV cache'] },
  { id: 'agents', label: 'Agents', terms: ['agent'] },
];

/** Six papers with everything the popup filters on; saved on consecutive days, oldest first. */
const BOOKMARKS = [
  {
    id: 'arxiv:2601.00001',
    title: 'Alpha: Eviction Policies for KV Caches',
    authors: ['Mei Tanaka'],
    abstract: 'We evict tokens.',
    published: '2026-01-05',
    topics: ['kv'],
    tags: ['memory'],
    note: '',
    read: false,
  },
  {
    id: 'arxiv:2601.00002',
    title: 'Beta Agents that Ask',
    authors: ['Sofia Ferreira'],
    abstract: 'Clarifying questions help tool use.',
    published: '2026-03-01',
    topics: ['agents'],
    tags: ['agents', 'rl'],
    note: 'Compare with Toolformer',
    read: true,
  },
  {
    id: 'arxiv:2601.00003',
    title: 'Gamma Rays from Quasars',
    authors: ['Chen Wei'],
    abstract: 'Astrophysics, not ML.',
    published: '2025-12-20',
    topics: [],
    tags: [],
    note: '',
    read: false,
  },
  {
    id: 'arxiv:2601.00004',
    title: 'Delta Diffusion for Video',
    authors: ['Priya Raman'],
    abstract: 'Residual denoising.',
    published: '2026-02-11',
    topics: [],
    tags: ['video'],
    note: '',
    read: true,
  },
  {
    id: 'arxiv:2601.00005',
    title: 'Epsilon: Paged Attention Revisited',
    authors: ['Tanaka Mei', 'Lukas Brandt'],
    abstract: 'A paged KV cache.',
    published: '2026-02-28',
    topics: ['kv'],
    tags: [],
    note: 'Key baseline',
    read: false,
  },
  {
    id: 'arxiv:2601.00006',
    title: 'Zeta Agents in the Browser',
    authors: ['Olga Petrova'],
    abstract: 'Web agents.',
    published: '2026-01-30',
    topics: ['agents'],
    tags: ['agents'],
    note: '',
    read: false,
  },
].map((b, i) => ({
  ...b,
  source: 'arxiv',
  url: `https://arxiv.org/abs/${b.id.slice(6)}`,
  addedAt: `2026-04-0${i + 1}T10:00:00.000Z`,
}));

const backup = JSON.stringify({
  format: 'paperlight-backup',
  version: 1,
  topics: TOPICS,
  bookmarks: BOOKMARKS,
});

async function shownIds(popup: Page): Promise<string[]> {
  return popup
    .locator('[data-paperlight-saved]')
    .evaluateAll((rows) =>
      rows
        .sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')))
        .map((row) => row.getAttribute('data-paperlight-saved') ?? ''),
    );
}

function idsOf(...letters: number[]): string[] {
  return letters.map((n) => `arxiv:2601.0000${n}`);
}

describe('the popup', () => {
  let browser: ExtensionBrowser;
  let popup: Page;

  beforeAll(async () => {
    browser = await launchWithExtension();
    const seeder = await browser.openPopup();
    const reply = await seeder.evaluate(
      (text) => chrome.runtime.sendMessage({ type: 'library/import', payload: { text } }),
      backup,
    );
    expect(reply.ok).toBe(true);
    await seeder.close();
  });
  afterAll(() => browser?.close());

  async function freshPopup(): Promise<Page> {
    await popup?.close();
    popup = await browser.openPopup();
    await popup.setViewportSize({ width: 440, height: 580 });
    await expect.poll(() => popup.locator('.count').textContent()).toBe('6 papers');
    return popup;
  }

  it('lists the most recently saved first, with titles', async () => {
    await freshPopup();
    expect(await shownIds(popup)).toEqual(idsOf(6, 5, 4, 3, 2, 1));
    expect(await popup.locator('[data-paperlight-saved="arxiv:2601.00002"]').textContent()).toContain(
      'Beta Agents that Ask',
    );
  });

  it('searches as you type over title, authors, abstract, tags and notes, all words required', async () => {
    await freshPopup();
    const search = popup.getByRole('searchbox', { name: 'Search saved papers' });
    const cases: [string, string[]][] = [
      ['tanaka', idsOf(5, 1)], // authors, both name orders
      ['paged', idsOf(5)], // title and abstract
      ['toolformer', idsOf(2)], // note
      ['video', idsOf(4)], // title and tag
      ['rl', idsOf(2)], // tag (and nothing else spells "rl")
      ['kv cache', idsOf(5, 1)], // every word, anywhere
      ['KV nothing', []],
    ];
    for (const [query, expected] of cases) {
      await search.fill(query);
      await expect.poll(() => shownIds(popup), { message: query }).toEqual(expected);
    }
    await search.fill('tanaka');
    await expect
      .poll(() => popup.locator('.summary').textContent())
      .toContain('2 of 6 papers: search “tanaka”');
  });

  it('filters by topic, tag and read state, shows them, and clears them', async () => {
    await freshPopup();
    await popup.getByLabel('Topic').selectOption('agents');
    await expect.poll(() => shownIds(popup)).toEqual(idsOf(6, 2));
    await popup.getByLabel('Show').selectOption('unread');
    await expect.poll(() => shownIds(popup)).toEqual(idsOf(6));
    await popup.getByLabel('Topic').selectOption('');
    await popup.getByLabel('Tag').selectOption('agents');
    await popup.getByLabel('Show').selectOption('read');
    await expect.poll(() => shownIds(popup)).toEqual(idsOf(2));
    expect(await popup.locator('.summary').textContent()).toContain('1 of 6 papers: tag #agents, read');
    await popup.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => shownIds(popup)).toHaveLength(6);
  });

  it('sorts by date saved, date published, and title', async () => {
    await freshPopup();
    const sort = popup.getByLabel('Sort');
    await sort.selectOption('published');
    await expect.poll(() => shownIds(popup)).toEqual(idsOf(2, 5, 4, 6, 1, 3));
    await sort.selectOption('title');
    await expect.poll(() => shownIds(popup)).toEqual(idsOf(1, 2, 4, 5, 3, 6));
    await sort.selectOption('saved');
    await expect.poll(() => shownIds(popup)).toEqual(idsOf(6, 5, 4, 3, 2, 1));
  });

  it('edits tags and a note in place, marks read and unread, and keeps it across reopening', async () => {
    await freshPopup();
    const row = popup.locator('[data-paperlight-saved="arxiv:2601.00003"]');
    await row.getByRole('button', { name: 'Edit tags and note' }).click();
    await row.getByLabel('Tags (comma-separated)').fill('astro, surveys, astro');
    await row.getByLabel('Note').fill('Sent by a friend');
    await row.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => row.textContent()).toContain('#astro#surveysSent by a friend');
    const read = row.getByRole('button', { name: 'Read' });
    expect(await read.getAttribute('aria-pressed')).toBe('false');
    await read.click();
    await expect.poll(() => read.getAttribute('aria-pressed')).toBe('true');

    await freshPopup();
    const again = popup.locator('[data-paperlight-saved="arxiv:2601.00003"]');
    expect(await again.textContent()).toContain('#astro#surveysSent by a friend');
    expect(await again.getByRole('button', { name: 'Read' }).getAttribute('aria-pressed')).toBe('true');
    await popup.getByLabel('Tag').selectOption('surveys');
    await expect.poll(() => shownIds(popup)).toEqual(idsOf(3));
    // Undo the read mark so later tests see the seeded state.
    await again.getByRole('button', { name: 'Read' }).click();
    await expect
      .poll(() => again.getByRole('button', { name: 'Read' }).getAttribute('aria-pressed'))
      .toBe('false');
  });

  it('says so and rolls back when a write is refused', async () => {
    await freshPopup();
    const row = popup.locator('[data-paperlight-saved="arxiv:2601.00001"]');
    await row.getByRole('button', { name: 'Edit tags and note' }).click();
    // Tags are at most 100 characters: the background refuses this one.
    await row.getByLabel('Tags (comma-separated)').fill(`ok, ${'x'.repeat(150)}`);
    await row.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => popup.getByRole('alert').textContent()).toContain('Not changed');
    await expect.poll(() => row.textContent()).toContain('#memory');
    expect(await row.textContent()).not.toContain('#ok');
    await freshPopup();
    expect(await popup.locator('[data-paperlight-saved="arxiv:2601.00001"]').textContent()).toContain(
      '#memory',
    );
  });

  it('removes with undo', async () => {
    await freshPopup();
    await popup
      .locator('[data-paperlight-saved="arxiv:2601.00004"]')
      .getByRole('button', { name: 'Remove' })
      .click();
    await expect.poll(() => shownIds(popup)).toEqual(idsOf(6, 5, 3, 2, 1));
    expect(await popup.getByRole('status').textContent()).toContain('Removed “Delta Diffusion for Video”');
    await popup.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => shownIds(popup)).toEqual(idsOf(6, 5, 4, 3, 2, 1));
    await freshPopup();
    expect(await popup.locator('[data-paperlight-saved="arxiv:2601.00004"]').textContent()).toContain(
      '#video',
    );
  });

  it('is keyboard navigable: Tab reaches the list, arrows move, Enter opens the paper', async () => {
    await freshPopup();
    const firstRow = popup.locator('li[data-index="0"]');
    await firstRow.focus();
    const focusedId = () =>
      popup.evaluate(() => document.activeElement?.getAttribute('data-paperlight-saved'));
    expect(await focusedId()).toBe('arxiv:2601.00006');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowDown');
    expect(await focusedId()).toBe('arxiv:2601.00004');
    await popup.keyboard.press('ArrowUp');
    expect(await focusedId()).toBe('arxiv:2601.00005');
    await popup.keyboard.press('End');
    expect(await focusedId()).toBe('arxiv:2601.00001');
    await popup.keyboard.press('Home');
    expect(await focusedId()).toBe('arxiv:2601.00006');
    // Only the active row is in the tab order.
    expect(await popup.locator('li[tabindex="0"]').count()).toBe(1);

    browser.serve('https://arxiv.org/abs/2601.00006', '<!doctype html><title>Zeta</title>');
    const opened = browser.context.waitForEvent('page');
    await popup.keyboard.press('Enter');
    const tab = await opened;
    await tab.waitForURL('https://arxiv.org/abs/2601.00006');
    await tab.close();
  });

  it('saves the paper of the tab the user was on', async () => {
    const url = 'https://arxiv.org/abs/2602.00042v1';
    browser.serve(
      url,
      '<!doctype html><title>[2602.00042v1] Omega: Saved From the Popup</title><h1>Omega</h1>',
    );
    const tab = await browser.open(url);
    await tab.bringToFront();
    const here = await browser.openPopup();
    const button = here.getByRole('button', { name: 'Save this paper' });
    await button.click();
    await expect
      .poll(() => here.locator('[data-paperlight-saved="arxiv:2602.00042"]').textContent())
      .toContain('Omega: Saved From the Popup');
    expect(await here.getByRole('button', { name: 'This paper is saved' }).isDisabled()).toBe(true);
    await here
      .locator('[data-paperlight-saved="arxiv:2602.00042"]')
      .getByRole('button', { name: 'Remove' })
      .click();
    await expect.poll(() => here.locator('.count').textContent()).toBe('6 papers');
    await Promise.all([here.close(), tab.close()]);
  });

  it('opens the options page, where topics and settings live', async () => {
    const page = await freshPopup();
    const [options] = await Promise.all([
      browser.context.waitForEvent('page'),
      page.getByRole('button', { name: 'Topics & settings' }).click(),
    ]);
    await options.waitForLoadState('domcontentloaded');
    expect(options.url()).toBe(`chrome-extension://${browser.extensionId}/options.html`);
    await options.close();
  });

  it('exports each format as a file, of what the filters show', async () => {
    await freshPopup();
    await popup.getByLabel('Topic').selectOption('kv');
    await expect.poll(() => shownIds(popup)).toEqual(idsOf(5, 1));
    const expected: [string, RegExp][] = [
      ['BibTeX', /\.bib$/],
      ['RIS', /\.ris$/],
      ['CSL-JSON', /\.csl\.json$/],
      ['CSV', /\.csv$/],
      ['Markdown', /\.md$/],
      ['JSON', /\d\.json$/],
    ];
    for (const [name, filename] of expected) {
      const download = popup.waitForEvent('download');
      await popup.getByRole('button', { name, exact: true }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(filename);
      const text = readFileSync((await file.path()) as string, 'utf8');
      expect(text, name).toContain('Paged Attention Revisited');
      expect(text, name).not.toContain('Gamma Rays');
    }
  });

  it.each(['light', 'dark'] as const)(
    'has no serious or critical axe violations (%s theme)',
    async (scheme) => {
      await freshPopup();
      await popup.emulateMedia({ colorScheme: scheme });
      // Open an editor too, so its fields are checked.
      await popup
        .locator('[data-paperlight-saved="arxiv:2601.00002"]')
        .getByRole('button', { name: 'Edit tags and note' })
        .click();
      // Through DevTools evaluation: the extension's CSP rightly refuses an inline script tag.
      await popup.evaluate(readFileSync(join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
      const { violations } = await popup.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    },
  );
});
