import browser from 'webextension-polyfill';
import type { RequestMessage, SaveFocusedCommand, SaveFocusedReply } from '../messages';
import { paperFromLink } from '../paper-link';
import type { Dispatch } from './dispatch';

/** The manifest's `commands` key for the keyboard shortcut (wxt.config.ts). */
export const SAVE_PAPER_COMMAND = 'save-paper';

export interface CommandTab {
  id?: number;
  url?: string;
  title?: string;
}

export interface CommandDeps {
  send: Dispatch;
  sendToTab(tabId: number, message: SaveFocusedCommand): Promise<unknown>;
  activeTab(): Promise<CommandTab | undefined>;
}

function handledByPage(reply: unknown): boolean {
  return (reply as Partial<SaveFocusedReply> | undefined)?.handled === true;
}

/**
 * The "save-paper" shortcut: the tab's content script saves the paper under focus. When it does
 * not take it (no content script, as in a PDF viewer, or no paper focused), the paper the tab's URL
 * names is saved, titled from the tab. Returns who saved: `page`, `url`, or `none`.
 */
export async function runSaveCommand(
  tab: CommandTab | undefined,
  deps: CommandDeps,
): Promise<'page' | 'url' | 'none'> {
  const target = tab?.id !== undefined ? tab : await deps.activeTab();
  if (target?.id === undefined) return 'none';
  const reply = await deps.sendToTab(target.id, { type: 'command/save-focused' }).catch(() => undefined);
  if (handledByPage(reply)) return 'page';
  const paper = target.url ? paperFromLink(target.url, target.title) : undefined;
  if (!paper) return 'none';
  const message: RequestMessage<'bookmarks/save'> = {
    type: 'bookmarks/save',
    payload: { paper, topics: [], savedFrom: target.url },
  };
  const saved = await deps.send(message);
  if (!saved.ok) console.warn('Paperlight: saving this page failed', saved.error);
  return saved.ok ? 'url' : 'none';
}

export function registerCommands(send: Dispatch): void {
  const deps: CommandDeps = {
    send,
    sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
    activeTab: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0],
  };
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === SAVE_PAPER_COMMAND) void runSaveCommand(tab, deps);
  });
}
