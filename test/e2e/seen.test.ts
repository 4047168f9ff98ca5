import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArxivList, generatedArxivId } from '../fixtures/arxiv-list-generator';
import { type ExtensionBrowser, launchWithExtension, sendFromExtensionPage } from './harness';

const LISTING = 'https://arxiv.org/list/cs.CL/recent';
const HOUR = 60 * 60_000;

/** Moves every recorded visit and sighting back in time, from an extension page (same origin as the database). */
function ageVisits(page: Page, ms: number): Promise<void> {
  return page.evaluate(
    (shift) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('paperlight');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['listings', 'seen'], 'readwrite');
          for (const name of ['listings', 'seen']) {
            const cursorRequest = tx.objectStore(name).openCursor();
            cursorRequest.onsuccess = () => {
              const cursor = cursorRequest.result;
              if (!cursor) return;
              const value = { ...cursor.value };
              for (const key of ['visitStart', 'lastVisit', 'previousVisit', 'firstSeen', 'lastSeen']) {
                if (typeof value[key] === 'number') value[key] -= shift;
              }
              cursor.update(value);
              cursor.continue();
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    ms,
  );
}

/** Whether the background has recorded a visit to `listing`, read from an extension page. */
function visitRecorded(page: Page, listing: string): Promise<boolean> {
  return page.evaluate(
    (key) =>
      new Promise<boolean>((resolve, reject) => {
        const open = indexedDB.open('paperlight');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('listings').objectStore('listings').get(key);
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result !== undefined);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    listing,
  );
}

function newMarks(page: Page): Promise<string[]> {
  return page
    .locator('[data-paperlight-id]:has([data-paperlight-ui] .new)')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-paperlight-id') ?? ''));
}

describe('papers new since the last visit to a listing', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(() => browser?.close());

  it('marks what appeared since the last visit, and dims what was seen when asked', async () => {
    browser.serve(LISTING, generateArxivList({ entries: 5, withAbstracts: false }));
    const first = await browser.open(LISTING);
    await expect
      .poll(() => first.locator('[data-paperlight-id] [data-paperlight-action="bookmark"]').count())
      .toBe(5);
    // Nothing is new on a first visit: there is nothing to compare with.
    const popup = await browser.openPopup();
    await expect.poll(() => visitRecorded(popup, 'arxiv.org/list/cs.CL/recent')).toBe(true);
    expect(await newMarks(first)).toEqual([]);
    await first.close();

    await ageVisits(popup, 2 * HOUR);

    // The next day's listing: the same five, and three more on top.
    browser.serve(LISTING, generateArxivList({ entries: 8, withAbstracts: false }));
    const next = await browser.open(LISTING);
    const added = [5, 6, 7].map((i) => `arxiv:${generatedArxivId(i)}`);
    await expect.poll(() => newMarks(next)).toEqual(added);
    const seen = await next
      .locator('[data-paperlight-seen]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-paperlight-id')));
    expect(seen).toHaveLength(5);
    expect(
      await next
        .locator('[data-paperlight-seen]')
        .first()
        .evaluate((el) => getComputedStyle(el).opacity),
    ).toBe('1');

    await sendFromExtensionPage(popup, { type: 'settings/update', payload: { dimSeen: true } });
    await expect
      .poll(() =>
        next
          .locator('[data-paperlight-seen]')
          .first()
          .evaluate((el) => getComputedStyle(el).opacity),
      )
      .toBe('0.55');
    await sendFromExtensionPage(popup, { type: 'settings/update', payload: { markNew: false } });
    await expect.poll(() => newMarks(next)).toEqual([]);
  });
});
