import { describe, expect, it, vi } from 'vitest';
import { arxivList } from '../../lib/sites/arxiv-list';
import { extractPapers } from '../../lib/sites/index';
import type { PaperCard } from '../../lib/sites/types';
import { ARXIV_NEW_CAPTURE_IDS } from '../fixtures/real-captures';
import { documentFrom, hasShared, ownDocument, sharedDocument, withClassesDrifted } from './fixtures';

const NEW = 'arxiv/list-new-cond-mat.mtrl-sci-2026-09-22-excerpt.html';
const NEW_URL = new URL('https://arxiv.org/list/cond-mat.mtrl-sci/new');
const RECENT = 'arxiv/list-recent-cs.CL-2026-07-28.html';
const RECENT_URL = new URL('https://arxiv.org/list/cs.CL/recent');

function byId(cards: PaperCard[], id: string): PaperCard {
  const card = cards.find((c) => c.paper.id === id);
  if (!card) throw new Error(`no card for ${id}`);
  return card;
}

/** Every card's UI anchor is inside its root and outside anything MathJax typesets. */
function expectStableAnchors(cards: PaperCard[]): void {
  for (const card of cards) {
    expect(card.root.tagName).toBe('DD');
    expect(card.root.contains(card.uiAnchor)).toBe(true);
    expect(card.uiAnchor.closest('.mathjax')).toBeNull();
    expect(card.uiAnchor.contains(card.fields.title ?? null)).toBe(true);
  }
}

describe('arxivList.matches', () => {
  it.each([
    'https://arxiv.org/list/cs.CL/new',
    'https://arxiv.org/list/cs.CL/recent',
    'https://arxiv.org/list/cs.CL/pastweek?show=2000',
    'https://arxiv.org/list/hep-th/2026-07',
    'https://arxiv.org/list/hep-th/9901',
    'https://arxiv.org/catchup/cs.CL/2026-07-20',
  ])('accepts %s', (href) => expect(arxivList.matches(new URL(href))).toBe(true));
  it.each([
    'https://arxiv.org/abs/2609.22268',
    'https://arxiv.org/search/?query=x',
    'https://example.org/list/x',
  ])('rejects %s', (href) => expect(arxivList.matches(new URL(href))).toBe(false));
});

describe.skipIf(!hasShared(NEW))('arxivList on the real /new capture', () => {
  const cards = arxivList.extract(sharedDocument(NEW), NEW_URL);

  it('reads the new, cross-list and replacement sections, in order', () => {
    expect(cards.map((c) => c.paper.id)).toEqual(ARXIV_NEW_CAPTURE_IDS);
    expectStableAnchors(cards);
  });

  it('reads a new submission in full, abstract included', () => {
    const { paper } = byId(cards, 'arxiv:2609.22268');
    expect(paper).toMatchObject({
      title: 'Efficient spectral Galerkin framework for nonlinear transient heat transfer in finite domains',
      authors: ['Théo Andrieux', 'Andreas Ntinos', 'Manas V. Upadhyay'],
      url: 'https://arxiv.org/abs/2609.22268',
      pdfUrl: 'https://arxiv.org/pdf/2609.22268',
      source: 'arxiv',
      extras: {
        comments: 'preprint, 30 pages, 1 algorithm, 1 link to source code, 15 figures, 3 tables',
        primarySubject: 'cond-mat.mtrl-sci',
        subjects: ['cond-mat.mtrl-sci'],
      },
    });
    expect(paper.abstract).toMatch(/^Accurately modelling the temporal evolution/);
    expect(paper.abstract).toMatch(/available at this https URL under the Apache 2\.0 license\.$/);
    expect(byId(cards, 'arxiv:2609.22268').fields.abstract?.tagName).toBe('P');
  });

  it('marks a cross-list with where it comes from and its primary subject', () => {
    expect(byId(cards, 'arxiv:2609.22210').paper).toMatchObject({
      title: 'SALSA: Semi-Autonomous Literature Summarization Assistant',
      authors: ['William Schertzer', 'Sonakshi Gupta', 'Rampi Ramprasad'],
      extras: {
        listing: 'cross-list',
        crossListFrom: 'cs.CL',
        primarySubject: 'cs.CL',
        subjects: ['cs.CL', 'cond-mat.mtrl-sci'],
      },
    });
    expect(byId(cards, 'arxiv:2609.22210').paper.extras?.comments).toBeUndefined();
  });

  it('marks a replacement and reads its journal ref and cross subjects', () => {
    expect(byId(cards, 'arxiv:2411.19270').paper).toMatchObject({
      title: "Kirchhoff's analogy for a planar deformable ferromagnetic rod",
      authors: ['G. R. Krishna Chand Avatar', 'Vivekanand Dabade'],
      extras: {
        listing: 'replacement',
        comments: 'Published in Journal of Applied Mechanics (ASME)',
        journalRef: 'Journal of Applied Mechanics 92, no. 8 (2025): 081003',
        primarySubject: 'cond-mat.mtrl-sci',
        subjects: ['cond-mat.mtrl-sci', 'cond-mat.soft', 'math-ph', 'math.AP', 'math.DS'],
      },
    });
  });

  it('keeps affiliations out of author names, and TeX in titles', () => {
    const { paper } = byId(cards, 'arxiv:2512.10786');
    expect(paper.title).toBe(
      'Towards ultra-scaled nanoelectronics using the zipper material system $Bi_2O_2Se/Bi_2SeO_5$',
    );
    expect(paper.authors.slice(0, 3)).toEqual(['Mohammad Rasool Davoudi', 'Mina Bahrami', 'Axel Verdianu']);
    expect(paper.authors.every((name) => !name.includes('Vienna'))).toBe(true);
    expect(paper.extras?.comments).toBeUndefined();
  });

  it('reports no mismatch on a well-formed listing', () => {
    const warn = vi.fn();
    arxivList.extract(sharedDocument(NEW), NEW_URL, warn);
    expect(warn).not.toHaveBeenCalled();
  });

  it.each(['strip', 'rename'] as const)('survives class drift (%s) with every id and title', (mode) => {
    const drifted = arxivList.extract(withClassesDrifted(sharedDocument(NEW), mode), NEW_URL);
    expect(drifted.map((c) => [c.paper.id, c.paper.title])).toEqual(
      cards.map((c) => [c.paper.id, c.paper.title]),
    );
    expect(drifted.map((c) => c.paper.authors)).toEqual(cards.map((c) => c.paper.authors));
  });
});

