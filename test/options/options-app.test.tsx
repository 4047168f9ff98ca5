import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '../../entrypoints/options/App';
import type { Reply } from '../../lib/messages';
import { isChangeEvent } from '../../lib/messenger';
import type { Topic } from '../../lib/topics/topic';

const RAG: Topic = { id: 'rag', label: 'RAG', color: '#34a853', terms: ['RAG'], enabled: true };

/** A stand-in background: keeps the topic list, and fails saves while `failing` says why. */
function fakeBackground(initial: Topic[]) {
  const state = { topics: initial, failing: undefined as string | undefined, saves: 0 };
  fakeBrowser.runtime.onMessage.addListener(
    (message: unknown, _sender, sendResponse: (reply: Reply<unknown>) => void) => {
      if (isChangeEvent(message)) return undefined;
      const { type, payload } = message as { type: string; payload: { topics: Topic[] } };
      if (type === 'topics/list') sendResponse({ ok: true, data: state.topics });
      else if (type === 'topics/replace') {
        state.saves++;
        if (state.failing) sendResponse({ ok: false, error: state.failing });
        else {
          state.topics = payload.topics;
          sendResponse({ ok: true, data: state.topics });
        }
      } else if (type === 'settings/get')
        sendResponse({ ok: true, data: { dimSeen: false, markNew: true, sync: true } });
      else if (type === 'snapshots/list') sendResponse({ ok: true, data: [] });
      else if (type === 'sync/status') sendResponse({ ok: true, data: null });
      else sendResponse({ ok: false, error: `unexpected ${type}` });
      return true;
    },
  );
  return state;
}

async function settle(ms = 0) {
  await act(() => new Promise((resolve) => setTimeout(resolve, ms)));
}

describe('options page with a background that fails to save', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  const termsBox = () => root.querySelector<HTMLTextAreaElement>('[data-paperlight-topic="rag"] textarea');
  const type = (field: HTMLTextAreaElement, value: string) =>
    act(() => {
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });

  it('says why, keeps the edit on the page, and saves it on retry', async () => {
    const background = fakeBackground([RAG]);
    act(() => render(<OptionsApp />, root));
    await settle();
    const terms = termsBox();
    if (!terms) throw new Error('no editor for RAG');

    background.failing = 'QuotaExceededError: the disk is full';
    type(terms, 'RAG\nGraphRAG');
    await settle(350);
    const alert = root.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Not saved: QuotaExceededError: the disk is full.');
    expect(alert?.textContent).toContain('Your edits are kept on this page.');
    expect(termsBox()?.value).toBe('RAG\nGraphRAG');
    expect(background.topics).toEqual([RAG]);

    background.failing = undefined;
    act(() => alert?.querySelector('button')?.click());
    await settle();
    expect(root.querySelector('[data-paperlight-save-status]')?.textContent).toBe('All changes saved');
    expect(background.topics).toEqual([
      { ...RAG, terms: ['RAG', 'GraphRAG'], updatedAt: expect.any(String) },
    ]);
  });

  it('waits for a pause in typing before saving', async () => {
    const background = fakeBackground([RAG]);
    act(() => render(<OptionsApp />, root));
    await settle();
    const terms = termsBox();
    if (!terms) throw new Error('no editor for RAG');
    for (const text of ['RAG\nG', 'RAG\nGr', 'RAG\nGra']) {
      type(terms, text);
      await settle(100);
    }
    expect(background.saves).toBe(0);
    await settle(300);
    expect(background.saves).toBe(1);
    expect(background.topics[0]?.terms).toEqual(['RAG', 'Gra']);
  });
});
