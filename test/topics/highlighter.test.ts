import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createHighlighter,
  type HighlightCard,
  type HighlightTopic,
  highlightName,
  paintInChunks,
  readableBackground,
} from '../../lib/topics/highlighter';

/** happy-dom has no CSS Custom Highlight API: a stand-in with the same shape (a set of ranges). */
class StubHighlight extends Set<AbstractRange> {
  priority = 0;
}

const TOPICS: HighlightTopic[] = [
  { id: 'kv', color: '#f4b400', terms: ['KV cache'], enabled: true },
  { id: 'rag', color: '#000080', terms: ['retrieval augmented generation', 'RAG'], enabled: true },
  { id: 'off', color: '#00ff00', terms: ['transformer'], enabled: false },
];

function arxivCard(index: number): { root: HTMLElement; card: HighlightCard } {
  const root = document.createElement('dd');
  root.innerHTML = `<div class="list-title mathjax"><span class="descriptor">Title:</span>
      Faster <span class="search-hit">KV</span>-cache eviction ${index}</div>
    <div class="list-authors"><a href="#">Smith A.</a>, <a href="#">Zhang B.</a></div>
    <p class="mathjax">We study retrieval-<em>augmented</em>
      generation with a transformer and a kv  caches budget of $x^2$.<script>var KV_cache = 1;</script></p>`;
  document.body.append(root);
  const fields = [...root.querySelectorAll('.list-title, .list-authors, p')];
  return { root, card: { fields } };
}

/** The rules of every style element the highlighter added. */
function styleText(): string {
  return [...document.querySelectorAll('style[data-paperlight-ui]')]
    .map((style) => style.textContent)
    .join('\n');
}

function registry(): Map<string, StubHighlight> {
  return (globalThis as unknown as { CSS: { highlights: Map<string, StubHighlight> } }).CSS.highlights;
}

