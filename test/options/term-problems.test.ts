import { describe, expect, it } from 'vitest';
import { readTerms } from '../../entrypoints/options/term-problems';

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
