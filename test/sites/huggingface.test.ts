import { describe, expect, it } from 'vitest';
import { huggingface } from '../../lib/sites/huggingface';
import { extractPapers } from '../../lib/sites/index';
import type { PaperCard } from '../../lib/sites/types';
import { HF_DAILY_CAPTURE_IDS } from '../fixtures/real-captures';
import { hasShared, ownDocument, sharedDocument, withClassesDrifted } from './fixtures';

const DAILY_URL = new URL('https://huggingface.co/papers/date/2026-09-28');
const REAL_DAILY = 'huggingface/hf-daily-papers-2026-09-28-excerpt.html';

function byId(cards: PaperCard[], id: string): PaperCard {
  const card = cards.find((c) => c.paper.id === id);
  if (!card) throw new Error(`no card for ${id}; found ${cards.map((c) => c.paper.id).join(', ')}`);
  return card;
}

describe('huggingface.matches', () => {
  it.each([
    'https://huggingface.co/papers',
    'https://huggingface.co/papers/date/2026-09-28',
    'https://huggingface.co/papers/week/2026-W39',
    'https://huggingface.co/papers/month/2026-09',
    'https://huggingface.co/papers/trending',
    'https://huggingface.co/papers?q=kv+cache',
    'https://huggingface.co/papers/2609.31620',
  ])('accepts %s', (href) => expect(huggingface.matches(new URL(href))).toBe(true));

  it.each([
    'https://huggingface.co/models',
    'https://huggingface.co/paperswithcode',
    'https://arxiv.org/papers/2609.31620',
  ])('rejects %s', (href) => expect(huggingface.matches(new URL(href))).toBe(false));
});

describe.skipIf(!hasShared(REAL_DAILY))('huggingface on the real daily capture', () => {
  const doc = sharedDocument(REAL_DAILY);
  const cards = huggingface.extract(doc, DAILY_URL);

  it('finds the 4 cards, in page order, each rooted at its <article>', () => {
    expect(cards.map((c) => c.paper.id)).toEqual(HF_DAILY_CAPTURE_IDS);
    for (const card of cards) {
      expect(card.root.tagName).toBe('ARTICLE');
      expect(card.root.contains(card.uiAnchor)).toBe(true);
      expect(card.uiAnchor).not.toBe(card.root);
      expect(card.fields.title?.tagName).toBe('H3');
    }
  });

  it('reads the full metadata of a card with organisation, GitHub stars and comments', () => {
    const { paper } = byId(cards, 'arxiv:2609.31620');
    expect(paper).toMatchObject({
      id: 'arxiv:2609.31620',
      title:
        'FuseReg: Regularizing Layer Fusion Mitigates the Reconstruction-Generation Gap in Representation Autoencoders',
      url: 'https://huggingface.co/papers/2609.31620',
      pdfUrl: 'https://arxiv.org/pdf/2609.31620',
      published: '2026-09-25',
      source: 'huggingface',
      extras: {
        upvotes: 110,
        githubRepo: 'https://github.com/Hongyang-Du/FuseReg',
        projectPage: 'https://hongyang-du.github.io/FuseReg/',
        githubStars: 12,
        numComments: 2,
        organization: 'USC Physical Superintelligence (PSI) Lab',
      },
    });
    expect(paper.authors).toHaveLength(16);
    expect(paper.authors.slice(0, 3)).toEqual(['Hongyang Du', 'Yunfei Xie', 'Junjie Ye']);
    expect(paper.authors.at(-1)).toBe('Yue Wang');
    expect(paper.abstract).toMatch(/^Representation autoencoders \(RAEs\) reuse features/);
    expect(paper.abstract).toMatch(/without modifying the pretrained encoder\.$/);
  });

  it('keeps only the extras a paper has: no GitHub, no organisation, no comments', () => {
    expect(byId(cards, 'arxiv:2609.31093').paper.extras).toEqual({
      upvotes: 19,
      numComments: 1,
      organization: 'ByteDance Seed',
    });
    const video = byId(cards, 'arxiv:2609.31394').paper;
    expect(video.title).toBe(
      'InternW0-Δ: A World Action Model Bridging Predictive Dynamics and Actions with 20K+ Hours of Open Data',
    );
    expect(video.extras).toEqual({
      upvotes: 17,
      projectPage: 'https://internrobotics.github.io/InternW0-Delta/',
      numComments: 0,
    });
    expect(video.authors.length).toBeGreaterThan(40);
  });

  it('falls back to the DOM when the hydration JSON is gone', () => {
    const bare = sharedDocument(REAL_DAILY);
    bare.querySelector('[data-target="DailyPapers"]')?.removeAttribute('data-props');
    const fallback = huggingface.extract(bare, DAILY_URL);
    expect(fallback.map((c) => c.paper.id)).toEqual(cards.map((c) => c.paper.id));
    expect(byId(fallback, 'arxiv:2609.18703').paper).toEqual({
      id: 'arxiv:2609.18703',
      title:
        'RayOrch: Programming and Executing Lineage-Controlled Multi-Grain Dataflows for Foundation-Model Data Preparation',
      authors: [],
      url: 'https://huggingface.co/papers/2609.18703',
      pdfUrl: 'https://arxiv.org/pdf/2609.18703',
      source: 'huggingface',
    });
  });

  it.each(['strip', 'rename'] as const)('survives class drift (%s)', (mode) => {
    const drifted = huggingface.extract(withClassesDrifted(sharedDocument(REAL_DAILY), mode), DAILY_URL);
    expect(drifted.map((c) => [c.paper.id, c.paper.title])).toEqual(
      cards.map((c) => [c.paper.id, c.paper.title]),
    );
  });
});