describe.skipIf(!hasShared(RECENT))('arxivList on the real /recent capture', () => {
  const cards = arxivList.extract(sharedDocument(RECENT), RECENT_URL);

  it('finds all 50 entries across both day sections, without abstracts', () => {
    expect(cards).toHaveLength(50);
    expect(new Set(cards.map((c) => c.paper.id)).size).toBe(50);
    expect(cards[0]?.paper.id).toBe('arxiv:2607.22529');
    expect(cards.every((c) => c.paper.abstract === undefined && c.fields.abstract === undefined)).toBe(true);
    expectStableAnchors(cards);
  });

  it('reads the first entry exactly', () => {
    expect(byId(cards, 'arxiv:2607.22529').paper).toEqual({
      id: 'arxiv:2607.22529',
      title: 'Skill Self-Play: Pushing the Frontier of LLM Capability with Co-Evolving Skills',
      authors: [
        'Siyuan Huang',
        'Pengyu Cheng',
        'Haotian Liu',
        'Tao Chen',
        'Yihao Liu',
        'Jingwei Ni',
        'Shijie Zhou',
        'Ziyi Yang',
        'Gangwei Jiang',
        'Mengyu Zhou',
        'Yu Cheng',
        'Xiaoxi Jiang',
        'Guanjun Jiang',
      ],
      url: 'https://arxiv.org/abs/2607.22529',
      pdfUrl: 'https://arxiv.org/pdf/2607.22529',
      source: 'arxiv',
      extras: { primarySubject: 'cs.CL', subjects: ['cs.CL'] },
    });
  });

  it('reads cross-lists, journal refs and an affiliation after the last author', () => {
    expect(byId(cards, 'arxiv:2607.22513').paper.extras).toMatchObject({
      listing: 'cross-list',
      crossListFrom: 'cs.CY',
      primarySubject: 'cs.CY',
    });
    expect(byId(cards, 'arxiv:2607.22041').paper.extras?.journalRef).toBe('Discover Psychology 2026');
    expect(byId(cards, 'arxiv:2607.22182').paper.authors.at(-1)).toBe('Yanghua Xiao');
  });

  it.each(['strip', 'rename'] as const)('survives class drift (%s)', (mode) => {
    const drifted = arxivList.extract(withClassesDrifted(sharedDocument(RECENT), mode), RECENT_URL);
    expect(drifted.map((c) => [c.paper.id, c.paper.title])).toEqual(
      cards.map((c) => [c.paper.id, c.paper.title]),
    );
  });
});

