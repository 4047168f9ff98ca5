import { type Database, database } from '../db';
import type { Reply } from '../messages';
import { takeDailySnapshot } from '../snapshots';
import { showMatchCount } from './badge';
import { broadcast } from './broadcast';
import { type HandlerContext, handleMessage } from './handlers';
import { readSyncStatus, runSync, scheduleSync } from './sync';

/** Sends a request to the background's own handlers, as if a page had sent it. */
export type Dispatch = (
  message: unknown,
  from?: { tabId?: number; fromContentScript?: boolean },
) => Promise<Reply<unknown>>;

/** What the running extension wires into every request. */
function contextFor(db: Database, from: Parameters<Dispatch>[1]): HandlerContext {
  return {
    db,
    broadcast,
    tabId: from?.tabId,
    fromContentScript: from?.fromContentScript,
    showMatchCount,
    afterWrite() {
      // After the reply's write has committed; neither ever fails the request.
      takeDailySnapshot(db).catch((error: unknown) =>
        console.warn('Paperlight: daily snapshot failed', error),
      );
      scheduleSync();
    },
    syncNow: ({ confirmRemovals }) => runSync({ db, broadcast }, { confirmRemovals, waitForWriteSlot: true }),
    readSyncStatus: () => readSyncStatus(),
  };
}

/**
 * Runs one request against the library: the message listener, the context menu and the keyboard
 * shortcut all go through here, so every save is validated, committed and broadcast the same way.
 */
export const dispatch: Dispatch = (message, from) =>
  database()
    .then((db) => handleMessage(message, contextFor(db, from)))
    .catch((error: unknown) => ({ ok: false, error: `Storage unavailable: ${String(error)}` }));
