import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import browser from 'webextension-polyfill';
import type { Library } from '../../lib/backup';
import { type Bookmark, BookmarkSchema } from '../../lib/bookmark';
import {
  chunkText,
  itemBytes,
  MIN_PUSH_INTERVAL_MS,
  type PushResult,
  pullFromSync,
  pushToSync,
  SYNC_META_KEY,
  SYNC_QUOTA,
  type SyncAreas,
} from '../../lib/sync/storage';
import { type Topic, TopicSchema } from '../../lib/topics/topic';

const T0 = Date.parse('2026-11-28T12:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

/**
 * A simulated browser profile: its own library and local storage, sharing WXT's fake
 * `storage.sync` with the other device (device B keeps its base in the fake `storage.session`).
 */
class Device {
  library: Library = { topics: [], bookmarks: [] };
  constructor(readonly areas: SyncAreas) {}

  save(id: string, fields: Partial<Bookmark> = {}, time = at(0)): void {
    const bookmark = BookmarkSchema.parse({
      id,
      title: `Paper ${id}`,
      addedAt: time.toISOString(),
      ...fields,
    });
    this.library.bookmarks = [...this.library.bookmarks.filter((b) => b.id !== id), bookmark];
  }

  edit(id: string, fields: Partial<Bookmark>, time: Date): void {
    this.library.bookmarks = this.library.bookmarks.map((b) =>
      b.id === id ? { ...b, ...fields, updatedAt: time.toISOString() } : b,
    );
  }

  remove(id: string): void {
    this.library.bookmarks = this.library.bookmarks.filter((b) => b.id !== id);
  }

  get(id: string): Bookmark | undefined {
    return this.library.bookmarks.find((b) => b.id === id);
  }

  /** What the background does: push, then apply the changes it returns. */
  async sync(now: Date, confirmRemovals = false): Promise<PushResult> {
    const result = await pushToSync(this.library, { now, areas: this.areas, confirmRemovals });
    if (result.ok) {
      const { changes } = result;
      const put = new Map(changes.bookmarks.map((b) => [b.id, b]));
      this.library.bookmarks = [
        ...this.library.bookmarks.filter((b) => !put.has(b.id) && !changes.removedBookmarkIds.includes(b.id)),
        ...put.values(),
      ];
      const topics = new Map(changes.topics.map((t) => [t.id, t]));
      this.library.topics = [
        ...this.library.topics.filter((t) => !topics.has(t.id) && !changes.removedTopicIds.includes(t.id)),
        ...topics.values(),
      ];
    }
    return result;
  }
}

function devices(): [Device, Device] {
  return [
    new Device({ sync: browser.storage.sync, local: browser.storage.local }),
    new Device({ sync: browser.storage.sync, local: browser.storage.session }),
  ];
}

async function expectOk(result: Promise<PushResult>): Promise<Extract<PushResult, { ok: true }>> {
  const settled = await result;
  if (!settled.ok) throw new Error(`${settled.reason}: ${settled.error}`);
  return settled;
}

describe('sync between two devices', () => {
  test('papers saved on one device arrive on the other with tags, note, read state and dates', async () => {
    const [a, b] = devices();
    a.save('arxiv:2509.02560', { tags: ['3d'], note: 'good', read: true, abstract: 'not synced' });
    await expectOk(a.sync(at(1)));
    const result = await expectOk(b.sync(at(2)));
    expect(result.changes.bookmarks).toHaveLength(1);
    expect(b.get('arxiv:2509.02560')).toEqual({
      id: 'arxiv:2509.02560',
      title: 'Paper arxiv:2509.02560',
      authors: [],
      url: 'https://arxiv.org/abs/2509.02560',
      source: 'sync',
      addedAt: at(0).toISOString(),
      tags: ['3d'],
      note: 'good',
      topics: [],
      read: true,
    });
  });

  test('edits on both devices merge; on the same paper the later edit wins', async () => {
    const [a, b] = devices();
    a.save('arxiv:1');
    a.save('arxiv:2');
    await expectOk(a.sync(at(1)));
    await expectOk(b.sync(at(1)));
    a.edit('arxiv:1', { tags: ['from-a'] }, at(2));
    b.edit('arxiv:2', { note: 'from b' }, at(3));
    a.edit('arxiv:2', { note: 'older edit on a' }, at(2));
    await expectOk(a.sync(at(4)));
    await expectOk(b.sync(at(5)));
    await expectOk(a.sync(at(6)));
    for (const device of [a, b]) {
      expect(device.get('arxiv:1')?.tags).toEqual(['from-a']);
      expect(device.get('arxiv:2')?.note).toBe('from b');
    }
  });

  test('metadata stays local: an edit from sync keeps the abstract and authors', async () => {
    const [a, b] = devices();
    a.save('arxiv:1', { abstract: 'An abstract', authors: ['A. Author'] });
    await expectOk(a.sync(at(1)));
    await expectOk(b.sync(at(2)));
    b.edit('arxiv:1', { read: true }, at(3));
    await expectOk(b.sync(at(4)));
    await expectOk(a.sync(at(5)));
    expect(a.get('arxiv:1')).toMatchObject({ read: true, abstract: 'An abstract', authors: ['A. Author'] });
  });

  test('a removal sticks: the other device removes it too and does not bring it back', async () => {
    const [a, b] = devices();
    a.save('arxiv:1');
    a.save('arxiv:2');
    await expectOk(a.sync(at(1)));
    await expectOk(b.sync(at(1)));
    a.remove('arxiv:1');
    await expectOk(a.sync(at(2)));
    const onB = await expectOk(b.sync(at(3)));
    expect(onB.changes.removedBookmarkIds).toEqual(['arxiv:1']);
    expect(b.get('arxiv:1')).toBeUndefined();
    await expectOk(a.sync(at(4)));
    expect(a.get('arxiv:1')).toBeUndefined();
    expect(a.library.bookmarks.map((x) => x.id)).toEqual(['arxiv:2']);
  });

  test('a removal wins over an older edit elsewhere; saving again later brings the paper back', async () => {
    const [a, b] = devices();
    a.save('arxiv:1');
    await expectOk(a.sync(at(1)));
    await expectOk(b.sync(at(1)));
    b.edit('arxiv:1', { tags: ['edited before the removal'] }, at(2));
    a.remove('arxiv:1');
    await expectOk(a.sync(at(3)));
    await expectOk(b.sync(at(4)));
    expect(b.get('arxiv:1')).toBeUndefined();
    b.save('arxiv:1', { tags: ['again'] }, at(10));
    await expectOk(b.sync(at(11)));
    await expectOk(a.sync(at(12)));
    expect(a.get('arxiv:1')?.tags).toEqual(['again']);
  });

  test('topics sync too: edits by updatedAt, removals with tombstones', async () => {
    const [a, b] = devices();
    const topic = (fields: Partial<Topic> & { id: string }): Topic =>
      TopicSchema.parse({ label: fields.id, terms: [], updatedAt: at(0).toISOString(), ...fields });
    a.library.topics = [topic({ id: 'kv' }), topic({ id: 'diffusion' })];
    await expectOk(a.sync(at(1)));
    await expectOk(b.sync(at(1)));
    b.library.topics = b.library.topics.map((t) =>
      t.id === 'kv' ? { ...t, terms: ['KV cache'], updatedAt: at(2).toISOString() } : t,
    );
    a.library.topics = a.library.topics.filter((t) => t.id !== 'diffusion');
    await expectOk(a.sync(at(3)));
    await expectOk(b.sync(at(4)));
    await expectOk(a.sync(at(5)));
    for (const device of [a, b]) {
      expect(device.library.topics.map((t) => [t.id, t.terms])).toEqual([['kv', ['KV cache']]]);
    }
  });

  test('pull reports remote changes and writes nothing', async () => {
    const [a, b] = devices();
    a.save('arxiv:1');
    await expectOk(a.sync(at(1)));
    const before = await browser.storage.sync.get(null);
    const pulled = await pullFromSync(b.library, { now: at(2), areas: b.areas });
    expect(pulled).toMatchObject({ ok: true, changes: { bookmarks: [{ id: 'arxiv:1' }] } });
    expect(await browser.storage.sync.get(null)).toEqual(before);
  });
});

describe('quotas and safety', () => {
  test('chunks never split a character and each fits the per-item quota as JSON', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 3000 }),
        fc.integer({ min: 8, max: 200 }),
        (text, max) => {
          const pieces = chunkText(text, max);
          expect(pieces.join('')).toBe(text);
          for (const piece of pieces) {
            expect(new TextEncoder().encode(JSON.stringify(piece)).length).toBeLessThanOrEqual(max);
            expect(piece).not.toMatch(/^[\uDC00-\uDFFF]/);
          }
        },
      ),
    );
  });

  test('a large library is written within every quota and reads back whole', async () => {
    const [a, b] = devices();
    for (let i = 0; i < 400; i++) {
      a.save(`arxiv:2501.${String(i).padStart(5, '0')}`, {
        title: `Paper ${i} "quoted" \\ 🙂 Ångström ${'x'.repeat(60)}`,
        tags: ['tag'],
      });
    }
    const result = await expectOk(a.sync(at(1)));
    const stored = await browser.storage.sync.get(null);
    const sizes = Object.entries(stored).map(([key, value]) => itemBytes(key, value));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(SYNC_QUOTA.QUOTA_BYTES_PER_ITEM);
    expect(sizes.reduce((x, y) => x + y, 0)).toBeLessThanOrEqual(SYNC_QUOTA.QUOTA_BYTES);
    expect(sizes.length).toBeGreaterThan(2);
    expect(result.usage.bytes).toBe(sizes.reduce((x, y) => x + y, 0));
    await expectOk(b.sync(at(2)));
    expect(b.library.bookmarks).toHaveLength(400);
  });

  test('over the quota: a clear error and nothing written', async () => {
    const [a] = devices();
    a.save('arxiv:1');
    await expectOk(a.sync(at(1)));
    const before = await browser.storage.sync.get(null);
    for (let i = 0; i < 800; i++)
      a.save(`arxiv:2502.${String(i).padStart(5, '0')}`, { note: 'n'.repeat(150) });
    const result = await a.sync(at(2));
    expect(result).toMatchObject({ ok: false, reason: 'quota' });
    if (!result.ok && result.reason === 'quota') {
      expect(result.bytesNeeded).toBeGreaterThan(SYNC_QUOTA.QUOTA_BYTES);
      expect(result.error).toMatch(
        /^The library needs [\d,]+ bytes of sync storage; the browser allows 102,400\.$/,
      );
    }
    expect(await browser.storage.sync.get(null)).toEqual(before);
  });

  test('other extensions data in the quota counts too', async () => {
    const [a] = devices();
    await browser.storage.sync.set({ settings: 'x'.repeat(8000) });
    for (let i = 0; i < 12; i++) await browser.storage.sync.set({ [`other${i}`]: 'y'.repeat(8000) });
    for (let i = 0; i < 60; i++)
      a.save(`arxiv:2503.${String(i).padStart(5, '0')}`, { note: 'n'.repeat(100) });
    expect(await a.sync(at(1))).toMatchObject({ ok: false, reason: 'quota' });
  });

  test('writes are spaced by the rate limit; an unchanged library writes nothing', async () => {
    const [a] = devices();
    a.save('arxiv:1');
    await expectOk(a.sync(at(0)));
    expect(await expectOk(a.sync(new Date(at(0).getTime() + 1000)))).toMatchObject({ written: false });
    a.save('arxiv:2');
    const early = await a.sync(new Date(at(0).getTime() + 1000));
    expect(early).toMatchObject({
      ok: false,
      reason: 'rate-limited',
      retryAfterMs: MIN_PUSH_INTERVAL_MS - 1000,
    });
    expect(await expectOk(a.sync(new Date(at(0).getTime() + MIN_PUSH_INTERVAL_MS)))).toMatchObject({
      written: true,
    });
  });

  test('chunks from two different writes are refused as inconsistent, not read as a mix', async () => {
    const [a, b] = devices();
    for (let i = 0; i < 200; i++)
      a.save(`arxiv:2504.${String(i).padStart(5, '0')}`, { note: 'n'.repeat(60) });
    await expectOk(a.sync(at(1)));
    await browser.storage.sync.set({ 'paperlight-sync-1': 'otherhash:{"v":1}' });
    expect(await b.sync(at(2))).toMatchObject({ ok: false, reason: 'inconsistent' });
    expect(b.library.bookmarks).toEqual([]);
  });

  test('a wiped library removes nothing without confirmation; nor do many removals', async () => {
    const [a, b] = devices();
    for (let i = 0; i < 30; i++) a.save(`arxiv:2505.${String(i).padStart(5, '0')}`);
    await expectOk(a.sync(at(1)));
    await expectOk(b.sync(at(1)));
    const kept = a.library.bookmarks;
    a.library.bookmarks = [];
    expect(await a.sync(at(2))).toMatchObject({ ok: false, reason: 'too-many-removals', removals: 30 });
    a.library.bookmarks = kept.slice(0, 5);
    expect(await a.sync(at(3))).toMatchObject({ ok: false, reason: 'too-many-removals', removals: 25 });
    await expectOk(a.sync(at(4), true));
    await expectOk(b.sync(at(5)));
    expect(b.library.bookmarks).toHaveLength(5);
  });

  test('the meta item names the chunks', async () => {
    const [a] = devices();
    a.save('arxiv:1');
    await expectOk(a.sync(at(1)));
    const stored = await browser.storage.sync.get(null);
    expect(stored[SYNC_META_KEY]).toMatchObject({ v: 1, chunks: 1 });
  });
});
