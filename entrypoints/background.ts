import browser from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { broadcast } from '../lib/background/broadcast';
import { handleMessage } from '../lib/background/handlers';
import { database } from '../lib/db';

export default defineBackground(() => {
  // Answer through sendResponse and return true: Chrome, Firefox and WXT's fake browser all accept
  // that shape (a returned Promise is lost in the fake browser).
  browser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    database()
      .then((db) => handleMessage(message, { db, broadcast }))
      .catch((error: unknown) => ({ ok: false, error: `Storage unavailable: ${String(error)}` }))
      .then(sendResponse);
    return true;
  });
});
