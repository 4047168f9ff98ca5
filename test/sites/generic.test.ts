import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generic } from '../../lib/sites/generic';
import { extractPapers } from '../../lib/sites/index';
import { documentFrom, hasShared, ownDocument, SHARED_FIXTURES, sharedDocument } from './fixtures';

const NEW = 'arxiv/list-new-cond-mat.mtrl-sci-2026-09-22-excerpt.html';
const ABS = 'arxiv/abs-2609.22268-2026-09-excerpt.html';

/** The page after a redesign no adapter knows: the listing's dl/dt/dd became plain divs. */
function withoutDefinitionLists(html: string): string {
  return html.replace(/<(\/?)(?:dl|dt|dd)\b/g, '<$1div');
}

describe.skipIf(!hasShared(NEW))('generic fallback on a listing whose structure changed', () => {
  const url = new URL('https://arxiv.org/list/cond-mat.mtrl-sci/new');
  const html = readFileSync(resolve(SHARED_FIXTURES, NEW), 'utf8');

  it('still yields every paper with its id and title, through the registry', () => {
    const original = extractPapers(sharedDocument(NEW), url).flatMap((r) => r.cards);
    const results = extractPapers(documentFrom(withoutDefinitionLists(html)), url);
    expect(results.map((r) => [r.adapter, r.cards.length])).toEqual([
      ['arxiv-list', 0],
      ['generic', 8],
    ]);
    const fallback = results[1]?.cards ?? [];
    expect(fallback.map((c) => [c.paper.id, c.paper.title])).toEqual(
      original.map((c) => [c.paper.id, c.paper.title]),
    );
    expect(fallback[0]?.paper).toMatchObject({
      url: 'https://arxiv.org/abs/2609.22268',
      pdfUrl: 'https://arxiv.org/pdf/2609.22268',
      source: 'page',
    });
  });
});

describe.skipIf(!hasShared(ABS))('generic fallback from citation meta tags', () => {
  it('yields the paper of an abstract page whose block is gone', () => {
    const doc = sharedDocument(ABS);
    doc.getElementById('abs')?.removeAttribute('id');
    for (const h1 of doc.querySelectorAll('h1')) h1.remove();
    const results = extractPapers(doc, new URL('https://arxiv.org/abs/2609.22268'));
    const fallback = results.find((r) => r.adapter === 'generic');
    expect(fallback?.cards).toHaveLength(1);
    expect(fallback?.cards[0]?.paper).toMatchObject({
      id: 'arxiv:2609.22268',
      title: 'Efficient spectral Galerkin framework for nonlinear transient heat transfer in finite domains',
      authors: ['Théo Andrieux', 'Andreas Ntinos', 'Manas V. Upadhyay'],
      published: '2026-09-09',
    });
  });
});

describe('generic fallback on Hugging Face cards that are no longer <article>s', () => {
  it('finds each card by its /papers/<id> links, with its heading as title', () => {
    const html = readFileSync(resolve(__dirname, '../fixtures/sites/hf-daily.html'), 'utf8').replace(
      /<(\/?)article\b/g,
      '<$1div',
    );
    const doc = documentFrom(html);
    doc.querySelector('[data-target="DailyPapers"]')?.removeAttribute('data-props');
    const cards = generic.extract(doc, new URL('https://huggingface.co/papers/date/2026-09-28'));
    expect(cards.map((c) => [c.paper.id, c.paper.title])).toEqual([
      ['arxiv:2609.24517', 'KV-Shrink: Learned Key-Value Cache Eviction for Long-Context Decoding'],
      ['arxiv:2609.19876', 'Q&A <Agents>: Tool-Using Language Models that Ask Before They Act'],
      ['arxiv:2609.31002', 'Δ-Diffusion: Residual Denoising for Video World Models'],
    ]);
    for (const card of cards) expect(card.root.querySelectorAll('h3')).toHaveLength(1);
  });

  it('does not run while a site adapter finds cards', () => {
    const results = extractPapers(ownDocument('hf-daily.html'), new URL('https://huggingface.co/papers'));
    expect(results.map((r) => r.adapter)).toEqual(['huggingface']);
  });

  it('finds nothing on a page without papers', () => {
    expect(
      generic.extract(documentFrom('<p><a href="/about">About</a></p>'), new URL('https://arxiv.org/')),
    ).toEqual([]);
  });
});
