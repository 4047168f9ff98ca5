import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type HandlerContext, handleMessage } from '../lib/background/handlers';
import type { Bookmark } from '../lib/bookmark';
import { type Database, openDatabase } from '../lib/db';
import { listBookmarks, listTopics } from '../lib/library';
import { type ChangeEvent, RequestSchemas, type RequestType } from '../lib/messages';

const PAPER = { id: 'arxiv:2609.24517', title: 'KV-Shrink', authors: ['Mei Tanaka'], source: 'huggingface' };

let db: Database;
let events: ChangeEvent[];
let ctx: HandlerContext;

beforeEach(async () => {
  // Refusals are logged by design; keep the test output to what failed.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  db = await openDatabase(`messages-test-${Math.random()}`);
  events = [];
  ctx = { db, broadcast: (event) => events.push(event) };
  // One saved paper and one topic, so "unchanged" is checked against a non-empty store.
  const seeded = await handleMessage({ type: 'bookmarks/save', payload: { paper: PAPER } }, ctx);
  expect(seeded.ok).toBe(true);
  const topics = [{ id: 'kv', label: 'KV cache', terms: ['KV cache'] }];
  expect((await handleMessage({ type: 'topics/replace', payload: { topics } }, ctx)).ok).toBe(true);
  events = [];
});

async function snapshot() {
  return { bookmarks: await listBookmarks(db), topics: await listTopics(db) };
}

/** Payloads each request type must refuse: wrong types, missing fields, oversized or hostile values. */
const garbage: { [T in RequestType]: unknown[] } = {
  'bookmarks/list': ['x', 42, [1]],
  'bookmarks/status': [{}, { ids: 'arxiv:1' }, { ids: [1, 2] }, { ids: Array(20_001).fill('a') }],
  'bookmarks/save': [
    {},
    { paper: { ...PAPER, id: '' } },
    { paper: { ...PAPER, title: 7 } },
    { paper: { id: 'arxiv:1', title: 'No source' } },
    { paper: PAPER, topics: 'kv' },
    { paper: { ...PAPER, extras: { nested: { deep: true } } } },
  ],
  'bookmarks/update': [
    {},
    { id: PAPER.id, read: 'yes' },
    { id: PAPER.id, tags: 'a,b' },
    { id: PAPER.id, tags: [''] },
    { id: PAPER.id, note: 'x'.repeat(10_001) },
    { id: PAPER.id, title: 'Rewriting the title is not an update' },
    { id: 'arxiv:9999.99999', read: true },
  ],
  'bookmarks/remove': [{}, { id: 5 }, null],
  'bookmarks/restore': [
    {},
    { bookmark: { id: 'arxiv:1' } },
    { bookmark: { ...PAPER, authors: 'one' } },
    { bookmark: { ...PAPER, tags: [1] } },
  ],
  'topics/list': ['x', 0],
  'topics/replace': [
    {},
    { topics: [{ id: 'x' }] },
    { topics: [{ id: 'x', label: 'X', terms: [], color: 'red' }] },
  ],
  'library/import': [{}, { text: 5 }, { text: 'not json' }, { text: '{"format":"other","version":1}' }],
  'library/export': ['x'],
  'page/matches': [{}, { count: -1 }, { count: 1.5 }, { count: '3' }],
  'seen/visit': [{}, { listing: '', ids: [] }, { listing: 'arxiv.org/list/cs.CL/new', ids: 'arxiv:1' }],
  'settings/get': ['x'],
  'settings/update': [{ dimSeen: 'yes' }, { colour: 'red' }, 'x'],
  'snapshots/list': [7],
  'snapshots/restore': [{}, { createdAt: '' }, { createdAt: '2026-01-01T00:00:00.000Z' }],
  'sync/status': [3],
  'sync/run': [{ confirmRemovals: 'yes' }, 'now'],
};

