import browser, { type Storage } from 'webextension-polyfill';
import type { Library } from '../backup';
import {
  changesForLocal,
  decodeSyncState,
  emptySyncState,
  encodeSyncState,
  type LocalChanges,
  localSyncState,
  mergeSyncState,
  pruneTombstones,
  type SyncBase,
  type SyncState,
} from './state';

/**
 * The library in `storage.sync`: one JSON document cut into chunks under the browser's quotas,
 * plus a meta item naming the chunk count and the document's hash. Writes go in one `set` call
 * (one write operation); a reader that finds chunks from two different writes (two devices writing
 * at once) sees the hash mismatch and reports `inconsistent` instead of reading a mix.
 */

/** Chrome's and Firefox's storage.sync limits (identical in both). */
export const SYNC_QUOTA = {
  QUOTA_BYTES: 102_400,
  QUOTA_BYTES_PER_ITEM: 8_192,
  MAX_ITEMS: 512,
  MAX_WRITE_OPERATIONS_PER_HOUR: 1_800,
  MAX_WRITE_OPERATIONS_PER_MINUTE: 120,
} as const;

/**
 * A push is at most two write operations (set, then remove of leftover chunks). One push per 5 s is
 * at most 1,440 operations an hour, under both the per-minute and per-hour limits.
 */
export const MIN_PUSH_INTERVAL_MS = 5_000;
/** Tombstones are kept this long: a device offline for longer may bring a removed paper back. */
export const TOMBSTONE_TTL_MS = 180 * 24 * 60 * 60 * 1000;
/**
 * More local removals than this in one push need `confirmRemovals`: a profile whose library was
 * wiped while its sync base survived looks exactly like the user removing everything.
 */
export const MAX_UNCONFIRMED_REMOVALS = 20;

export const SYNC_META_KEY = 'paperlight-sync';
const CHUNK_PREFIX = 'paperlight-sync-';
/** In storage.local: this device's last synced ids and push time. */
export const SYNC_BASE_KEY = 'paperlight-sync-base';

interface SyncMeta {
  v: 1;
  hash: string;
  chunks: number;
}

interface StoredBase extends SyncBase {
  pushedAt: number;
}

export interface SyncAreas {
  sync: Storage.StorageArea;
  /** Where this device keeps its sync base (never synced). */
  local: Storage.StorageArea;
}

export interface SyncUsage {
  /** Bytes of Paperlight's items, as the browser counts them (key + JSON value). */
  bytes: number;
  items: number;
  quotaBytes: number;
  maxItems: number;
}

export type SyncFailure =
  | { ok: false; reason: 'quota'; error: string; bytesNeeded: number; usage: SyncUsage }
  | { ok: false; reason: 'rate-limited'; error: string; retryAfterMs: number }
  | { ok: false; reason: 'too-many-removals'; error: string; removals: number }
  | { ok: false; reason: 'inconsistent' | 'corrupt' | 'error'; error: string };

export type PullResult = { ok: true; changes: LocalChanges; usage: SyncUsage } | SyncFailure;
export type PushResult =
  | { ok: true; changes: LocalChanges; written: boolean; usage: SyncUsage }
  | SyncFailure;

export interface SyncOptions {
  now?: Date;
  areas?: SyncAreas;
  /** The user confirmed removing more than MAX_UNCONFIRMED_REMOVALS papers everywhere. */
  confirmRemovals?: boolean;
}

function areasOf(options: SyncOptions): SyncAreas {
  return options.areas ?? { sync: browser.storage.sync, local: browser.storage.local };
}

const encoder = new TextEncoder();

/** An item's size as the browsers count it: key length plus its JSON value, in UTF-8 bytes. */
export function itemBytes(key: string, value: unknown): number {
  return encoder.encode(key).length + encoder.encode(JSON.stringify(value)).length;
}

