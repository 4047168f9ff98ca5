import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArxivList, generatedArxivId } from '../fixtures/arxiv-list-generator';
import { type ExtensionBrowser, launchWithExtension, ownFixture } from './harness';

/**
 * The slice of Chrome's extension API these tests evaluate inside the service worker. Chrome's
 * events there have `dispatch`, which runs the registered listeners as a real event would.
 */
interface DispatchableEvent {
  dispatch(...args: unknown[]): void;
}
declare const chrome: {
  contextMenus: { update(id: string, props: object): Promise<void>; onClicked: DispatchableEvent };
  commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]>; onCommand: DispatchableEvent };
  tabs: { query(query: object): Promise<object[]> };
};

const HF_URL = 'https://huggingface.co/papers/date/2026-09-28';
const ARXIV_URL = 'https://arxiv.org/list/cs.CL/new';
const BURST_URL = 'https://arxiv.org/list/cs.LG/new';
const ABS_URL = 'https://arxiv.org/abs/2607.10040v2';

const HF_TITLES: Record<string, string> = {
  'arxiv:2609.41001': 'Sparse Mixture-of-Experts Routing with Learned Capacity',
  'arxiv:2607.10000': 'Retrieval Heads Explain Long-Context Factuality',
  'arxiv:2609.41002': 'Speculative Decoding for Diffusion Language Models',
  'arxiv:2607.10001': 'Curriculum Distillation for Small Reasoning Models',
  'arxiv:2609.41003': 'Benchmarking Agents on Unfamiliar Web Forms',
};
const HF_IDS = Object.keys(HF_TITLES);
const ARXIV_IDS = Array.from({ length: 5 }, (_, i) => `arxiv:${generatedArxivId(i)}`);
const BURST_IDS = Array.from({ length: 40 }, (_, i) => `arxiv:${generatedArxivId(i)}`);

function toggle(page: Page, id: string) {
  return page.locator(`[data-paperlight-id="${id}"] [data-paperlight-action="bookmark"]`);
}

async function pressedStates(page: Page, ids: string[]): Promise<Record<string, string | null>> {
  const states: Record<string, string | null> = {};
  for (const id of ids) states[id] = await toggle(page, id).getAttribute('aria-pressed');
  return states;
}

function allPressed(ids: string[], value = 'true'): Record<string, string> {
  return Object.fromEntries(ids.map((id) => [id, value]));
}

async function waitForToggles(page: Page, ids: string[]): Promise<void> {
  for (const id of ids) await expect.poll(() => toggle(page, id).count()).toBe(1);
}

/**
 * "Save" as a user means it: press the card's toggle unless it already shows saved. Checked and
 * clicked in one task of the page, so a broadcast from the other tab cannot slip in between and
 * turn the click into a removal.
 */
function saveOnPage(page: Page, id: string): Promise<void> {
  return page.evaluate((paperId) => {
    const card = document.querySelector(`[data-paperlight-id="${paperId}"]`);
    if (!card) throw new Error(`no card ${paperId}`);
    const scopes: ParentNode[] = [
      card,
      ...[...card.querySelectorAll('[data-paperlight-ui]')].flatMap((h) =>
        h.shadowRoot ? [h.shadowRoot] : [],
      ),
    ];
    for (const scope of scopes) {
      const button = scope.querySelector<HTMLButtonElement>('[data-paperlight-action="bookmark"]');
      if (!button) continue;
      if (button.getAttribute('aria-pressed') === 'false') button.click();
      return;
    }
    throw new Error(`no toggle on ${paperId}`);
  }, id);
}

/** The library as stored, read in the worker's origin straight from IndexedDB. */
async function storedBookmarks(browser: ExtensionBrowser): Promise<{ id: string; title: string }[]> {
  const page = await browser.openPopup();
  const stored = await page.evaluate(
    () =>
      new Promise<{ id: string; title: string }[]>((resolve, reject) => {
        const open = indexedDB.open('paperlight');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('bookmarks').objectStore('bookmarks').getAll();
          all.onsuccess = () =>
            resolve(all.result.map((b: { id: string; title: string }) => ({ id: b.id, title: b.title })));
          all.onerror = () => reject(all.error);
        };
      }),
  );
  await page.close();
  return stored;
}

