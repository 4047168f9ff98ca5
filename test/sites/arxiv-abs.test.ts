import { describe, expect, it } from 'vitest';
import { arxivAbs, paperRefFromPageUrl } from '../../lib/sites/arxiv-abs';
import { arxivList } from '../../lib/sites/arxiv-list';
import { huggingface } from '../../lib/sites/huggingface';
import { hasShared, sharedDocument, withClassesDrifted } from './fixtures';

const ABS = 'arxiv/abs-2609.22268-2026-09-excerpt.html';
const ABS_URL = new URL('https://arxiv.org/abs/2609.22268');

describe.skipIf(!hasShared(ABS))('arxivAbs on the real abstract page', () => {
  const cards = arxivAbs.extract(sharedDocument(ABS), ABS_URL);

  it('yields the page paper from its citation meta tags, rooted at #abs', () => {
    expect(cards).toHaveLength(1);
    const [card] = cards;
    expect(card?.root.id).toBe('abs');
    expect(card?.uiAnchor).toBe(card?.root);
    expect(card?.uiPlacement).toBe('before');
    expect(card?.fields.title?.tagName).toBe('H1');
    expect(card?.fields.abstract?.tagName).toBe('BLOCKQUOTE');
    expect(card?.paper).toMatchObject({
      id: 'arxiv:2609.22268',
      title: 'Efficient spectral Galerkin framework for nonlinear transient heat transfer in finite domains',
      authors: ['Théo Andrieux', 'Andreas Ntinos', 'Manas V. Upadhyay'],
      url: 'https://arxiv.org/abs/2609.22268',
      pdfUrl: 'https://arxiv.org/pdf/2609.22268',
      published: '2026-09-09',
      source: 'arxiv',
      extras: {
        comments: 'preprint, 30 pages, 1 algorithm, 1 link to source code, 15 figures, 3 tables',
        primarySubject: 'cond-mat.mtrl-sci',
        subjects: ['cond-mat.mtrl-sci'],
      },
    });
    expect(card?.paper.abstract).toMatch(/^Accurately modelling .* under the Apache 2\.0 license\.$/);
  });

  it('gives the same id and title as the /new listing entry of the same paper', () => {
    const listing = arxivList.extract(
      sharedDocument('arxiv/list-new-cond-mat.mtrl-sci-2026-09-22-excerpt.html'),
      new URL('https://arxiv.org/list/cond-mat.mtrl-sci/new'),
    );
    const entry = listing.find((c) => c.paper.id === cards[0]?.paper.id);
    expect(entry?.paper.title).toBe(cards[0]?.paper.title);
    expect(entry?.paper.authors).toEqual(cards[0]?.paper.authors);
  });

  it.each(['strip', 'rename'] as const)('survives class drift (%s)', (mode) => {
    const [drifted] = arxivAbs.extract(withClassesDrifted(sharedDocument(ABS), mode), ABS_URL);
    expect(drifted?.paper).toEqual(cards[0]?.paper);
  });
});

describe('paperRefFromPageUrl', () => {
  it.each([
    ['https://arxiv.org/abs/2609.22268v2', 'arxiv:2609.22268'],
    ['https://arxiv.org/pdf/2609.22268v1', 'arxiv:2609.22268'],
    ['https://arxiv.org/html/2609.22268v1', 'arxiv:2609.22268'],
    ['https://arxiv.org/pdf/hep-th/9901001v2', 'arxiv:hep-th/9901001'],
  ])('%s → %s', (href, id) => {
    const ref = paperRefFromPageUrl(href);
    expect(ref?.id).toBe(id);
    expect(ref?.url).toBe(`https://arxiv.org/abs/${id.slice('arxiv:'.length)}`);
  });

  it('knows nothing of other pages', () => {
    expect(paperRefFromPageUrl('https://arxiv.org/list/cs.CL/new')).toBeUndefined();
    expect(paperRefFromPageUrl('https://huggingface.co/papers/2609.22268')).toBeUndefined();
    expect(paperRefFromPageUrl('not a url')).toBeUndefined();
  });
});

describe('one canonical id across sites', () => {
  it('names the same paper the same on HF and arXiv, versions stripped', () => {
    const hf = new DOMParser().parseFromString(
      '<article><h3><a href="/papers/2609.22268">Efficient spectral Galerkin</a></h3></article>',
      'text/html',
    );
    const [card] = huggingface.extract(hf, new URL('https://huggingface.co/papers'));
    expect(card?.paper.id).toBe('arxiv:2609.22268');
    expect(paperRefFromPageUrl('https://arxiv.org/abs/2609.22268v3')?.id).toBe(card?.paper.id);
  });
});