describe('handleMessage refuses garbage', () => {
  it('covers every request type', () => {
    expect(Object.keys(garbage).sort()).toEqual(Object.keys(RequestSchemas).sort());
  });

  for (const [type, payloads] of Object.entries(garbage)) {
    it(`${type}: an error reply for each bad payload, and the store is unchanged`, async () => {
      const before = await snapshot();
      for (const payload of payloads) {
        const reply = await handleMessage({ type, payload }, ctx);
        expect(reply, JSON.stringify(payload)?.slice(0, 80)).toMatchObject({ ok: false });
        expect(reply.ok ? '' : reply.error).not.toBe('');
      }
      expect(await snapshot()).toEqual(before);
      expect(events).toEqual([]);
    });
  }

  it('refuses an unknown type, a message without a type, and non-objects', async () => {
    const before = await snapshot();
    for (const message of [
      { type: 'bookmarks/drop-all', payload: {} },
      { payload: {} },
      'bookmarks/list',
      null,
      3,
    ]) {
      expect(await handleMessage(message, ctx)).toMatchObject({ ok: false });
    }
    expect(await handleMessage({ type: '__proto__' }, ctx)).toMatchObject({ ok: false, error: /Unknown/ });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a missing payload where fields are required, and accepts it where none are', async () => {
    for (const type of [
      'bookmarks/save',
      'bookmarks/update',
      'bookmarks/remove',
      'bookmarks/status',
    ] as const) {
      expect(await handleMessage({ type }, ctx)).toMatchObject({ ok: false, error: new RegExp(type) });
    }
    expect(await handleMessage({ type: 'bookmarks/list' }, ctx)).toMatchObject({
      ok: true,
      data: [{ id: PAPER.id }],
    });
  });
});

describe('bookmark requests', () => {
  it('update changes tags, note and read state, and broadcasts the new bookmark', async () => {
    const reply = await handleMessage(
      {
        type: 'bookmarks/update',
        payload: { id: PAPER.id, tags: ['kv', 'kv', 'llm'], note: 'Read §3', read: true },
      },
      ctx,
    );
    expect(reply).toMatchObject({ ok: true, data: { tags: ['kv', 'llm'], note: 'Read §3', read: true } });
    const [stored] = await listBookmarks(db);
    expect(stored).toMatchObject({ tags: ['kv', 'llm'], note: 'Read §3', read: true });
    expect(stored?.updatedAt).toEqual(expect.any(String));
    expect(events).toEqual([{ type: 'changed/bookmarks', saved: [stored], removed: [] }]);
  });

  it('remove then restore puts the paper back as it was (edited now), each step broadcast', async () => {
    await handleMessage({ type: 'bookmarks/update', payload: { id: PAPER.id, tags: ['keep'] } }, ctx);
    const [before] = await listBookmarks(db);
    const removed = await handleMessage({ type: 'bookmarks/remove', payload: { id: PAPER.id } }, ctx);
    expect(removed).toEqual({ ok: true, data: before });
    expect(await listBookmarks(db)).toEqual([]);
    const restored = await handleMessage(
      { type: 'bookmarks/restore', payload: { bookmark: (removed as { data: Bookmark }).data } },
      ctx,
    );
    expect(restored.ok).toBe(true);
    const [after] = await listBookmarks(db);
    // Everything as it was; the restore is its last edit, so a sync since the removal cannot undo it.
    expect({ ...after, updatedAt: before?.updatedAt }).toEqual(before);
    expect(Date.parse(after?.updatedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(before?.updatedAt ?? ''));
    expect(events.map((e) => e.type === 'changed/bookmarks' && [e.saved.length, e.removed])).toEqual([
      [1, []],
      [0, [PAPER.id]],
      [1, []],
    ]);
  });
});

describe('requests from a content script', () => {
  it('may read and toggle the papers on its page, but not replace, import, restore or reconfigure', async () => {
    const page = { ...ctx, fromContentScript: true };
    const before = await snapshot();
    const refused = [
      { type: 'topics/replace', payload: { topics: [] } },
      {
        type: 'library/import',
        payload: { text: '{"format":"paperlight-backup","version":1,"topics":[],"bookmarks":[]}' },
      },
      { type: 'settings/update', payload: { sync: false } },
      {
        type: 'bookmarks/restore',
        payload: { bookmark: { ...PAPER, addedAt: 'x', tags: [], note: '', topics: [], read: false } },
      },
      { type: 'sync/run', payload: {} },
      { type: 'library/export', payload: {} },
    ];
    for (const message of refused) {
      expect(await handleMessage(message, page)).toEqual({
        ok: false,
        error: `${message.type} is not accepted from a web page`,
      });
    }
    expect(await snapshot()).toEqual(before);
    expect(await handleMessage({ type: 'bookmarks/save', payload: { paper: PAPER } }, page)).toMatchObject({
      ok: true,
    });
    expect(await handleMessage({ type: 'bookmarks/status', payload: { ids: [PAPER.id] } }, page)).toEqual({
      ok: true,
      data: [PAPER.id],
    });
  });
});