async function worker(browser: ExtensionBrowser): Promise<Worker> {
  return browser.context.serviceWorkers()[0] ?? browser.context.waitForEvent('serviceworker');
}

describe('bookmarks across tabs, the popup, worker restarts and every save path', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension();
    browser.serve(HF_URL, ownFixture('sites/hf-daily-bookmarks.html'));
    browser.serve(ARXIV_URL, generateArxivList({ entries: 5, withAbstracts: true }));
    browser.serve(
      BURST_URL,
      generateArxivList({ entries: 40, withAbstracts: false, category: 'cs.LG', seed: 7 }),
    );
    browser.serve(
      ABS_URL,
      '<!doctype html><html><head><title>[2607.10040v2] Shortcuts Save Papers</title></head><body><p>A PDF-less abstract page stand-in.</p></body></html>',
    );
  });
  afterAll(() => browser?.close());

  it('5 saves on Hugging Face and 5 on arXiv, 2 papers on both, in two tabs at once → 8 saved, shown everywhere', async () => {
    const hf = await browser.open(HF_URL);
    const arxiv = await browser.open(ARXIV_URL);
    await waitForToggles(hf, HF_IDS);
    await waitForToggles(arxiv, ARXIV_IDS);
    expect(await pressedStates(hf, HF_IDS)).toEqual(allPressed(HF_IDS, 'false'));

    await Promise.all([
      ...HF_IDS.map((id) => saveOnPage(hf, id)),
      ...ARXIV_IDS.map((id) => saveOnPage(arxiv, id)),
    ]);

    const union = [...new Set([...HF_IDS, ...ARXIV_IDS])];
    expect(union).toHaveLength(8);
    await expect.poll(() => pressedStates(hf, HF_IDS)).toEqual(allPressed(HF_IDS));
    await expect.poll(() => pressedStates(arxiv, ARXIV_IDS)).toEqual(allPressed(ARXIV_IDS));
    const stored = await storedBookmarks(browser);
    expect(stored.map((b) => b.id).sort()).toEqual(union.sort());

    const popup = await browser.openPopup();
    const rows = popup.locator('[data-paperlight-saved]');
    await expect.poll(() => rows.count()).toBe(8);
    for (const { id, title } of stored) {
      expect(title.length).toBeGreaterThan(10);
      expect(await popup.locator(`[data-paperlight-saved="${id}"]`).textContent()).toContain(title);
    }
    for (const id of HF_IDS.filter((id) => !ARXIV_IDS.includes(id))) {
      expect(stored.find((b) => b.id === id)?.title).toBe(HF_TITLES[id]);
    }
    await Promise.all([hf.close(), arxiv.close(), popup.close()]);
  });

  it('removing in the popup turns the page toggle off live, and Undo turns it back on', async () => {
    const hf = await browser.open(HF_URL);
    const id = 'arxiv:2609.41002';
    await waitForToggles(hf, HF_IDS);
    await expect.poll(() => toggle(hf, id).getAttribute('aria-pressed')).toBe('true');

    const popup = await browser.openPopup();
    const row = popup.locator(`[data-paperlight-saved="${id}"]`);
    await row.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => toggle(hf, id).getAttribute('aria-pressed')).toBe('false');
    expect(await row.count()).toBe(0);
    await popup.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => toggle(hf, id).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => row.count()).toBe(1);
    await Promise.all([hf.close(), popup.close()]);
  });

  it('a burst of clicks with the worker killed in the middle loses nothing', async () => {
    const page = await browser.open(BURST_URL);
    await waitForToggles(page, BURST_IDS);
    const before = new Set((await storedBookmarks(browser)).map((b) => b.id));
    const fresh = BURST_IDS.filter((id) => !before.has(id));
    expect(fresh.length).toBeGreaterThan(30);

    // The worker is stopped while clicks are still coming: the stop is issued after the 10th
    // click, clicks go on while it lands, and the last 15 clicks come after it (waking the worker).
    let kill: Promise<void> | undefined;
    for (const [i, id] of fresh.entries()) {
      if (i === 10) kill = browser.killServiceWorker();
      if (i === 20) await kill;
      await saveOnPage(page, id);
    }
    await kill;

    // Every write settles: acknowledged (pressed) or refused with its message and rolled back.
    await expect
      .poll(() => page.locator('[data-paperlight-action="bookmark"][aria-busy="true"]').count(), {
        timeout: 15_000,
      })
      .toBe(0);
    const shown = await pressedStates(page, fresh);
    let stored = new Set((await storedBookmarks(browser)).map((b) => b.id));
    // Nothing shown saved is missing from the store, and nothing stored is shown unsaved.
    expect(Object.fromEntries(fresh.map((id) => [id, stored.has(id) ? 'true' : 'false']))).toEqual(shown);
    // A click whose write died with the worker says so, and a second click saves it.
    const refused = fresh.filter((id) => shown[id] === 'false');
    for (const id of refused) {
      expect(await page.locator(`[data-paperlight-id="${id}"] [role="alert"]`).count()).toBe(1);
      await saveOnPage(page, id);
    }
    await expect.poll(() => pressedStates(page, fresh)).toEqual(allPressed(fresh));
    stored = new Set((await storedBookmarks(browser)).map((b) => b.id));
    expect(fresh.filter((id) => !stored.has(id))).toEqual([]);

    // And what the page shows is what is stored, after a reload too.
    await page.reload({ waitUntil: 'domcontentloaded' });
    await waitForToggles(page, BURST_IDS);
    await expect.poll(() => pressedStates(page, fresh)).toEqual(allPressed(fresh));
    await page.close();
  });

  it('the context menu saves a linked paper, through the real onClicked event in the worker', async () => {
    const sw = await worker(browser);
    // The menu exists (updating an unknown id fails).
    await sw.evaluate(() => chrome.contextMenus.update('paperlight-save-paper', {}));
    const page = await browser.open(HF_URL);
    await waitForToggles(page, HF_IDS);
    // Chrome's own event dispatch: what a click on the native menu would do, which headless
    // Chromium cannot show.
    await sw.evaluate(() =>
      chrome.contextMenus.onClicked.dispatch(
        {
          menuItemId: 'paperlight-save-paper',
          linkUrl: 'https://arxiv.org/pdf/2607.10077v1',
          selectionText: 'Linked From Somewhere: A Paper',
          pageUrl: 'https://example.org/blog',
          editable: false,
        },
        undefined,
      ),
    );
    await expect
      .poll(async () => (await storedBookmarks(browser)).find((b) => b.id === 'arxiv:2607.10077')?.title)
      .toBe('Linked From Somewhere: A Paper');
    await page.close();
  });

  it('the save-paper shortcut saves the page’s paper, through the real onCommand event in the worker', async () => {
    const sw = await worker(browser);
    const commands = await sw.evaluate(() => chrome.commands.getAll());
    expect(commands).toContainEqual(expect.objectContaining({ name: 'save-paper', shortcut: 'Alt+Shift+S' }));

    const page = await browser.open(ABS_URL);
    await page.bringToFront();
    // Headless Chromium does not route key presses to extension commands: dispatch the event the
    // browser would, with the active tab, as Chrome passes it.
    await sw.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      chrome.commands.onCommand.dispatch('save-paper', tab);
    });
    await expect
      .poll(async () => (await storedBookmarks(browser)).find((b) => b.id === 'arxiv:2607.10040')?.title)
      .toBe('Shortcuts Save Papers');
    await page.close();
  });
});
