import browser from 'webextension-polyfill';

/** MV3 has `action`; Firefox's MV2 build has `browserAction`: the same calls. */
function toolbarButton(): typeof browser.action | undefined {
  return browser.action ?? browser.browserAction;
}

/**
 * Shows on the toolbar button how many papers on that tab match the user's topics. Per tab, so
 * switching tabs shows each page's own count; the browser clears it when the tab navigates.
 */
export function showMatchCount(tabId: number, count: number): void {
  const button = toolbarButton();
  if (!button) return;
  void button.setBadgeText({ tabId, text: count > 0 ? String(count) : '' }).catch(() => undefined);
  void button.setBadgeBackgroundColor({ tabId, color: '#b45309' }).catch(() => undefined);
}