/** FNV-1a over UTF-16 units, in base 36: enough to tell two writes apart, cheap to compute. */
function hashOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${hash.toString(36)}${text.length.toString(36)}`;
}

/** What a code point costs inside a JSON string value, in UTF-8 bytes. */
function jsonCost(codePoint: number): number {
  if (codePoint === 0x22 || codePoint === 0x5c) return 2;
  if (codePoint < 0x20) return 6;
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** Cuts `text` into pieces whose JSON form fits `maxBytes`, never inside a character. */
export function chunkText(text: string, maxBytes: number): string[] {
  const pieces: string[] = [];
  let start = 0;
  let bytes = 2; // the quotes around a JSON string
  let i = 0;
  while (i < text.length) {
    const codePoint = text.codePointAt(i) ?? 0;
    const width = codePoint > 0xffff ? 2 : 1;
    const cost = jsonCost(codePoint);
    if (bytes + cost > maxBytes) {
      pieces.push(text.slice(start, i));
      start = i;
      bytes = 2;
    }
    bytes += cost;
    i += width;
  }
  if (start < text.length || !pieces.length) pieces.push(text.slice(start));
  return pieces;
}

const chunkKey = (index: number) => `${CHUNK_PREFIX}${index}`;
const isOurs = (key: string) =>
  key === SYNC_META_KEY || (key.startsWith(CHUNK_PREFIX) && /^\d+$/.test(key.slice(CHUNK_PREFIX.length)));

function usageOf(items: Record<string, unknown>): SyncUsage {
  const ours = Object.entries(items).filter(([key]) => isOurs(key));
  return {
    bytes: ours.reduce((sum, [key, value]) => sum + itemBytes(key, value), 0),
    items: ours.length,
    quotaBytes: SYNC_QUOTA.QUOTA_BYTES,
    maxItems: SYNC_QUOTA.MAX_ITEMS,
  };
}

type ReadResult = { ok: true; state: SyncState; hash?: string; all: Record<string, unknown> } | SyncFailure;

async function readRemote(sync: Storage.StorageArea): Promise<ReadResult> {
  const all = (await sync.get(null)) as Record<string, unknown>;
  const meta = all[SYNC_META_KEY] as Partial<SyncMeta> | undefined;
  if (meta === undefined) return { ok: true, state: emptySyncState(), all };
  if (meta?.v !== 1 || typeof meta.hash !== 'string' || !Number.isInteger(meta.chunks)) {
    return { ok: false, reason: 'corrupt', error: 'The synced library has an unknown format.' };
  }
  const prefix = `${meta.hash}:`;
  let text = '';
  for (let index = 0; index < (meta.chunks ?? 0); index++) {
    const chunk = all[chunkKey(index)];
    if (typeof chunk !== 'string' || !chunk.startsWith(prefix)) {
      return {
        ok: false,
        reason: 'inconsistent',
        error: 'Another device is writing the synced library; try again.',
      };
    }
    text += chunk.slice(prefix.length);
  }
  if (hashOf(text) !== meta.hash) {
    return {
      ok: false,
      reason: 'inconsistent',
      error: 'Another device is writing the synced library; try again.',
    };
  }
  const state = decodeSyncState(text);
  if (!state) return { ok: false, reason: 'corrupt', error: 'The synced library could not be read.' };
  return { ok: true, state, hash: meta.hash, all };
}

async function readBase(local: Storage.StorageArea): Promise<StoredBase | undefined> {
  const stored = (await local.get(SYNC_BASE_KEY))[SYNC_BASE_KEY] as StoredBase | undefined;
  return stored && Array.isArray(stored.bookmarks) && Array.isArray(stored.topics) ? stored : undefined;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * What this device must change to match the synced library; writes nothing. Removals made here
 * since the last push stay removed in the answer (they are tombstones of the local state).
 */
export async function pullFromSync(library: Library, options: SyncOptions = {}): Promise<PullResult> {
  const areas = areasOf(options);
  const now = (options.now ?? new Date()).getTime();
  try {
    const remote = await readRemote(areas.sync);
    if (!remote.ok) return remote;
    const base = await readBase(areas.local);
    const merged = mergeSyncState(remote.state, localSyncState(library, base, now));
    return { ok: true, changes: changesForLocal(library, merged), usage: usageOf(remote.all) };
  } catch (error) {
    return { ok: false, reason: 'error', error: errorMessage(error) };
  }
}

/**
 * One sync: reads the synced library, merges this device's library into it (removals since the
 * last push become tombstones), writes the result when it changed, and returns what this device
 * must change to match. Nothing is written when the result would break a quota or the write rate.
 */
export async function pushToSync(library: Library, options: SyncOptions = {}): Promise<PushResult> {
  const areas = areasOf(options);
  const now = (options.now ?? new Date()).getTime();
  try {
    const remote = await readRemote(areas.sync);
    if (!remote.ok) return remote;
    const base = await readBase(areas.local);
    const local = localSyncState(library, base, now);
    const removals = [...local.removedBookmarks.keys()].filter((id) => remote.state.bookmarks.has(id)).length;
    if (removals > MAX_UNCONFIRMED_REMOVALS && !options.confirmRemovals) {
      return {
        ok: false,
        reason: 'too-many-removals',
        error: `${removals} papers would be removed on every device; confirm to go ahead.`,
        removals,
      };
    }
    const merged = pruneTombstones(mergeSyncState(remote.state, local), now, TOMBSTONE_TTL_MS);
    const text = encodeSyncState(merged);
    const hash = hashOf(text);
    const changes = changesForLocal(library, merged);
    // What this device holds and the merge keeps: the ids whose later absence means a removal here.
    const nextBase: StoredBase = {
      bookmarks: library.bookmarks.filter((b) => merged.bookmarks.has(b.id)).map((b) => b.id),
      topics: library.topics.filter((t) => merged.topics.has(t.id)).map((t) => t.id),
      pushedAt: base?.pushedAt ?? 0,
    };
    if (hash === remote.hash) {
      await areas.local.set({ [SYNC_BASE_KEY]: nextBase });
      return { ok: true, changes, written: false, usage: usageOf(remote.all) };
    }
    const sinceLastPush = now - (base?.pushedAt ?? Number.NEGATIVE_INFINITY);
    if (sinceLastPush < MIN_PUSH_INTERVAL_MS) {
      const retryAfterMs = MIN_PUSH_INTERVAL_MS - sinceLastPush;
      return {
        ok: false,
        reason: 'rate-limited',
        error: `Sync waits ${retryAfterMs} ms between writes.`,
        retryAfterMs,
      };
    }
    const pieces = chunkText(
      text,
      SYNC_QUOTA.QUOTA_BYTES_PER_ITEM - chunkKey(SYNC_QUOTA.MAX_ITEMS).length - hash.length - 1,
    );
    const items: Record<string, unknown> = {
      [SYNC_META_KEY]: { v: 1, hash, chunks: pieces.length } satisfies SyncMeta,
    };
    pieces.forEach((piece, index) => {
      items[chunkKey(index)] = `${hash}:${piece}`;
    });
    const others = Object.entries(remote.all).filter(([key]) => !isOurs(key));
    const othersBytes = others.reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
    const usage = usageOf(items);
    const bytesNeeded = usage.bytes + othersBytes;
    if (bytesNeeded > SYNC_QUOTA.QUOTA_BYTES || usage.items + others.length > SYNC_QUOTA.MAX_ITEMS) {
      return {
        ok: false,
        reason: 'quota',
        error: `The library needs ${bytesNeeded.toLocaleString('en')} bytes of sync storage; the browser allows ${SYNC_QUOTA.QUOTA_BYTES.toLocaleString('en')}.`,
        bytesNeeded,
        usage: usageOf(remote.all),
      };
    }
    await areas.sync.set(items);
    const leftovers = Object.keys(remote.all).filter((key) => isOurs(key) && !(key in items));
    if (leftovers.length) await areas.sync.remove(leftovers);
    await areas.local.set({ [SYNC_BASE_KEY]: { ...nextBase, pushedAt: now } });
    return { ok: true, changes, written: true, usage };
  } catch (error) {
    return { ok: false, reason: 'error', error: errorMessage(error) };
  }
}
