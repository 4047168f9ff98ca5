import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension, REPO_ROOT } from './harness';

declare const axe: {
  run(
    context: Document,
    options: object,
  ): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
};

type Reply = { ok: true; data: unknown } | { ok: false; error: string } | undefined;
/** The part of an extension page's `chrome` global these tests use (no @types/chrome here). */
type ExtensionGlobal = { chrome: { runtime: { sendMessage(message: unknown): Promise<Reply> } } };

/** Asks the background directly, from an extension page, as the options page itself does. */
async function ask<T>(page: Page, type: string, payload: object = {}): Promise<T> {
  const reply = await page.evaluate(
    ([type, payload]) =>
      (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({ type, payload }),
    [type, payload] as const,
  );
  if (!reply?.ok) throw new Error(`${type} failed: ${JSON.stringify(reply)}`);
  return reply.data as T;
}

interface StoredTopic {
  id: string;
  label: string;
  color: string;
  terms: string[];
  enabled: boolean;
}

const listTopics = (page: Page) => ask<StoredTopic[]>(page, 'topics/list');
const saved = (page: Page) => page.locator('[data-paperlight-save-status="saved"]');

const BACKUP = {
  format: 'paperlight-backup',
  version: 1,
  exportedAt: '2026-11-28T12:00:00.000Z',
  topics: [
    {
      id: 'kv-cache',
      label: 'KV cache',
      color: '#f4b400',
      terms: ['KV cache', 'key-value cache'],
      enabled: true,
    },
    { id: 'rag', label: 'RAG', terms: ['RAG', 'retrieval-augmented generation'] },
  ],
  bookmarks: [
    { id: 'arxiv:2509.02560', title: 'FastVGGT: Training-Free Acceleration of Visual Geometry Transformer' },
    { id: 'arxiv:2609.19876', title: 'Q&A <Agents>: Tool-Using Language Models that Ask Before They Act' },
  ],
};

describe('options page', () => {
  let browser: ExtensionBrowser;
  beforeEach(async () => {
    browser = await launchWithExtension();
  });
  afterEach(() => browser?.close());

  it('invites a first topic, keeps one added through the form with its terms across a reload', async () => {
    const page = await browser.openOptions();
    await page.getByText('No topics yet.').waitFor();
    expect(await page.locator('input[type="file"]').count()).toBe(1);

    await page.getByLabel('New topic').fill('Speculative decoding');
    await page.getByRole('button', { name: 'Add topic' }).click();
    const card = page.locator('[data-paperlight-topic="speculative-decoding"]');
    const terms = card.getByLabel('Terms, one per line');
    // The new topic's terms box takes focus, starting from its name.
    await expect.poll(() => terms.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await terms.inputValue()).toBe('Speculative decoding');
    await terms.press('Control+End');
    await terms.pressSequentially('\ndraft model\nDraft  Model\n/(a+)+$/');
    await expect
      .poll(() => card.locator('.term-problems li').allTextContents())
      .toEqual([
        expect.stringMatching(/^Line 3, “Draft {2}Model”: duplicate term: ignored/),
        expect.stringMatching(/^Line 4, “\/\(a\+\)\+\$\/”: not used: nested quantifiers/),
      ]);
    await saved(page).waitFor();

    await page.reload();
    const reloaded = page.locator('[data-paperlight-topic="speculative-decoding"]');
    await reloaded.waitFor();
    expect(await reloaded.getByLabel('Terms, one per line').inputValue()).toBe(
      'Speculative decoding\ndraft model\n/(a+)+$/',
    );
    const [stored] = await listTopics(page);
    expect(stored).toMatchObject({
      id: 'speculative-decoding',
      label: 'Speculative decoding',
      terms: ['Speculative decoding', 'draft model', '/(a+)+$/'],
      enabled: true,
    });
  });

  it('adds examples with one click, deduplicating ids, and reorders, recolours, toggles and renames them', async () => {
    const page = await browser.openOptions();
    await page.getByRole('button', { name: 'Add “RAG”' }).click();
    await page.getByRole('button', { name: 'Add “KV cache”' }).click();
    await page.getByLabel('New topic').fill('RAG');
    await page.getByRole('button', { name: 'Add topic' }).click();
    await saved(page).waitFor();
    expect((await listTopics(page)).map((t) => t.id)).toEqual(['rag', 'kv-cache', 'rag-2']);

    await page.getByRole('button', { name: 'Move KV cache up' }).click();
    // Now first, its "up" button is disabled: focus moved to "down".
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Move KV cache down');
    const kv = page.locator('[data-paperlight-topic="kv-cache"]');
    await kv.getByRole('radio', { name: 'Teal' }).check();
    await kv.getByRole('checkbox').uncheck();
    await expect
      .poll(async () => listTopics(page))
      .toEqual([
        expect.objectContaining({ id: 'kv-cache', color: '#00acc1', enabled: false }),
        expect.objectContaining({ id: 'rag' }),
        expect.objectContaining({ id: 'rag-2' }),
      ]);

    // Renaming keeps the id (saved papers refer to it); an empty name is refused and the old one kept.
    const name = page.locator('[data-paperlight-topic="rag-2"]').getByLabel('Topic name');
    await name.fill('');
    await page.getByText('A topic needs a name; it keeps “RAG” until you type one.').waitFor();
    await name.pressSequentially('GraphRAG');
    await expect
      .poll(async () => (await listTopics(page))[2])
      .toMatchObject({ id: 'rag-2', label: 'GraphRAG' });
    await name.fill('');
    await name.blur();
    expect(await name.inputValue()).toBe('GraphRAG');
    expect(await page.getByRole('button', { name: 'Delete GraphRAG' }).count()).toBe(1);
  });

  it('imports a backup through the file input and shows its topics', async () => {
    const page = await browser.openOptions();
    await page.getByText('No topics yet.').waitFor();
    await page.locator('input[type="file"]').setInputFiles({
      name: 'paperlight-backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(BACKUP)),
    });
    const status = page.locator('[data-paperlight-import-status="done"]');
    await status.waitFor();
    expect(await status.textContent()).toContain('4 added, 0 updated, 0 unchanged, 0 refused');
    await page.locator('[data-paperlight-topic="kv-cache"]').waitFor();
    expect(
      await page
        .locator('[data-paperlight-topic]')
        .evaluateAll((els) => els.map((el) => el.dataset.paperlightTopic)),
    ).toEqual(['kv-cache', 'rag']);
    expect(await page.getByLabel('Terms, one per line').first().inputValue()).toBe(
      'KV cache\nkey-value cache',
    );

    // And back out: the backup download holds what was imported.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download backup (JSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^paperlight-\d{4}-\d{2}-\d{2}\.json$/);
    const backup = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(backup).toMatchObject({ format: 'paperlight-backup', version: 1 });
    expect(backup.topics).toEqual([
      expect.objectContaining(BACKUP.topics[0]),
      expect.objectContaining({ ...BACKUP.topics[1], color: '#f4b400', enabled: true }),
    ]);
    expect(backup.bookmarks.map((b: { id: string }) => b.id).sort()).toEqual(
      BACKUP.bookmarks.map((b) => b.id).sort(),
    );
    await page.locator('[data-paperlight-backup-status="done"]').waitFor();
  });

  it('refuses a corrupt backup whole, says why, and changes nothing', async () => {
    const page = await browser.openOptions();
    await page.getByLabel('New topic').fill('RLHF');
    await page.getByRole('button', { name: 'Add topic' }).click();
    await saved(page).waitFor();
    const topicsBefore = await listTopics(page);
    const bookmarksBefore = await ask<unknown[]>(page, 'bookmarks/list');

    const corrupt = JSON.stringify({ ...BACKUP, topics: [{ id: 'x', label: 'X', terms: 'not a list' }] });
    await page.locator('input[type="file"]').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(corrupt),
    });
    const error = page.locator('[role="alert"][data-paperlight-import-status="failed"]');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/broken\.json was not imported, and nothing changed: .*topics/);

    await page.locator('input[type="file"]').setInputFiles({
      name: 'truncated.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(BACKUP).slice(0, 80)),
    });
    await expect.poll(() => error.textContent()).toMatch(/truncated\.json was not imported/);

    expect(await listTopics(page)).toEqual(topicsBefore);
    expect(await ask<unknown[]>(page, 'bookmarks/list')).toEqual(bookmarksBefore);
    expect(await page.locator('[data-paperlight-topic]').count()).toBe(1);
  });

  it('deletes a topic with an undo that puts it back in place', async () => {
    const page = await browser.openOptions();
    for (const label of ['RAG', 'KV cache', 'RLHF']) {
      await page.getByRole('button', { name: `Add “${label}”` }).click();
    }
    await saved(page).waitFor();
    const before = await listTopics(page);

    await page.getByRole('button', { name: 'Delete KV cache' }).click();
    await page.getByRole('status').getByText('Deleted “KV cache”.').waitFor();
    await expect.poll(async () => (await listTopics(page)).map((t) => t.id)).toEqual(['rag', 'rlhf']);
    // Focus went to the next topic rather than being lost with the deleted one.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-paperlight-topic'))).toBe(
      'rlhf',
    );

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect
      .poll(async () => (await listTopics(page)).map((t) => t.id))
      .toEqual(['rag', 'kv-cache', 'rlhf']);
    const restored = (await listTopics(page))[1];
    expect({ ...restored, updatedAt: undefined }).toEqual({ ...before[1], updatedAt: undefined });
    expect(await page.getByRole('button', { name: 'Undo' }).count()).toBe(0);
  });

  it('keeps two open options pages in step without clobbering an edit in progress', async () => {
    const first = await browser.openOptions();
    const second = await browser.openOptions();
    await first.getByRole('button', { name: 'Add “RAG”' }).click();
    await second.locator('[data-paperlight-topic="rag"]').waitFor();

    // The second page is typing in RAG while the first adds a topic.
    const ragTerms = second.locator('[data-paperlight-topic="rag"]').getByLabel('Terms, one per line');
    await ragTerms.press('Control+End');
    await ragTerms.pressSequentially('\nRAG pipeline');
    await first.getByRole('button', { name: 'Add “RLHF”' }).click();
    await second.locator('[data-paperlight-topic="rlhf"]').waitFor();
    expect(await ragTerms.inputValue()).toMatch(/\nRAG pipeline$/);

    await saved(second).waitFor();
    await expect
      .poll(async () => (await listTopics(first)).map((t) => [t.id, t.terms.at(-1)]))
      .toEqual([
        ['rag', 'RAG pipeline'],
        ['rlhf', 'DPO'],
      ]);
    await expect
      .poll(() =>
        first.locator('[data-paperlight-topic="rag"]').getByLabel('Terms, one per line').inputValue(),
      )
      .toMatch(/\nRAG pipeline$/);
  });

  it('flips a listing setting, and it stays flipped', async () => {
    const page = await browser.openOptions();
    const dim = page.getByRole('checkbox', { name: 'Dim papers seen before' });
    await dim.waitFor();
    const before = await ask<Record<string, boolean>>(page, 'settings/get');
    expect(await dim.isChecked()).toBe(before.dimSeen);
    await dim.click();
    await expect
      .poll(async () => (await ask<Record<string, boolean>>(page, 'settings/get')).dimSeen)
      .toBe(!before.dimSeen);
    await page.reload();
    await expect
      .poll(() => page.getByRole('checkbox', { name: 'Dim papers seen before' }).isChecked())
      .toBe(!before.dimSeen);
  });

  it('lists the copy taken before an import and restores a deleted topic from it', async () => {
    const page = await browser.openOptions();
    const importFile = async (name: string, backup: object) => {
      await page.locator('input[type="file"]').setInputFiles({
        name,
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(backup)),
      });
      await page.locator(`[data-paperlight-import-status="done"]:has-text("Imported ${name}")`).waitFor();
    };
    await importFile('first.json', BACKUP);
    await importFile('second.json', { ...BACKUP, topics: [], bookmarks: [] });
    const copies = page.locator('[data-paperlight-snapshot]');
    await expect
      .poll(() => copies.allTextContents())
      .toEqual([
        expect.stringMatching(/before import: 2 papers, 2 topicsRestore$/),
        expect.stringMatching(/before import: 0 papers, 0 topicsRestore$/),
      ]);

    await page.getByRole('button', { name: 'Delete RAG' }).click();
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(async () => (await listTopics(page)).map((t) => t.id)).toEqual(['kv-cache']);
    await copies.first().getByRole('button', { name: 'Restore' }).click();
    const status = page.locator('[data-paperlight-restore-status="done"]');
    await status.waitFor();
    expect(await status.textContent()).toMatch(/1 added, 0 updated, 3 unchanged, 0 refused/);
    await page.locator('[data-paperlight-topic="rag"]').waitFor();
    expect((await listTopics(page)).map((t) => t.id)).toEqual(['kv-cache', 'rag']);
  });

  it('syncs on demand, shows the quota used, and turns sync off', async () => {
    const page = await browser.openOptions();
    await page.getByRole('button', { name: 'Add “RAG”' }).click();
    await saved(page).waitFor();
    const toggle = page.getByRole('checkbox', { name: 'Sync saved papers and topics' });
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Sync now' }).click();
    const status = page.locator('[data-paperlight-sync-state="synced"]');
    await status.waitFor();
    expect(await status.textContent()).toMatch(
      /In step with your other devices\..*Sync storage used.*KB of 100 KB, \d+ of 512 items/s,
    );
    expect(Number(await status.locator('meter').getAttribute('value'))).toBeGreaterThan(0);

    await toggle.uncheck();
    await page.locator('[data-paperlight-sync-state="off"]').waitFor();
    expect((await ask<{ sync: boolean }>(page, 'settings/get')).sync).toBe(false);
    expect(await page.getByRole('button', { name: 'Sync now' }).count()).toBe(0);
  });

  it('takes 1,000 topics with a 10,000-character term, an empty term and a catastrophic pattern', async () => {
    const page = await browser.openOptions();
    await page.getByText('No topics yet.').waitFor();
    const topics = Array.from({ length: 1000 }, (_, i) => ({
      id: `t${i}`,
      label: `Topic ${i}`,
      terms: [`term ${i}`, i === 7 ? 'x'.repeat(10_000) : `other ${i}`, '', '/(a+)+$/'],
    }));
    await page.locator('input[type="file"]').setInputFiles({
      name: 'many.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 'paperlight-backup', version: 1, topics, bookmarks: [] })),
    });
    await page.locator('[data-paperlight-topic="t999"]').waitFor();
    expect(await page.locator('[data-paperlight-topic]').count()).toBe(1000);
    const last = page.locator('[data-paperlight-topic="t999"]');
    expect(await last.locator('.term-problems li').allTextContents()).toEqual([
      expect.stringMatching(/^Line 4, “\/\(a\+\)\+\$\/”: not used: nested quantifiers/),
    ]);

    // Still responsive: an edit far down the list is saved, and the other topics are untouched.
    const terms = last.getByLabel('Terms, one per line');
    await terms.press('Control+End');
    await terms.pressSequentially('\nlast one');
    await expect
      .poll(async () => (await listTopics(page)).find((t) => t.id === 't999')?.terms)
      .toEqual(['term 999', 'other 999', '/(a+)+$/', 'last one']);
    const stored = await listTopics(page);
    expect(stored).toHaveLength(1000);
    expect(stored[7]?.terms[1]).toHaveLength(10_000);
  });

  it.each(['light', 'dark'] as const)(
    'has no serious or critical axe violations (%s theme)',
    async (scheme) => {
      const page = await browser.openOptions();
      await page.emulateMedia({ colorScheme: scheme });
      await page.getByRole('button', { name: 'Add “KV cache”' }).click();
      const terms = page.getByLabel('Terms, one per line');
      await terms.press('Control+End');
      await terms.pressSequentially('\n/(a+)+$/\nkv-cache');
      await page.getByRole('button', { name: 'Delete KV cache' }).click();
      await page.getByRole('button', { name: 'Undo' }).click();
      await page.getByRole('button', { name: 'Add “RAG”' }).click();
      await page.getByRole('button', { name: 'Delete RAG' }).click();
      await saved(page).waitFor();
      // Through DevTools evaluation: the extension's CSP rightly refuses an inline script tag.
      await page.evaluate(readFileSync(join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
      const { violations } = await page.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    },
  );
});