describe('arxivList pairing', () => {
  const entry = (id: string, title: string) =>
    `<dt><a href="/abs/${id}" title="Abstract">arXiv:${id}</a></dt>` +
    `<dd><div class="meta"><div class="list-title mathjax"><span class="descriptor">Title:</span> ${title}</div></div></dd>`;

  it('never pairs a <dd> with the wrong <dt>, and reports the mismatch', () => {
    const doc = documentFrom(
      `<dl id="articles">${entry('2607.00001', 'One')}<dt><a href="/abs/2607.00002">arXiv:2607.00002</a></dt>${entry('2607.00003', 'Three')}<dd><div>orphan</div></dd></dl>`,
    );
    const warn = vi.fn();
    const cards = arxivList.extract(doc, RECENT_URL, warn);
    expect(cards.map((c) => [c.paper.id, c.paper.title])).toEqual([
      ['arxiv:2607.00001', 'One'],
      ['arxiv:2607.00003', 'Three'],
    ]);
    expect(warn).toHaveBeenCalledWith('list 1: 3 <dt> but 3 <dd>; 2 left unpaired');
  });

  it('surfaces the mismatch in the registry result', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const doc = documentFrom(
      `<dl>${entry('2607.00001', 'One')}<dt><a href="/abs/2607.00002">x</a></dt></dl>`,
    );
    const result = extractPapers(doc, RECENT_URL).find((r) => r.adapter === 'arxiv-list');
    expect(result?.cards).toHaveLength(1);
    expect(result?.warnings).toEqual(['list 1: 2 <dt> but 1 <dd>; 1 left unpaired']);
  });

  it('reads titles back as TeX after MathJax 2 typesets them, and ignores its own UI', () => {
    const doc = documentFrom(`<dl>${entry('2607.00001', 'Placeholder')}</dl>`);
    const title = doc.querySelector('.list-title');
    if (!title) throw new Error('fixture');
    title.innerHTML =
      '<span class="descriptor">Title:</span> Phonons in <span class="MathJax_Preview" style="color: inherit;"></span>' +
      '<span class="MathJax" id="MathJax-Element-1-Frame" role="presentation"><nobr><span class="math"><span class="mrow">' +
      '<span class="mi">B</span><span class="mi">i</span><span class="mn">2</span></span></span></nobr></span>' +
      '<script type="math/tex" id="MathJax-Element-1">Bi_2</script> films';
    doc.querySelector('.meta')?.insertAdjacentHTML('afterbegin', '<span data-paperlight-ui>Save</span>');
    const [card] = arxivList.extract(doc, RECENT_URL);
    expect(card?.paper.title).toBe('Phonons in $Bi_2$ films');
  });

  it('reads MathJax 3 output through its assistive MathML', () => {
    const doc = documentFrom(`<dl>${entry('2607.00001', 'Placeholder')}</dl>`);
    const title = doc.querySelector('.list-title');
    if (!title) throw new Error('fixture');
    title.innerHTML =
      '<span class="descriptor">Title:</span> Phonons in <mjx-container class="MathJax CtxtMenu_Attached_0" jax="CHTML">' +
      '<mjx-math class="MJX-TEX"><mjx-mi><mjx-c class="mjx-c1D435"></mjx-c></mjx-mi></mjx-math>' +
      '<mjx-assistive-mml><math><msub><mi>Bi</mi><mn>2</mn></msub></math></mjx-assistive-mml></mjx-container> films';
    expect(arxivList.extract(doc, RECENT_URL)[0]?.paper.title).toBe('Phonons in Bi2 films');
  });
});

describe('arxivList on our old-style monthly listing (/list/hep-th/9901)', () => {
  const url = new URL('https://arxiv.org/list/hep-th/9901?skip=0&show=25');
  const cards = arxivList.extract(ownDocument('arxiv-list-hep-th-9901.html'), url);

  it('reads old-style ids, subject classes kept in capitals', () => {
    expect(cards.map((c) => c.paper.id)).toEqual([
      'arxiv:hep-th/9901001',
      'arxiv:hep-th/9901002',
      'arxiv:math.GT/9901003',
      'arxiv:hep-th/9901004',
    ]);
    expect(byId(cards, 'arxiv:math.GT/9901003').paper).toMatchObject({
      url: 'https://arxiv.org/abs/math.GT/9901003',
      pdfUrl: 'https://arxiv.org/pdf/math.GT/9901003',
      extras: { listing: 'cross-list', crossListFrom: 'math.GT', primarySubject: 'math.GT' },
    });
  });

  it('reads an entry exactly: journal ref, TeX title', () => {
    expect(byId(cards, 'arxiv:hep-th/9901001').paper).toEqual({
      id: 'arxiv:hep-th/9901001',
      title: 'Quantum corrections to the $N=2$ prepotential from D-instantons',
      authors: ['A. Sen', 'B. Zwiebach'],
      url: 'https://arxiv.org/abs/hep-th/9901001',
      pdfUrl: 'https://arxiv.org/pdf/hep-th/9901001',
      source: 'arxiv',
      extras: {
        comments: '24 pages, LaTeX, 3 figures',
        journalRef: 'Nucl.Phys. B548 (1999) 123-150',
        primarySubject: 'hep-th',
        subjects: ['hep-th'],
      },
    });
  });

  it('keeps an author without a link, with the affiliations removed, and strips the version', () => {
    expect(byId(cards, 'arxiv:hep-th/9901004').paper).toMatchObject({
      title: 'Supersymmetry in $d=11$: a pedagogical review',
      authors: ['P. Ramond', 'J. Doe'],
      url: 'https://arxiv.org/abs/hep-th/9901004',
    });
  });

  it('decodes entities in titles', () => {
    expect(byId(cards, 'arxiv:hep-th/9901002').paper.title).toBe(
      'Boundary states & open strings in curved backgrounds',
    );
  });
});
