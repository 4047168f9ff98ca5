import { describe, expect, it } from 'vitest';
import type { Storage } from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '../../lib/background/handlers';
import { runSync, type SyncRunOptions } from '../../lib/background/sync';
import { openDatabase } from '../../lib/db';
import { listBookmarks, removeBookmark, saveBookmark, updateBookmark } from '../../lib/library';
import type { ChangeEvent } from '../../lib/messages';
import { updateSettings } from '../../lib/settings-store';

const MINUTE = 60_000;
const T0 = new Date('2026-11-28T10:00:00.000Z');

/** One simulated device: its own database and its own local area, sharing the sync area. */
async function device(local: Storage.StorageArea) {
  const db = await openDatabase(`sync-${Math.random()}`);
  const events: ChangeEvent[] = [];
  const areas = { sync: fakeBrowser.storage.sync as unknown as Storage.StorageArea, local };
  return {
    db,
    events,
    sync: (minutes: number, options: SyncRunOptions = {}) =>
      runSync(
        { db, broadcast: (e) => events.push(e), areas, now: new Date(T0.getTime() + minutes * MINUTE) },
        options,
      ),
    /** A sync on the real clock, as the alarm or the options page runs it. */
    syncNow: (options: SyncRunOptions = {}) =>
      runSync({ db, broadcast: (e) => events.push(e), areas }, options),
  };
}

function paper(n: number) {
  return {
    id: `arxiv:2611.${10000 + n}`,
    title: `Paper ${n}`,
    authors: ['A'],
    abstract: 'Local only.',
    source: 'arxiv',
  };
}

describe('runSync between two devices', () => {
  it('carries saves, edits and removals from one device to the other, and tells open pages', async () => {
    const a = await device(fakeBrowser.storage.local as unknown as Storage.StorageArea);
    const b = await device(fakeBrowser.storage.session as unknown as Storage.StorageArea);
    for (const n of [1, 2, 3]) await saveBookmark(a.db, { paper: paper(n), topics: [] }, T0);

    expect(await a.sync(0)).toMatchObject({ state: 'synced' });
    expect(await b.sync(1)).toMatchObject({ state: 'synced' });
    const onB = await listBookmarks(b.db);
    expect(onB.map((bookmark) => bookmark.title).sort()).toEqual(['Paper 1', 'Paper 2', 'Paper 3']);
    // Abstracts do not travel; the local copy keeps its own.
    expect(onB.every((bookmark) => bookmark.abstract === undefined)).toBe(true);
    expect(b.events.some((e) => e.type === 'changed/bookmarks' && e.saved.length === 3)).toBe(true);

    await updateBookmark(
      b.db,
      'arxiv:2611.10002',
      { tags: ['to-read'] },
      new Date(T0.getTime() + 2 * MINUTE),
    );
    await removeBookmark(b.db, 'arxiv:2611.10003');
    expect(await b.sync(3)).toMatchObject({ state: 'synced' });
    expect(await a.sync(4)).toMatchObject({ state: 'synced' });
    const onA = await listBookmarks(a.db);
    expect(onA.map((bookmark) => bookmark.id).sort()).toEqual(['arxiv:2611.10001', 'arxiv:2611.10002']);
    expect(onA.find((bookmark) => bookmark.id === 'arxiv:2611.10002')?.tags).toEqual(['to-read']);
    expect(onA.find((bookmark) => bookmark.id === 'arxiv:2611.10001')?.abstract).toBe('Local only.');

    // The removal sticks: A syncing again does not bring the paper back to B.
    expect(await a.sync(10)).toMatchObject({ state: 'synced' });
    expect(await b.sync(11)).toMatchObject({ state: 'synced' });
    expect((await listBookmarks(b.db)).map((bookmark) => bookmark.id).sort()).toEqual([
      'arxiv:2611.10001',
      'arxiv:2611.10002',
    ]);
  });

  it('does nothing when the user turned sync off', async () => {
    const a = await device(fakeBrowser.storage.local as unknown as Storage.StorageArea);
    await saveBookmark(a.db, { paper: paper(1), topics: [] });
    await updateSettings(a.db, { sync: false });
    expect(await a.sync(0)).toMatchObject({ state: 'off' });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });
});

describe('a sync the user asked for', () => {
  it('waits out the pause between writes instead of deferring', async () => {
    const a = await device(fakeBrowser.storage.local as unknown as Storage.StorageArea);
    await saveBookmark(a.db, { paper: paper(1), topics: [] }, T0);
    expect(await a.sync(0)).toMatchObject({ state: 'synced' });
    await saveBookmark(a.db, { paper: paper(2), topics: [] }, T0);
    // One second after the last write: four seconds short of the next write slot.
    expect(await a.sync(1 / 60, { waitForWriteSlot: true })).toMatchObject({ state: 'synced' });
  });
});

describe('a paper removed, synced, then restored with Undo', () => {
  it('stays restored after the next sync', async () => {
    const a = await device(fakeBrowser.storage.local as unknown as Storage.StorageArea);
    const events: ChangeEvent[] = [];
    const ctx = { db: a.db, broadcast: (e: ChangeEvent) => events.push(e) };
    await saveBookmark(a.db, { paper: paper(1), topics: [] }, T0);
    expect(await a.sync(0)).toMatchObject({ state: 'synced' });
    const removed = await handleMessage({ type: 'bookmarks/remove', payload: { id: paper(1).id } }, ctx);
    // The removal reaches sync storage (a tombstone) before the user changes their mind.
    expect(await a.syncNow()).toMatchObject({ state: 'synced' });
    // The user changes their mind a moment later (a tombstone and an edit in the same millisecond
    // are a tie, which the removal wins).
    await new Promise((resolve) => setTimeout(resolve, 5));
    const restored = await handleMessage(
      { type: 'bookmarks/restore', payload: { bookmark: (removed as { data: unknown }).data } },
      ctx,
    );
    expect(restored).toMatchObject({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 5_100));
    expect(await a.syncNow()).toMatchObject({ state: 'synced' });
    expect((await listBookmarks(a.db)).map((bookmark) => bookmark.id)).toEqual([paper(1).id]);
  }, 15_000);
});
