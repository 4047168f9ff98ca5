import { describe, expect, it } from 'vitest';
import { arxivSearch } from '../../lib/sites/arxiv-search';
import { hasShared, sharedDocument, withClassesDrifted } from './fixtures';

const SEARCH = 'arxiv/search-results-excerpt-2023-09.html';
const URL_ = new URL('https://arxiv.org/search/?query=endometriosis&searchtype=all&source=header');

describe('arxivSearch.matches', () => {
  it('accepts search pages and nothing else', () => {
    expect(arxivSearch.matches(URL_)).toBe(true);
    expect(arxivSearch.matches(new URL('https://arxiv.org/search/cs?query=x&searchtype=all'))).toBe(true);
    expect(arxivSearch.matches(new URL('https://arxiv.org/list/cs.CL/new'))).toBe(false);
    expect(arxivSearch.matches(new URL('https://example.org/search/?query=x'))).toBe(false);
  });
});

describe.skipIf(!hasShared(SEARCH))('arxivSearch on the real search capture', () => {
  const cards = arxivSearch.extract(sharedDocument(SEARCH), URL_);

  it('finds both results, rooted at their <li>, the UI on the id line', () => {
    expect(cards.map((c) => c.paper.id)).toEqual(['arxiv:2309.14156', 'arxiv:2307.02000']);
    for (const card of cards) {
      expect(card.root.tagName).toBe('LI');
      expect(card.uiAnchor.tagName).toBe('P');
      expect(card.uiAnchor.closest('.mathjax')).toBeNull();
      expect(card.root.contains(card.uiAnchor)).toBe(true);
    }
  });

  it('reads the full abstract, not the shortened one nor the More/Less links', () => {
    const { paper } = cards[0] ?? {};
    expect(paper).toMatchObject({
      title:
        'Designing and evaluating an online reinforcement learning agent for physical exercise recommendations in N-of-1 trials',
      authors: ['Dominik Meier', 'Ipek Ensari', 'Stefan Konigorski'],
      url: 'https://arxiv.org/abs/2309.14156',
      pdfUrl: 'https://arxiv.org/pdf/2309.14156',
      published: '2023-09-25',
      source: 'arxiv',
      extras: { primarySubject: 'cs.LG', subjects: ['cs.LG', 'stat.AP', 'stat.ME'] },
    });
    expect(paper?.abstract).toMatch(/^Personalized adaptive interventions offer/);
    expect(paper?.abstract).toMatch(/transferable to other interventions and clinical interventions\.$/);
    expect(paper?.extras?.comments).toBeUndefined();
  });

  it('reads a title with a search-hit span inside as plain text, and the comments', () => {
    const card = cards[1];
    expect(card?.paper.title).toBe(
      'Distilling Missing Modality Knowledge from Ultrasound for Endometriosis Diagnosis with Magnetic Resonance Images',
    );
    expect(card?.fields.title?.querySelector('.search-hit')?.textContent).toBe('Endometriosis');
    expect(card?.paper.published).toBe('2023-07-04');
    expect(card?.paper.extras?.comments).toBe(
      'This paper is accepted by 2023 IEEE 20th International Symposium on Biomedical Imaging(ISBI 2023)',
    );
  });

  it.each(['strip', 'rename'] as const)('survives class drift (%s)', (mode) => {
    const drifted = arxivSearch.extract(withClassesDrifted(sharedDocument(SEARCH), mode), URL_);
    expect(drifted.map((c) => [c.paper.id, c.paper.title, c.paper.authors])).toEqual(
      cards.map((c) => [c.paper.id, c.paper.title, c.paper.authors]),
    );
  });
});
