import { describe, expect, it, vi } from 'vitest';
import type { Adapter } from '../../lib/sites/adapter';
import { adapters, extractCards, extractPapers, extractPapersInSlices } from '../../lib/sites/index';
import type { PaperCard } from '../../lib/sites/types';
import { documentFrom, ownDocument } from './fixtures';

const URL_ = new URL('https://example.org/list');

function cardFor(root: HTMLElement, id: string): PaperCard {
  return {
    paper: { id, title: id, authors: [], source: 'test' },
    root,
    uiAnchor: root,
    uiPlacement: 'after',
    fields: {},
  };
}

/** An adapter that turns every `<li>` into a card, for registry tests. */
function listAdapter(name: string, options: Partial<Adapter> = {}): Adapter {
  return {
    name,
    matches: () => true,
    extract: (doc) => [...doc.querySelectorAll('li')].map((li, i) => cardFor(li, `${name}:${i}`)),
    ...options,
  };
}

describe('extractPapers', () => {
  const doc = documentFrom('<ul><li>a</li><li>b</li></ul>');

  it('keeps running the other adapters when one throws, and reports the error', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const broken = listAdapter('broken', {
      extract: () => {
        throw new Error('layout changed');
      },
    });
    const results = extractPapers(doc, URL_, [broken, listAdapter('ok')]);
    expect(results.map((r) => [r.adapter, r.cards.length])).toEqual([
      ['broken', 0],
      ['ok', 2],
    ]);
    expect(String(results[0]?.error)).toMatch(/layout changed/);
  });

  it('skips adapters whose matches() rejects the URL or throws', () => {
    const rejecting = listAdapter('elsewhere', { matches: () => false });
    const throwing = listAdapter('throwing', {
      matches: () => {
        throw new Error('bad url');
      },
    });
    expect(extractPapers(doc, URL_, [rejecting, throwing, listAdapter('ok')]).map((r) => r.adapter)).toEqual([
      'ok',
    ]);
  });

  it('gives each card root to the first adapter that claims it', () => {
    const cards = extractCards(doc, URL_, [listAdapter('first'), listAdapter('second')]);
    expect(cards.map((c) => c.paper.id)).toEqual(['first:0', 'first:1']);
  });

  it('runs a fallback adapter only when the others found nothing', () => {
    const fallback = listAdapter('fallback', { fallback: true });
    const empty = listAdapter('empty', { extract: () => [] });
    expect(extractPapers(doc, URL_, [fallback, listAdapter('site')]).map((r) => r.adapter)).toEqual(['site']);
    const results = extractPapers(doc, URL_, [fallback, empty]);
    expect(results.map((r) => [r.adapter, r.cards.length])).toEqual([
      ['empty', 0],
      ['fallback', 2],
    ]);
  });

  it('collects warnings and logs them with the adapter name', () => {
    const log = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const warning = listAdapter('warner', {
      extract: (_doc, _url, warn) => {
        warn?.('3 <dt> but 2 <dd>');
        return [];
      },
    });
    expect(extractPapers(doc, URL_, [warning])[0]?.warnings).toEqual(['3 <dt> but 2 <dd>']);
    expect(log).toHaveBeenCalledWith('[paperlight:warner] 3 <dt> but 2 <dd>');
  });

  it('has unique adapter names', () => {
    const names = adapters.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('extractPapersInSlices', () => {
  const url = new URL('https://arxiv.org/list/hep-th/9901');

  it('hands over the same cards as extractPapers, slice by slice, yielding between slices', async () => {
    const doc = ownDocument('arxiv-list-hep-th-9901.html');
    const slices: string[][] = [];
    const yieldToMain = vi.fn(async () => {});
    const results = await extractPapersInSlices(doc, url, {
      sliceMs: 0,
      yieldToMain,
      onCards: (cards, adapter) => slices.push(cards.map((c) => `${adapter} ${c.paper.id}`)),
    });
    expect(slices).toEqual([
      ['arxiv-list arxiv:hep-th/9901001'],
      ['arxiv-list arxiv:hep-th/9901002'],
      ['arxiv-list arxiv:math.GT/9901003'],
      ['arxiv-list arxiv:hep-th/9901004'],
    ]);
    expect(yieldToMain).toHaveBeenCalledTimes(4);
    const whole = extractPapers(ownDocument('arxiv-list-hep-th-9901.html'), url);
    expect(results.map((r) => [r.adapter, r.cards.map((c) => c.paper)])).toEqual(
      whole.map((r) => [r.adapter, r.cards.map((c) => c.paper)]),
    );
  });

  it('stops reading when aborted between slices', async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    await extractPapersInSlices(ownDocument('arxiv-list-hep-th-9901.html'), url, {
      sliceMs: 0,
      signal: controller.signal,
      yieldToMain: async () => {},
      onCards: (cards) => {
        seen.push(...cards.map((c) => c.paper.id));
        if (seen.length === 2) controller.abort();
      },
    });
    expect(seen).toEqual(['arxiv:hep-th/9901001', 'arxiv:hep-th/9901002']);
  });

  it('isolates a throwing adapter and still runs the fallback', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const doc = documentFrom('<ul><li>a</li><li>b</li></ul>');
    const results = await extractPapersInSlices(doc, URL_, { onCards: () => {} }, [
      listAdapter('broken', {
        extract: () => {
          throw new Error('boom');
        },
      }),
      listAdapter('fallback', { fallback: true }),
    ]);
    expect(results.map((r) => [r.adapter, r.cards.length, r.error !== undefined])).toEqual([
      ['broken', 0, true],
      ['fallback', 2, false],
    ]);
  });
});
