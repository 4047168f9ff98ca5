import { describe, expect, it } from 'vitest';
import { termProblems } from '../../entrypoints/options/term-problems';

describe('term problems', () => {
  it('is silent about plain terms, blank lines and literal metacharacters', () => {
    expect(termProblems('KV cache\n\n  \nC++\n(a|b)\n.*\n\\')).toEqual([]);
  });

  it('notes repeats with the line they repeat', () => {
    expect(termProblems('KV cache\nkv-cache\n KV  CACHE ')).toEqual([
      { line: 2, term: 'kv-cache', severity: 'note', message: 'same as line 1; ignored' },
      { line: 3, term: 'KV  CACHE', severity: 'note', message: 'same as line 1; ignored' },
    ]);
  });

  it('refuses invalid and catastrophic patterns, accepts safe ones', () => {
    const problems = termProblems('/kv[- ]?cache/i\n/foo(/\n/(a+)+$/\n/\\bRAG\\b/');
    expect(problems.map((p) => [p.line, p.severity])).toEqual([
      [2, 'error'],
      [3, 'error'],
    ]);
    expect(problems[0]?.message).toMatch(/^not used: invalid regular expression/);
    expect(problems[1]?.message).toMatch(/^not used: nested quantifiers/);
  });

  it('says when a slash-wrapped term is literal text because its flags are not flags', () => {
    expect(termProblems('/RAG/x')).toEqual([
      expect.objectContaining({ line: 1, severity: 'note', message: expect.stringMatching(/literal text/) }),
    ]);
  });

  it('stays fast on a 10,000-character term', () => {
    const started = performance.now();
    expect(termProblems(`/${'a'.repeat(10_000)}/\n${'b'.repeat(10_000)}`)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
