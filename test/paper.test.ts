import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalIdFromArxivId,
  canonicalIdFromDoi,
  canonicalIdFromText,
  canonicalIdFromUrl,
} from '../lib/paper';
import { PaperSchema } from '../lib/paper-schema';

const newStyleId = fc
  .tuple(fc.integer({ min: 7, max: 30 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 99999 }))
  .map(([yy, mm, n]) => {
    const digits = yy >= 15 ? 5 : 4;
    return `${String(yy).padStart(2, '0')}${String(mm).padStart(2, '0')}.${String(n % 10 ** digits).padStart(digits, '0')}`;
  });
const oldStyleId = fc
  .tuple(
    fc.constantFrom('hep-th', 'math', 'cond-mat', 'astro-ph', 'quant-ph', 'math.GT', 'cs.AI', 'physics'),
    fc.integer({ min: 0, max: 9_999_999 }),
  )
  .map(([archive, n]) => `${archive}/${String(n).padStart(7, '0')}`);
const arxivId = fc.oneof(newStyleId, oldStyleId);
const version = fc.option(
  fc.integer({ min: 1, max: 30 }).map((v) => `v${v}`),
  { nil: '' },
);

describe('canonical arXiv ids', () => {
  it.each([
    ['2509.02560', 'arxiv:2509.02560'],
    ['2509.02560v3', 'arxiv:2509.02560'],
    ['arXiv:2509.02560', 'arxiv:2509.02560'],
    ['0704.0001', 'arxiv:0704.0001'],
    ['hep-th/9901001v2', 'arxiv:hep-th/9901001'],
    ['math.GT/0309136', 'arxiv:math.GT/0309136'],
    ['MATH.gt/0309136', 'arxiv:math.GT/0309136'],
  ])('%s → %s', (raw, id) => {
    expect(canonicalIdFromArxivId(raw)).toBe(id);
  });

  it.each(['', 'hello', '2509.025', '12345.6789', 'hep-th/99010', '2509.02560v'])('rejects %j', (raw) => {
    expect(canonicalIdFromArxivId(raw)).toBeUndefined();
  });

  it.each([
    ['https://arxiv.org/abs/2509.02560', 'arxiv:2509.02560'],
    ['https://arxiv.org/abs/2509.02560v2', 'arxiv:2509.02560'],
    ['https://arxiv.org/pdf/2509.02560v2', 'arxiv:2509.02560'],
    ['https://arxiv.org/pdf/2509.02560v2.pdf', 'arxiv:2509.02560'],
    ['https://arxiv.org/html/2509.02560v1/', 'arxiv:2509.02560'],
    ['https://export.arxiv.org/abs/hep-th/9901001v1', 'arxiv:hep-th/9901001'],
    ['/abs/math.GT/0309136', 'arxiv:math.GT/0309136'],
    ['https://huggingface.co/papers/2509.02560', 'arxiv:2509.02560'],
    ['https://huggingface.co/papers/2509.02560?x=1#y', 'arxiv:2509.02560'],
    ['https://doi.org/10.1145/ABC.123', 'doi:10.1145/abc.123'],
    ['https://doi.org/10.48550/arXiv.2509.02560', 'arxiv:2509.02560'],
    ['https://openreview.net/forum?id=AbC_123', 'openreview:AbC_123'],
  ])('%s → %s', (href, id) => {
    expect(canonicalIdFromUrl(href, 'https://arxiv.org/list/cs.CL/new')).toBe(id);
  });

  it.each([
    'https://arxiv.org/list/cs.CL/new',
    'https://huggingface.co/papers',
    'https://huggingface.co/papers/date/2026-09-28',
    'https://example.com/abs/2509.02560',
    'not a url at all \u0000',
    'https://arxiv.org/abs/foo%zz?x=1',
    'https://huggingface.co/papers/%E0%A4%A',
  ])('gives no id for %s', (href) => {
    expect(canonicalIdFromUrl(href)).toBeUndefined();
  });

  it('finds an id in free text', () => {
    expect(canonicalIdFromText('arXiv:2509.02560v2 [cs.CV] 3 Sep 2025')).toBe('arxiv:2509.02560');
    expect(canonicalIdFromText('see hep-th/9901001 for details')).toBe('arxiv:hep-th/9901001');
    expect(canonicalIdFromText('version 12509.025601 is not an id')).toBeUndefined();
  });

  it('normalises DOIs', () => {
    expect(canonicalIdFromDoi('doi:10.1000/XYZ')).toBe('doi:10.1000/xyz');
    expect(canonicalIdFromDoi('10.48550/ARXIV.hep-th/9901001')).toBe('arxiv:hep-th/9901001');
    expect(canonicalIdFromDoi('11.1000/xyz')).toBeUndefined();
  });

  it('every form of one id, with any version, is one canonical id (property)', () => {
    fc.assert(
      fc.property(arxivId, version, (id, v) => {
        const expected = canonicalIdFromArxivId(id);
        expect(expected).toBeDefined();
        for (const form of [`${id}${v}`, `arXiv:${id}${v}`, `arxiv:${id}${v}`]) {
          expect(canonicalIdFromArxivId(form)).toBe(expected);
        }
        for (const url of [
          `https://arxiv.org/abs/${id}${v}`,
          `https://arxiv.org/pdf/${id}${v}`,
          `https://arxiv.org/pdf/${id}${v}.pdf`,
          `https://arxiv.org/html/${id}${v}`,
          `https://huggingface.co/papers/${id}${v}`,
        ]) {
          if (url.includes('huggingface') && id.includes('/')) continue; // HF has no old-style papers
          expect(canonicalIdFromUrl(url)).toBe(expected);
        }
        expect(canonicalIdFromText(`see arXiv:${id}${v}, then`)).toBe(expected);
        expect(expected).not.toMatch(/v\d+$/);
      }),
    );
  });
});

describe('Paper schema', () => {
  it('accepts a minimal paper and defaults its authors', () => {
    const paper = PaperSchema.parse({ id: 'arxiv:2509.02560', title: 'T', source: 'arxiv' });
    expect(paper.authors).toEqual([]);
  });

  it('refuses a paper without id or title', () => {
    expect(PaperSchema.safeParse({ title: 'T', source: 'arxiv' }).success).toBe(false);
    expect(PaperSchema.safeParse({ id: 'arxiv:1', title: '', source: 'arxiv' }).success).toBe(false);
  });
});