describe('huggingface on our daily fixture', () => {
  const cards = huggingface.extract(ownDocument('hf-daily.html'), DAILY_URL);

  it('finds the 3 cards with their JSON metadata', () => {
    expect(cards.map((c) => c.paper.id)).toEqual([
      'arxiv:2609.24517',
      'arxiv:2609.19876',
      'arxiv:2609.31002',
    ]);
    expect(byId(cards, 'arxiv:2609.24517').paper).toEqual({
      id: 'arxiv:2609.24517',
      title: 'KV-Shrink: Learned Key-Value Cache Eviction for Long-Context Decoding',
      authors: ['Mei Tanaka', 'Lukas Brandt', 'Aïcha Diallo', 'Rohan Mehta'],
      abstract:
        'Long-context decoding is bounded by the memory of the key-value (KV) cache. We introduce KV-Shrink, a learned eviction policy that scores cached tokens by their expected future attention. Across four benchmarks it keeps 12% of the cache while matching full-cache accuracy.',
      url: 'https://huggingface.co/papers/2609.24517',
      pdfUrl: 'https://arxiv.org/pdf/2609.24517',
      published: '2026-09-25',
      source: 'huggingface',
      extras: {
        upvotes: 87,
        githubRepo: 'https://github.com/mtanaka/kv-shrink',
        projectPage: 'https://mtanaka.github.io/kv-shrink/',
        githubStars: 341,
        numComments: 3,
        organization: 'Kyoto University NLP Lab',
      },
    });
  });

  it('decodes HTML-escaped characters in the JSON and the DOM alike', () => {
    const title = 'Q&A <Agents>: Tool-Using Language Models that Ask Before They Act';
    const card = byId(cards, 'arxiv:2609.19876');
    expect(card.paper.title).toBe(title);
    expect(card.fields.title?.textContent).toBe(title);
  });

  it('falls back to the DOM, card by card, when the JSON lacks a paper (stale after navigation)', () => {
    const doc = ownDocument('hf-daily.html');
    const hydrater = doc.querySelector('[data-target="DailyPapers"]');
    const props = JSON.parse(hydrater?.getAttribute('data-props') ?? '{}');
    props.dailyPapers = props.dailyPapers.slice(1);
    hydrater?.setAttribute('data-props', JSON.stringify(props));
    const stale = huggingface.extract(doc, DAILY_URL);
    expect(stale).toHaveLength(3);
    expect(byId(stale, 'arxiv:2609.24517').paper.extras).toBeUndefined();
    expect(byId(stale, 'arxiv:2609.24517').paper.title).toBe(
      'KV-Shrink: Learned Key-Value Cache Eviction for Long-Context Decoding',
    );
    expect(byId(stale, 'arxiv:2609.19876').paper.extras).toEqual({ upvotes: 35, numComments: 0 });
  });

  it('falls back to the DOM when the JSON is unparseable', () => {
    const doc = ownDocument('hf-daily.html');
    doc.querySelector('[data-target="DailyPapers"]')?.setAttribute('data-props', '{"dailyPapers": [');
    const broken = huggingface.extract(doc, DAILY_URL);
    expect(broken.map((c) => [c.paper.id, c.paper.title])).toEqual(
      cards.map((c) => [c.paper.id, c.paper.title]),
    );
  });

  it('skips a card it cannot read and keeps the others', () => {
    const doc = ownDocument('hf-daily.html');
    const first = doc.querySelector('article');
    for (const link of first?.querySelectorAll('a') ?? []) link.setAttribute('href', '/login');
    const rest = huggingface.extract(doc, DAILY_URL);
    expect(rest.map((c) => c.paper.id)).toEqual(['arxiv:2609.19876', 'arxiv:2609.31002']);
  });

  it('is what the registry returns for the page', () => {
    const results = extractPapers(ownDocument('hf-daily.html'), DAILY_URL);
    const hf = results.find((r) => r.adapter === 'huggingface');
    expect(hf?.cards).toHaveLength(3);
    expect(hf?.warnings).toEqual([]);
  });
});

