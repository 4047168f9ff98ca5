import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTerms } from '../../entrypoints/options/term-problems';
import { compileTopics } from '../../lib/topics/matcher';

describe('term problems', () => {
  it('is silent about plain terms, blank lines and literal metacharacters', () => {
    expect(readTerms('KV cache\n\n  \nC++\n(a|b)\n.*\n\\').problems).toEqual([]);
  });

  it('notes repeats (up to case and separators), as the matcher ignores them', () => {
    expect(readTerms('KV cache\nkv-cache\n KV  CACHE \n---').problems).toEqual([
      { line: 2, term: 'kv-cache', severity: 'note', message: 'duplicate term: ignored' },
      { line: 3, term: 'KV  CACHE', severity: 'note', message: 'duplicate term: ignored' },
      { line: 4, term: '---', severity: 'note', message: 'only spaces and hyphens: ignored' },
    ]);
  });

  it('refuses invalid and catastrophic patterns, accepts safe ones', () => {
    const { problems } = readTerms('/kv[- ]?cache/i\n/foo(/\n/(a+)+$/\n/\\bRAG\\b/');
    expect(problems.map((p) => [p.line, p.severity])).toEqual([
      [2, 'error'],
      [3, 'error'],
    ]);
    expect(problems[0]?.message).toMatch(/^not used: invalid regular expression/);
    expect(problems[1]?.message).toMatch(/^not used: nested quantifiers/);
  });

  it('copes with a 10,000-character term', () => {
    expect(readTerms(`/${'a'.repeat(10_000)}/\n${'b '.repeat(5_000)}`).problems).toEqual([]);
  });
});

describe('terms from lines', () => {
  it('trims, drops blanks and what the matcher would ignore, keeps refused patterns to fix', () => {
    expect(
      readTerms(' KV cache \n\nkv-cache\nKV  Cache\n - \nkey-value cache\n/KV/\n/KV/\n/kv/\n/(a+)+$/\n')
        .terms,
    ).toEqual(['KV cache', 'key-value cache', '/KV/', '/kv/', '/(a+)+$/']);
  });
});

describe('agreement with the matcher', () => {
  // Words built from what tends to collide: case, separators, accents, plurals, regex syntax.
  const piece = fc.constantFrom(
    'KV',
    'kv',
    'Kv',
    'cache',
    'CACHES',
    'café',
    'cafe',
    'Σ',
    'ς',
    'σ',
    'İ',
    'i',
    'C++',
  );
  const separator = fc.constantFrom(' ', '-', '  ', '\u2013', ' - ', '\t');
  const literal = fc
    .tuple(piece, fc.array(fc.tuple(separator, piece), { maxLength: 2 }))
    .map(([first, rest]) => first + rest.map(([sep, word]) => sep + word).join(''));
  const pattern = fc.tuple(
    fc.constantFrom('kv', '\\bkv\\b', '(a+)+$', 'kv('),
    fc.constantFrom('', 'i', 'iu', 'ui'),
  );
  const term = fc.oneof(
    literal,
    pattern.map(([body, flags]) => `/${body}/${flags}`),
    fc.constantFrom('-', ' - '),
  );

  it('keeps exactly the lines the matcher does not ignore', () => {
    fc.assert(
      fc.property(fc.array(term, { maxLength: 8 }), (lines) => {
        const ignoredByMatcher = new Set(
          compileTopics([{ id: 't', terms: lines }])
            .problems.filter((p) => p.severity === 'note')
            .map((p) => p.termIndex),
        );
        const { problems } = readTerms(lines.join('\n'));
        const ignoredHere = new Set(problems.filter((p) => p.severity === 'note').map((p) => p.line - 1));
        expect([...ignoredHere].sort()).toEqual([...ignoredByMatcher].sort());
        const refusedByMatcher = compileTopics([{ id: 't', terms: lines }])
          .problems.filter((p) => p.severity === 'error')
          .map((p) => p.termIndex);
        expect(problems.filter((p) => p.severity === 'error').map((p) => p.line - 1)).toEqual(
          refusedByMatcher,
        );
      }),
      { numRuns: 500 },
    );
  });
});
