import browser from 'webextension-polyfill';
import type { Paper } from '../../lib/paper';
import { paperFromLink } from '../../lib/paper-link';

export interface CurrentPaper {
  paper: Paper;
  url: string;
}

/**
 * The paper the user is looking at: the active tab's URL (readable thanks to the host permissions)
 * when it is an arXiv abs/html/pdf or Hugging Face paper page. When this page is itself open as a
 * tab (popup.html pinned, or in tests) the active tab is this page: the tab used last before it is
 * the one meant.
 */
export async function currentPaper(): Promise<CurrentPaper | undefined> {
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  let tab = active;
  if (active?.url?.startsWith(browser.runtime.getURL('/'))) {
    const others = (await browser.tabs.query({ currentWindow: true })).filter((t) => t.id !== active.id);
    tab = others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
  }
  if (!tab?.url) return undefined;
  const paper = paperFromLink(tab.url, tab.title);
  return paper ? { paper, url: tab.url } : undefined;
}
