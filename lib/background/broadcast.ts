import browser from 'webextension-polyfill';
import { CONTENT_SCRIPT_MATCHES } from '../hosts';
import type { ChangeEvent } from '../messages';

/**
 * Sends a committed change to every open tab of a supported site and to the extension's own pages.
 * Fire and forget: a tab without our content script, or no popup open, is not an error.
 */
export function broadcast(event: ChangeEvent): void {
  void browser.tabs
    .query({ url: CONTENT_SCRIPT_MATCHES })
    .then((tabs) => {
      for (const tab of tabs) {
        if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, event).catch(() => undefined);
      }
    })
    .catch(() => undefined);
  browser.runtime.sendMessage(event).catch(() => undefined);
}
