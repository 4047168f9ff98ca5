import browser from 'webextension-polyfill';
import type {
  ChangeEvent,
  Reply,
  RequestMessage,
  RequestOf,
  RequestType,
  ResponseMap,
  SaveFocusedCommand,
} from './messages';

/**
 * The runtime half of the protocol in lib/messages.ts, for content scripts and extension pages.
 * It imports only types from there, so the content script does not carry the schema library.
 */

const ChangeEventTypes = new Set<string>(['changed/bookmarks', 'changed/topics', 'changed/settings']);

export function isChangeEvent(message: unknown): message is ChangeEvent {
  return (
    typeof message === 'object' &&
    message !== null &&
    ChangeEventTypes.has((message as { type?: unknown }).type as string)
  );
}

export function isSaveFocusedCommand(message: unknown): message is SaveFocusedCommand {
  return (message as { type?: unknown } | null)?.type === 'command/save-focused';
}

/**
 * Sends a request to the background; resolves with its data or rejects with its error message.
 * When the worker is stopped while a request is in flight (MV3 stops idle workers at any time),
 * the request is sent once more: every request is safe to repeat (saves and removals are
 * idempotent), and the second send wakes a fresh worker.
 */
export async function request<T extends RequestType>(
  type: T,
  payload: RequestOf<T>,
): Promise<ResponseMap[T]> {
  const message = { type, payload } satisfies RequestMessage<T>;
  let reply: Reply<ResponseMap[T]> | undefined;
  try {
    reply = (await browser.runtime.sendMessage(message)) as Reply<ResponseMap[T]> | undefined;
  } catch {
    reply = undefined;
  }
  reply ??= (await browser.runtime.sendMessage(message)) as Reply<ResponseMap[T]> | undefined;
  if (!reply) throw new Error(`No answer from Paperlight's background to ${type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}
