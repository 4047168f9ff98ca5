import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HF_DAILY_CAPTURE_IDS } from '../fixtures/real-captures';
import {
  type ExtensionBrowser,
  hasSharedFixtures,
  launchWithExtension,
  ownFixture,
  sharedFixture,
} from './harness';

const HF_DAY_URL = 'https://huggingface.co/papers/date/2026-09-28';

interface HfCase {
  name: string;
  html: () => string;
  ids: string[];
  saveId: string;
  saveTitle: string;
}

const cases: HfCase[] = [
  {
    name: 'the real Hugging Face capture',
    html: () => sharedFixture('huggingface/hf-daily-papers-2026-09-28-excerpt.html'),
    ids: HF_DAILY_CAPTURE_IDS,
    saveId: 'arxiv:2609.31093',
    saveTitle: 'Block Sparse Attention with Log-Linear Complexity',
  },
  {
    name: 'our own Hugging Face fixture',
    html: () => ownFixture('sites/hf-daily.html'),
    ids: ['arxiv:2609.24517', 'arxiv:2609.19876', 'arxiv:2609.31002'],
    saveId: 'arxiv:2609.19876',
    saveTitle: 'Q&A <Agents>: Tool-Using Language Models that Ask Before They Act',
  },
];

describe.each(cases.filter((c) => c.name.startsWith('our') || hasSharedFixtures))(
  'foundation on $name',
  (hf) => {
    let browser: ExtensionBrowser;

    beforeAll(async () => {
      browser = await launchWithExtension();
      browser.serve(HF_DAY_URL, hf.html());
    });
    afterAll(() => browser?.close());

    it('marks every card, saves one, and keeps it saved across a worker restart and a reload', async () => {
      const page = await browser.open(HF_DAY_URL);
      const marked = page.locator('[data-paperlight-id]');
      await expect.poll(() => marked.count()).toBe(hf.ids.length);
      expect(
        await marked.evaluateAll((els) => els.map((el) => el.getAttribute('data-paperlight-id'))),
      ).toEqual(hf.ids);
      for (const id of hf.ids) {
        await expect
          .poll(() =>
            page.locator(`[data-paperlight-id="${id}"] [data-paperlight-action="bookmark"]`).count(),
          )
          .toBe(1);
      }

      const toggle = page.locator(`[data-paperlight-id="${hf.saveId}"] [data-paperlight-action="bookmark"]`);
      expect(await toggle.getAttribute('aria-pressed')).toBe('false');
      // Among many toggles, each is named for its paper.
      expect(await page.getByRole('button', { name: `Save “${hf.saveTitle}”`, exact: true }).count()).toBe(1);
      await toggle.click();
      await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');

      await browser.killServiceWorker();
      await page.reload({ waitUntil: 'domcontentloaded' });
      await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
      const others = page.locator(
        `[data-paperlight-id]:not([data-paperlight-id="${hf.saveId}"]) [data-paperlight-action="bookmark"]`,
      );
      expect(await others.evaluateAll((els) => els.map((el) => el.getAttribute('aria-pressed')))).toEqual(
        hf.ids.slice(1).map(() => 'false'),
      );

      const popup = await browser.openPopup();
      const saved = popup.locator(`[data-paperlight-saved="${hf.saveId}"]`);
      await saved.waitFor();
      expect(await saved.textContent()).toContain(hf.saveTitle);
      expect(await popup.locator('[data-paperlight-saved]').count()).toBe(1);
    });
  },
);