function rangeTexts(highlight: StubHighlight | undefined): string[] {
  return [...(highlight ?? [])].map((range) => {
    const live = document.createRange();
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    return live.toString();
  });
}

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('highlighter with the CSS Custom Highlight API', () => {
  beforeEach(() => {
    vi.stubGlobal('Highlight', StubHighlight);
    vi.stubGlobal('CSS', { highlights: new Map<string, StubHighlight>() });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('registers one highlight per enabled topic and ranges over the matched text, across nodes', () => {
    const { card } = arxivCard(1);
    const highlighter = createHighlighter(TOPICS);
    expect(highlighter.mode).toBe('highlight');
    expect(highlighter.paint(card)).toEqual(['kv', 'rag']);
    expect([...registry().keys()]).toEqual(['paperlight-kv', 'paperlight-rag']);
    expect(rangeTexts(registry().get('paperlight-kv'))).toEqual(['KV-cache', 'kv  caches']);
    expect(rangeTexts(registry().get('paperlight-rag'))).toEqual(['retrieval-augmented\n      generation']);
    expect(registry().get('paperlight-kv')?.priority).toBeGreaterThan(
      registry().get('paperlight-rag')?.priority ?? 0,
    );
    const first = [...(registry().get('paperlight-kv') ?? [])][0];
    expect(first?.startContainer).toBe(card.fields[0]?.querySelector('.search-hit')?.firstChild);
    expect(first?.startOffset).toBe(0);
    expect(first?.endContainer).not.toBe(first?.startContainer);
  });

  it('leaves the page’s nodes and text byte-identical, adding one style element and markers on painted fields', async () => {
    arxivCard(1);
    const { card } = arxivCard(2);
    const bodyBefore = document.body.innerHTML;
    const textBefore = document.body.textContent;
    const highlighter = createHighlighter(TOPICS);
    highlighter.paint(card);
    await highlighter.whenStyled();
    // Each topic's marker is on exactly the fields holding its ranges.
    for (const id of ['kv', 'rag']) {
      const holding = new Set(
        [...(registry().get(`paperlight-${id}`) ?? [])].map((range) =>
          card.fields.find((field) => field.contains(range.startContainer)),
        ),
      );
      expect(holding.size).toBeGreaterThan(0);
      expect(new Set(document.querySelectorAll(`[data-paperlight-painted-${id}]`))).toEqual(holding);
    }
    expect(document.body.innerHTML.replaceAll(/ data-paperlight-painted-(kv|rag)=""/g, '')).toBe(bodyBefore);
    expect(document.body.textContent).toBe(textBefore);
    // Every enabled topic's rule, in one style element added with the topics.
    const styles = [...document.querySelectorAll('style[data-paperlight-ui]')];
    expect(styles).toHaveLength(1);
    expect(styles.every((style) => style.parentNode === document.head)).toBe(true);
    // Scoped to the fields holding the topic's ranges: a bare ::highlight() rule restyles the whole page.
    expect(styleText()).toContain(
      // Chrome's highlight inheritance styles the field's descendants (the Firefox build adds a rule).
      '[data-paperlight-painted-kv]::highlight(paperlight-kv) { background-color: #f4b400; color: inherit; }',
    );
    expect(styleText()).toMatch(
      /::highlight\(paperlight-rag\) \{ background-color: rgb\(0 0 128 \/ 0\.\d+\)/,
    );
    highlighter.clear();
    expect(document.body.innerHTML).toBe(bodyBefore);
  });

  it('registers only the topics that have matched so far; styles every enabled topic from the start', () => {
    const highlighter = createHighlighter(TOPICS);
    expect(registry().size).toBe(0);
    // Rules inserted while cards are painted would cost a walk over the whole page each time.
    expect(styleText()).toContain('::highlight(paperlight-kv)');
    expect(styleText()).toContain('::highlight(paperlight-rag)');
    expect(styleText()).not.toContain('paperlight-off');
    const field = document.createElement('p');
    field.textContent = 'RAG only';
    document.body.append(field);
    highlighter.paint({ fields: [field] });
    expect([...registry().keys()]).toEqual(['paperlight-rag']);
    highlighter.paint(arxivCard(1).card);
    expect([...registry().keys()]).toEqual(['paperlight-rag', 'paperlight-kv']);
    expect(document.querySelectorAll('style[data-paperlight-ui]')).toHaveLength(1);
  });

  it('matches text the card does not show, without painting it', () => {
    const field = document.createElement('h3');
    field.textContent = 'An unrelated title';
    document.body.append(field);
    const highlighter = createHighlighter(TOPICS);
    expect(highlighter.paint({ fields: [field], extraText: ['', 'Abstract: we use RAG.'] })).toEqual(['rag']);
    expect(registry().get('paperlight-rag')).toBeUndefined();
  });

  it('skips script text, labels and its own UI; never matches disabled topics', () => {
    const field = document.createElement('div');
    field.innerHTML =
      '<span class="descriptor">RAG:</span> transformer <span data-paperlight-ui>RAG</span><script>RAG</script>';
    document.body.append(field);
    const highlighter = createHighlighter(TOPICS);
    expect(highlighter.paint({ fields: [field] })).toEqual([]);
  });

  it('forgets a card, repaints a re-rendered card, and drops cards that left the page', () => {
    const { root, card } = arxivCard(1);
    const highlighter = createHighlighter(TOPICS);
    highlighter.paint(card);
    highlighter.forget(card);
    expect(registry().get('paperlight-kv')?.size).toBe(0);

    highlighter.paint(card);
    const sameFields: HighlightCard = { fields: card.fields };
    highlighter.paint(sameFields);
    expect(registry().get('paperlight-kv')?.size).toBe(2);

    root.remove();
    highlighter.forgetDisconnected();
    expect(registry().get('paperlight-kv')?.size).toBe(0);
  });

  it('repaints under new topics and clears everything', () => {
    const { card } = arxivCard(1);
    const highlighter = createHighlighter(TOPICS);
    highlighter.paint(card);
    const cards = highlighter.setTopics([
      { id: 'gen', color: '#ffffff', terms: ['generation'], enabled: true },
    ]);
    expect(cards).toEqual([card]);
    expect(registry().size).toBe(0);
    expect(highlighter.paint(card)).toEqual(['gen']);
    expect([...registry().keys()]).toEqual(['paperlight-gen']);
    expect(registry().get('paperlight-gen')?.size).toBe(1);

    highlighter.clear();
    expect(registry().size).toBe(0);
    expect(document.querySelector('[data-paperlight-ui]')).toBeNull();
    expect(highlighter.paint(card)).toEqual([]);
  });

  it('drops its registrations when no topic is left, and reports shared terms for each topic', () => {
    const { card } = arxivCard(1);
    const highlighter = createHighlighter([
      { id: 'second', terms: ['KV cache', 'eviction'] },
      { id: 'first', terms: ['kv-cache'] },
    ]);
    expect(highlighter.paint(card)).toEqual(['second', 'first']);
    expect(rangeTexts(registry().get('paperlight-first'))).toEqual(['KV-cache', 'kv  caches']);
    highlighter.setTopics([{ id: 'off', terms: ['KV cache'], enabled: false }]);
    expect(registry().size).toBe(0);
    expect(highlighter.paint(card)).toEqual([]);
  });

  it('keeps every rule while topics change, adding one only for a new topic or colour', () => {
    const { card } = arxivCard(1);
    const kv = { id: 'kv', color: '#f4b400', terms: ['KV cache'], enabled: true };
    const highlighter = createHighlighter([kv]);
    highlighter.paint(card);
    const rules = document.querySelector('style[data-paperlight-ui]');
    expect(rules?.textContent).toContain('::highlight(paperlight-kv)');
    // Changing or removing a rule would restyle every field marked for it at once; alone it paints nothing.
    highlighter.setTopics([{ ...kv, enabled: false }]);
    expect(highlighter.paint(card)).toEqual([]);
    highlighter.setTopics([{ ...kv, terms: ['KV cache', 'eviction'] }]);
    expect(highlighter.paint(card)).toEqual(['kv']);
    expect([...document.querySelectorAll('style[data-paperlight-ui]')]).toEqual([rules]);
    highlighter.setTopics([{ ...kv, color: '#81c995' }]);
    const styles = [...document.querySelectorAll('style[data-paperlight-ui]')];
    expect(styles).toHaveLength(2);
    expect(styles[0]).toBe(rules);
    expect(styles[1]?.textContent).toContain('#81c995');
    highlighter.clear();
    expect(document.querySelector('style[data-paperlight-ui]')).toBeNull();
  });

  it('paints in chunks, in order, and stops when aborted', async () => {
    const cards = Array.from({ length: 7 }, (_, i) => arxivCard(i).card);
    const highlighter = createHighlighter(TOPICS);
    const seen: number[] = [];
    await paintInChunks(highlighter, cards, {
      chunkSize: 3,
      onCard: (card) => seen.push(cards.indexOf(card)),
    });
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6]);

    const controller = new AbortController();
    const partial: HighlightCard[] = [];
    await paintInChunks(highlighter, cards, {
      chunkSize: 2,
      signal: controller.signal,
      onCard: (card) => {
        partial.push(card);
        controller.abort();
      },
    });
    expect(partial).toHaveLength(2);
  });

  it('uses StaticRanges where the browser has them (they cost the page nothing on later DOM changes)', () => {
    class StubStaticRange {
      constructor(readonly init: StaticRangeInit) {}
    }
    vi.stubGlobal('StaticRange', StubStaticRange);
    const { card } = arxivCard(1);
    createHighlighter(TOPICS).paint(card);
    const ranges = [...(registry().get('paperlight-kv') ?? [])] as unknown as StubStaticRange[];
    expect(ranges).toHaveLength(2);
    expect(ranges[0]).toBeInstanceOf(StubStaticRange);
    expect(ranges[0]?.init.startContainer).toBe(card.fields[0]?.querySelector('.search-hit')?.firstChild);
  });

  it('copes with 1,000 topics', () => {
    const topics = Array.from({ length: 1000 }, (_, i) => ({
      id: `t${i}`,
      terms: [`word${i}`],
      color: '#ffff00',
    }));
    const field = document.createElement('p');
    field.textContent = 'word7 and word999, not word1000';
    document.body.append(field);
    const highlighter = createHighlighter(topics);
    expect(highlighter.paint({ fields: [field] })).toEqual(['t7', 't999']);
    expect(registry().size).toBe(2);
  });

  it('reports topic problems and still paints the good terms', () => {
    const { card } = arxivCard(1);
    const highlighter = createHighlighter([
      { id: 'x', color: '#ffff00', terms: ['/(a+)+$/', '', 'eviction'] },
    ]);
    expect(highlighter.problems.map((problem) => problem.termIndex)).toEqual([0, 1]);
    expect(highlighter.paint(card)).toEqual(['x']);
  });
});

describe('highlighter <mark> fallback', () => {
  it('wraps matches in marks, keeps the text, and restores the nodes when forgotten', () => {
    const { root, card } = arxivCard(1);
    const htmlBefore = root.innerHTML;
    const textBefore = root.textContent;
    const textNodesBefore = [...card.fields].map((field) => field.childNodes.length);
    const highlighter = createHighlighter(TOPICS);
    expect(highlighter.mode).toBe('mark');
    expect(highlighter.paint(card)).toEqual(['kv', 'rag']);
    const marks = [...root.querySelectorAll('mark[data-paperlight-ui]')];
    expect(marks.map((mark) => [mark.getAttribute('data-paperlight-highlight'), mark.textContent])).toEqual([
      ['paperlight-kv', 'KV'],
      ['paperlight-kv', '-cache'],
      ['paperlight-rag', 'retrieval-'],
      ['paperlight-rag', 'augmented'],
      ['paperlight-rag', '\n      generation'],
      ['paperlight-kv', 'kv  caches'],
    ]);
    expect(root.textContent).toBe(textBefore);
    expect(styleText()).toContain(
      'mark[data-paperlight-highlight="paperlight-kv"] { background-color: #f4b400; color: inherit; }',
    );

    // Painting again matches through its own marks and gives the same result.
    expect(highlighter.paint(card)).toEqual(['kv', 'rag']);
    expect(root.querySelectorAll('mark')).toHaveLength(6);

    highlighter.forget(card);
    expect(root.innerHTML).toBe(htmlBefore);
    expect([...card.fields].map((field) => field.childNodes.length)).toEqual(textNodesBefore);
  });

  it('gives overlapping text to the earlier, longer match', () => {
    const field = document.createElement('p');
    field.textContent = 'a KV cache memory';
    document.body.append(field);
    const highlighter = createHighlighter(
      [
        { id: 'kv', terms: ['KV cache'] },
        { id: 'mem', terms: ['cache memory'] },
      ],
      { mode: 'mark' },
    );
    expect(highlighter.paint({ fields: [field] })).toEqual(['kv', 'mem']);
    expect([...field.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['KV cache']);
    highlighter.clear();
    expect(field.innerHTML).toBe('a KV cache memory');
    expect(field.childNodes).toHaveLength(1);
  });
});

describe('names and colours', () => {
  it('derives distinct CSS identifiers from topic ids', () => {
    expect(highlightName('kv-cache')).toBe('paperlight-kv-cache');
    expect(highlightName('a b')).toBe('paperlight-a_20_b');
    expect(highlightName('a_20_b')).toBe('paperlight-a_5f_20_5f_b');
    expect(highlightName('注意')).toBe('paperlight-_6ce8__610f_');
  });

  it('keeps light colours and makes dark ones translucent enough for black text', () => {
    expect(readableBackground('#FFFF00')).toBe('#ffff00');
    expect(readableBackground('#000080')).toMatch(/^rgb\(0 0 128 \/ 0\.[1-6]\d\)$/);
    expect(readableBackground('nonsense')).toBe('#f4b400');
  });
});
