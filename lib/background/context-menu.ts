import browser from 'webextension-polyfill';
import type { RequestMessage } from '../messages';
import { paperFromLink } from '../paper-link';
import type { Dispatch } from './dispatch';

export const SAVE_PAPER_MENU_ID = 'paperlight-save-paper';

/** Links the menu entry appears on: arXiv abstract, PDF and HTML pages, and HF paper pages. */
export const PAPER_LINK_PATTERNS = [
  ...['arxiv.org', 'www.arxiv.org'].flatMap((host) =>
    ['abs', 'pdf', 'html'].map((kind) => `*://${host}/${kind}/*`),
  ),
  '*://huggingface.co/papers/*',
];

/**
 * Creates the "Save paper" link menu. Called on install/update and on browser start (Firefox does
 * not keep menus across restarts); removing first keeps a second call from failing on the same id.
 */
export async function createContextMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: SAVE_PAPER_MENU_ID,
    title: 'Save paper',
    contexts: ['link'],
    targetUrlPatterns: PAPER_LINK_PATTERNS,
  });
}

/** The parts of a menu click we read (Chrome gives `selectionText`, Firefox also `linkText`). */
export interface LinkClick {
  menuItemId: string | number;
  linkUrl?: string;
  linkText?: string;
  selectionText?: string;
  pageUrl?: string;
}

/**
 * Saves the paper a clicked link points to, with the link's text as its title (the id when the
 * text says nothing), through the same request a card's toggle sends. Returns the reply, or
 * undefined when the click was not ours or the link names no paper.
 */
export async function saveClickedLink(click: LinkClick, send: Dispatch) {
  if (click.menuItemId !== SAVE_PAPER_MENU_ID || !click.linkUrl) return undefined;
  const paper = paperFromLink(click.linkUrl, click.linkText ?? click.selectionText);
  if (!paper) return undefined;
  const message: RequestMessage<'bookmarks/save'> = {
    type: 'bookmarks/save',
    payload: { paper, topics: [], savedFrom: click.pageUrl },
  };
  const reply = await send(message);
  if (!reply.ok) console.warn('Paperlight: saving the linked paper failed', reply.error);
  return reply;
}

export function registerContextMenu(send: Dispatch): void {
  const create = () => createContextMenu().catch((error: unknown) => console.warn('Paperlight: menu', error));
  browser.runtime.onInstalled.addListener(create);
  browser.runtime.onStartup.addListener(create);
  browser.contextMenus.onClicked.addListener((info) => void saveClickedLink(info, send));
}
