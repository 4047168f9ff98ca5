import { database } from '../db';
import type { Reply } from '../messages';
import { showMatchCount } from './badge';
import { broadcast } from './broadcast';
import { handleMessage } from './handlers';

/** Sends a request to the background's own handlers, as if a page had sent it. */
export type Dispatch = (message: unknown, from?: { tabId?: number }) => Promise<Reply<unknown>>;

/**
 * Runs one request against the library: the message listener, the context menu and the keyboard
 * shortcut all go through here, so every save is validated, committed and broadcast the same way.
 */
export const dispatch: Dispatch = (message, from) =>
  database()
    .then((db) => handleMessage(message, { db, broadcast, tabId: from?.tabId, showMatchCount }))
    .catch((error: unknown) => ({ ok: false, error: `Storage unavailable: ${String(error)}` }));
