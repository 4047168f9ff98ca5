import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type CommandDeps, runSaveCommand } from '../../lib/background/commands';
import { PAPER_LINK_PATTERNS, SAVE_PAPER_MENU_ID, saveClickedLink } from '../../lib/background/context-menu';
import type { Dispatch } from '../../lib/background/dispatch';
import { handleMessage } from '../../lib/background/handlers';
import type { Bookmark } from '../../lib/bookmark';
import { type Database, openDatabase } from '../../lib/db';
import { listBookmarks, saveBookmark } from '../../lib/library';
import type { ChangeEvent } from '../../lib/messages';
import { cleanTitle, paperFromLink } from '../../lib/paper-link';

let db: Database;
let events: ChangeEvent[];
let send: Dispatch;

beforeEach(async () => {
  db = await openDatabase(`save-paths-${Math.random()}`);
  events = [];
  send = (message) => handleMessage(message, { db, broadcast: (event) => events.push(event) });
});

describe('paperFromLink', () => {
  it.each([
    [
      'https://arxiv.org/abs/2509.02560v2',
      'FastVGGT: Training-Free Acceleration',
      'arxiv:2509.02560',
      'FastVGGT: Training-Free Acceleration',
    ],
    ['https://arxiv.org/pdf/2509.02560', 'pdf', 'arxiv:2509.02560', 'arXiv:2509.02560'],
    ['https://arxiv.org/html/2509.02560v1', undefined, 'arxiv:2509.02560', 'arXiv:2509.02560'],
    [
      'https://huggingface.co/papers/2609.24517',
      'Paper page - KV-Shrink: Learned Eviction',
      'arxiv:2609.24517',
      'KV-Shrink: Learned Eviction',
    ],
    [
      'https://arxiv.org/abs/hep-th/9901001',
      'arXiv:hep-th/9901001',
      'arxiv:hep-th/9901001',
      'arXiv:hep-th/9901001',
    ],
  ])('%s with text %j → %s titled %j', (href, text, id, title) => {
    const paper = paperFromLink(href, text);
    expect(paper).toMatchObject({ id, title, authors: [] });
    expect(paper?.url).toMatch(/^https:\/\/(arxiv\.org\/abs\/|huggingface\.co\/papers\/)/);
  });

  it('names no paper for other links', () => {
    expect(paperFromLink('https://arxiv.org/list/cs.CL/new', 'cs.CL')).toBeUndefined();
    expect(paperFromLink('https://huggingface.co/models', 'Models')).toBeUndefined();
  });

  it('cleans arXiv and Hugging Face tab titles', () => {
    expect(cleanTitle('[2509.02560] FastVGGT: Fast and Robust', 'arxiv:2509.02560')).toBe(
      'FastVGGT: Fast and Robust',
    );
    expect(cleanTitle('2509.02560v1.pdf', 'arxiv:2509.02560')).toBe('arXiv:2509.02560');
    expect(cleanTitle('Some Title - Hugging Face', 'arxiv:2509.02560')).toBe('Some Title');
  });
});

describe('context menu "Save paper"', () => {
  it('appears on arXiv abs/pdf/html links and HF paper links only', () => {
    expect(PAPER_LINK_PATTERNS).toEqual(
      expect.arrayContaining([
        '*://arxiv.org/abs/*',
        '*://arxiv.org/pdf/*',
        '*://arxiv.org/html/*',
        '*://huggingface.co/papers/*',
      ]),
    );
  });

  it('saves the linked paper titled by the link text, broadcast like any save', async () => {
    const reply = await saveClickedLink(
      {
        menuItemId: SAVE_PAPER_MENU_ID,
        linkUrl: 'https://huggingface.co/papers/2609.24517',
        selectionText: 'KV-Shrink: Learned Key-Value Cache Eviction',
        pageUrl: 'https://huggingface.co/papers',
      },
      send,
    );
    expect(reply?.ok).toBe(true);
    const saved = await listBookmarks(db);
    expect(saved).toMatchObject([
      {
        id: 'arxiv:2609.24517',
        title: 'KV-Shrink: Learned Key-Value Cache Eviction',
        savedFrom: 'https://huggingface.co/papers',
      },
    ]);
    expect(events).toEqual([{ type: 'changed/bookmarks', saved, removed: [] }]);
  });

  it('merges into a fuller record of the same paper instead of replacing it', async () => {
    await saveBookmark(db, {
      paper: {
        id: 'arxiv:2509.02560',
        title: 'FastVGGT',
        authors: ['A. Author'],
        abstract: 'Abs',
        source: 'arxiv',
      },
      topics: [],
    });
    await saveClickedLink(
      { menuItemId: SAVE_PAPER_MENU_ID, linkUrl: 'https://arxiv.org/pdf/2509.02560v3' },
      send,
    );
    expect(await listBookmarks(db)).toMatchObject([
      { title: 'FastVGGT', authors: ['A. Author'], abstract: 'Abs' },
    ]);
  });

  it('ignores other menu items and links that name no paper', async () => {
    expect(
      await saveClickedLink({ menuItemId: 'other', linkUrl: 'https://arxiv.org/abs/2509.02560' }, send),
    ).toBeUndefined();
    expect(
      await saveClickedLink(
        { menuItemId: SAVE_PAPER_MENU_ID, linkUrl: 'https://arxiv.org/list/cs.AI/new' },
        send,
      ),
    ).toBeUndefined();
    expect(await listBookmarks(db)).toEqual([]);
  });
});

describe('keyboard shortcut "save-paper"', () => {
  function deps(
    tabReply: () => Promise<unknown>,
    active?: CommandDeps['activeTab'],
  ): CommandDeps & { sent: unknown[] } {
    const sent: unknown[] = [];
    return {
      sent,
      send,
      sendToTab: (tabId, message) => {
        sent.push([tabId, message]);
        return tabReply();
      },
      activeTab: active ?? (async () => undefined),
    };
  }

  it('asks the tab to save the focused paper, and saves nothing itself when the page handled it', async () => {
    const d = deps(async () => ({ handled: true }));
    const tab = { id: 7, url: 'https://arxiv.org/abs/2509.02560', title: '[2509.02560] FastVGGT' };
    expect(await runSaveCommand(tab, d)).toBe('page');
    expect(d.sent).toEqual([[7, { type: 'command/save-focused' }]]);
    expect(await listBookmarks(db)).toEqual([]);
  });

  it('saves the paper the URL names when no content script answers (a PDF)', async () => {
    const d = deps(() => Promise.reject(new Error('Receiving end does not exist')));
    const tab = { id: 3, url: 'https://arxiv.org/pdf/2509.02560v2', title: '2509.02560v2.pdf' };
    expect(await runSaveCommand(tab, d)).toBe('url');
    expect(await listBookmarks(db)).toMatchObject([{ id: 'arxiv:2509.02560', title: 'arXiv:2509.02560' }]);
  });

  it('falls back to the active tab, and does nothing on a page that names no paper', async () => {
    const active = vi.fn(async () => ({
      id: 9,
      url: 'https://arxiv.org/list/cs.CL/new',
      title: 'cs.CL new',
    }));
    const d = deps(async () => undefined, active);
    expect(await runSaveCommand(undefined, d)).toBe('none');
    expect(active).toHaveBeenCalled();
    expect(d.sent).toEqual([[9, { type: 'command/save-focused' }]]);
    expect(await listBookmarks(db)).toEqual([] as Bookmark[]);
  });
});
