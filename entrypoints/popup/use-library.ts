import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Bookmark } from '../../lib/bookmark';
import { database } from '../../lib/db';
import { listBookmarks, listRecentBookmarks, listTopics } from '../../lib/library';
import type { ChangeEvent } from '../../lib/messages';
import { isChangeEvent, request } from '../../lib/messenger';
import type { Paper } from '../../lib/paper';
import type { Topic } from '../../lib/topics/topic';

/** Enough rows for the first screen: shown before the whole library has been read. */
const FIRST_SCREEN = 40;

export interface Removal {
  bookmark: Bookmark;
}

export interface LibraryState {
  /** Saved papers, most recently saved first; undefined until the first screen is read. */
  bookmarks: Bookmark[] | undefined;
  /** False while only the first screen has been read. */
  complete: boolean;
  topics: Topic[];
  /** The last write that failed, in words; its optimistic change has been rolled back. */
  error: string | undefined;
  /** The last removal, which `undo` puts back. */
  lastRemoved: Removal | undefined;
  save(paper: Paper, savedFrom?: string): Promise<void>;
  update(id: string, changes: { tags?: string[]; note?: string; read?: boolean }): Promise<void>;
  remove(id: string): Promise<void>;
  undo(): Promise<void>;
  dismissError(): void;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Puts `saved` in (replacing any with the same id) and takes `removed` out, keeping saved-date order. */
function applyChange(current: Bookmark[], saved: Bookmark[], removed: string[]): Bookmark[] {
  const gone = new Set([...removed, ...saved.map((b) => b.id)]);
  const kept = gone.size ? current.filter((b) => !gone.has(b.id)) : current;
  if (!saved.length) return kept;
  return [...saved, ...kept].sort((a, b) => (a.addedAt < b.addedAt ? 1 : a.addedAt > b.addedAt ? -1 : 0));
}

/**
 * The library as the popup sees it. Reads go straight to IndexedDB (extension pages share the
 * worker's origin): no waking the worker and no cloning 10,000 papers through a message. Writes go
 * through the background, the only writer, and are shown at once, then rolled back with a message
 * if they fail. Changes from tabs arrive as the background's broadcasts.
 */
export function useLibrary(): LibraryState {
  const [bookmarks, setBookmarks] = useState<Bookmark[] | undefined>();
  const [complete, setComplete] = useState(false);
  const [topics, setTopics] = useState<Topic[]>([]);
  const [error, setError] = useState<string | undefined>();
  const [lastRemoved, setLastRemoved] = useState<Removal | undefined>();
  const current = useRef<Bookmark[]>([]);
  current.current = bookmarks ?? [];

  const change = useCallback((saved: Bookmark[], removed: string[]) => {
    setBookmarks((list) => applyChange(list ?? [], saved, removed));
  }, []);

  useEffect(() => {
    let cancelled = false;
    // Events that arrive while the library is being read are replayed on top of what was read.
    const early: ChangeEvent[] = [];
    let loaded = false;
    const onMessage = (message: unknown) => {
      if (!isChangeEvent(message)) return;
      if (message.type === 'changed/topics') setTopics(message.topics);
      else if (message.type !== 'changed/bookmarks') return;
      else if (loaded) change(message.saved, message.removed);
      else early.push(message);
    };
    browser.runtime.onMessage.addListener(onMessage);

    const read = async () => {
      try {
        const db = await database();
        const first = await listRecentBookmarks(db, FIRST_SCREEN);
        if (cancelled) return;
        setBookmarks((list) => list ?? first);
        const [all, storedTopics] = await Promise.all([listBookmarks(db), listTopics(db)]);
        return { all, storedTopics };
      } catch {
        // IndexedDB unreadable from this page (a private window's rules, say): ask the background.
        const [all, storedTopics] = await Promise.all([
          request('bookmarks/list', {}),
          request('topics/list', {}),
        ]);
        return { all, storedTopics };
      }
    };
    read()
      .then((result) => {
        if (cancelled || !result) return;
        let all = result.all;
        for (const event of early)
          if (event.type === 'changed/bookmarks') all = applyChange(all, event.saved, event.removed);
        loaded = true;
        setBookmarks(all);
        setTopics(result.storedTopics);
        setComplete(true);
      })
      .catch((e: unknown) => setError(`Could not read your saved papers: ${describe(e)}`));
    return () => {
      cancelled = true;
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, [change]);

  const save = useCallback(
    async (paper: Paper, savedFrom?: string) => {
      setError(undefined);
      try {
        const saved = await request('bookmarks/save', { paper, topics: [], savedFrom });
        change([saved], []);
      } catch (e) {
        setError(`Not saved: ${describe(e)}`);
      }
    },
    [change],
  );

  const update = useCallback(
    async (id: string, changes: { tags?: string[]; note?: string; read?: boolean }) => {
      const before = current.current.find((b) => b.id === id);
      if (!before) return;
      setError(undefined);
      change([{ ...before, ...changes }], []);
      try {
        change([await request('bookmarks/update', { id, ...changes })], []);
      } catch (e) {
        change([before], []);
        setError(`Not changed: ${describe(e)}`);
      }
    },
    [change],
  );

  const remove = useCallback(
    async (id: string) => {
      const before = current.current.find((b) => b.id === id);
      if (!before) return;
      setError(undefined);
      change([], [id]);
      setLastRemoved({ bookmark: before });
      try {
        await request('bookmarks/remove', { id });
      } catch (e) {
        change([before], []);
        setLastRemoved(undefined);
        setError(`Not removed: ${describe(e)}`);
      }
    },
    [change],
  );

  const undo = useCallback(async () => {
    if (!lastRemoved) return;
    const { bookmark } = lastRemoved;
    setLastRemoved(undefined);
    change([bookmark], []);
    try {
      await request('bookmarks/restore', { bookmark });
    } catch (e) {
      change([], [bookmark.id]);
      setLastRemoved({ bookmark });
      setError(`Could not undo: ${describe(e)}`);
    }
  }, [change, lastRemoved]);

  return {
    bookmarks,
    complete,
    topics,
    error,
    lastRemoved,
    save,
    update,
    remove,
    undo,
    dismissError: () => setError(undefined),
  };
}