describe('huggingface on the other views (our fixtures)', () => {
  const KV_SHRINK = 'KV-Shrink: Learned Key-Value Cache Eviction for Long-Context Decoding';

  it('weekly view: every card with its JSON metadata', () => {
    const cards = huggingface.extract(
      ownDocument('hf-week.html'),
      new URL('https://huggingface.co/papers/week/2026-W39'),
    );
    expect(cards.map((c) => c.paper.id)).toEqual([
      'arxiv:2609.24517',
      'arxiv:2609.19876',
      'arxiv:2609.31002',
    ]);
    expect(cards.every((c) => c.paper.abstract && c.paper.extras?.upvotes !== undefined)).toBe(true);
  });

  it('monthly view: cards matched to JSON by id, not by position', () => {
    const cards = huggingface.extract(
      ownDocument('hf-month.html'),
      new URL('https://huggingface.co/papers/month/2026-09'),
    );
    expect(cards.map((c) => [c.paper.id, c.paper.extras?.upvotes])).toEqual([
      ['arxiv:2609.31002', 19],
      ['arxiv:2609.24517', 87],
    ]);
    expect(byId(cards, 'arxiv:2609.31002').paper).toMatchObject({
      title: 'Δ-Diffusion: Residual Denoising for Video World Models',
      authors: ['Chen Wei', 'Priya Raman', 'Tomás Herrera', 'Yuki Sato', 'Olga Petrova'],
      extras: {
        projectPage: 'https://delta-diffusion.github.io/',
        organization: 'Open World Lab',
        numComments: 1,
      },
    });
  });

  it('trending: data under another hydration target still feeds the cards', () => {
    const cards = huggingface.extract(
      ownDocument('hf-trending.html'),
      new URL('https://huggingface.co/papers/trending'),
    );
    expect(cards.map((c) => [c.paper.id, c.paper.extras?.githubStars])).toEqual([
      ['arxiv:2609.24517', 1341],
      ['arxiv:2609.31002', 1000],
    ]);
  });

  it('search: results from the embedded search data, bare paper objects included', () => {
    const cards = huggingface.extract(
      ownDocument('hf-search.html'),
      new URL('https://huggingface.co/papers?q=agents'),
    );
    expect(cards.map((c) => c.paper.id)).toEqual(['arxiv:2609.19876', 'arxiv:2609.24517']);
    expect(byId(cards, 'arxiv:2609.19876').paper).toMatchObject({
      title: 'Q&A <Agents>: Tool-Using Language Models that Ask Before They Act',
      authors: ['Sofia Ferreira', 'Jonas Lindqvist'],
      published: '2026-09-24',
      extras: { upvotes: 35 },
    });
    expect(byId(cards, 'arxiv:2609.24517').paper.extras?.githubRepo).toBe(
      'https://github.com/mtanaka/kv-shrink',
    );
  });

  it('single paper page: the paper block is the card, from PaperContent', () => {
    const doc = ownDocument('hf-paper.html');
    const cards = huggingface.extract(doc, new URL('https://huggingface.co/papers/2609.24517'));
    expect(cards).toHaveLength(1);
    const [card] = cards;
    expect(card?.root.tagName).toBe('SECTION');
    expect(card?.root.contains(card.uiAnchor)).toBe(true);
    expect(card?.fields.title?.tagName).toBe('H1');
    expect(card?.fields.authors?.textContent).toMatch(/^Authors:\s*Mei Tanaka/);
    expect(card?.fields.abstract?.textContent).toMatch(/^Long-context decoding/);
    expect(card?.paper).toMatchObject({
      id: 'arxiv:2609.24517',
      title: KV_SHRINK,
      authors: ['Mei Tanaka', 'Lukas Brandt', 'Aïcha Diallo', 'Rohan Mehta'],
      published: '2026-09-25',
      extras: { upvotes: 87, numComments: 3, githubStars: 341 },
    });
  });

  it('single paper page without its data: id from the URL, title from the heading', () => {
    const doc = ownDocument('hf-paper.html');
    doc.querySelector('[data-target="PaperContent"]')?.removeAttribute('data-props');
    const [card] = huggingface.extract(doc, new URL('https://huggingface.co/papers/2609.24517'));
    expect(card?.paper).toEqual({
      id: 'arxiv:2609.24517',
      title: KV_SHRINK,
      authors: [],
      url: 'https://huggingface.co/papers/2609.24517',
      pdfUrl: 'https://arxiv.org/pdf/2609.24517',
      source: 'huggingface',
    });
  });

  it.each([
    'hf-daily.html',
    'hf-week.html',
    'hf-month.html',
    'hf-trending.html',
    'hf-search.html',
    'hf-paper.html',
  ])('%s survives class drift', (name) => {
    const url = new URL(
      name === 'hf-paper.html' ? 'https://huggingface.co/papers/2609.24517' : 'https://huggingface.co/papers',
    );
    const before = huggingface.extract(ownDocument(name), url);
    const after = huggingface.extract(withClassesDrifted(ownDocument(name), 'strip'), url);
    expect(before.length).toBeGreaterThan(0);
    expect(after.map((c) => c.paper)).toEqual(before.map((c) => c.paper));
  });
});
