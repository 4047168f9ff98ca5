import browser from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { broadcast } from '../lib/background/broadcast';
import { registerCommands } from '../lib/background/commands';
import { registerContextMenu } from '../lib/background/context-menu';
import { dispatch } from '../lib/background/dispatch';
import { registerSync } from '../lib/background/sync';
import { database } from '../lib/db';

export default defineBackground(() => {
  // Answer through sendResponse and return true: Chrome, Firefox and WXT's fake browser all accept
  // that shape (a returned Promise is lost in the fake browser).
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const fromContentScript = !sender.url?.startsWith(browser.runtime.getURL('/'));
    void dispatch(message, { tabId: sender.tab?.id, fromContentScript }).then(sendResponse);
    return true;
  });
  registerContextMenu(dispatch);
  registerCommands(dispatch);
  registerSync(database, broadcast);
});
