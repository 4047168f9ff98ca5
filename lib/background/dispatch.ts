import { database } from '../db';
import type { Reply } from '../messages';
import { broadcast } from './broadcast';
import { handleMessage } from './handlers';

/** Sends a request to the background's own handlers, as if a page had sent it. */
export type Dispatch = (message: unknown) => Promise<Reply<unknown>>;

/**
 * Runs one request against the library: the message listener, the context menu and the keyboard
 * shortcut all go through here, so every save is validated, committed and broadcast the same way.
 */
export const dispatch: Dispatch = (message) =>
  database()
    .then((db) => handleMessage(message, { db, broadcast }))
    .catch((error: unknown) => ({ ok: false, error: `Storage unavailable: ${String(error)}` }));
