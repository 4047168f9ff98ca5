import { describe, expect, it } from 'vitest';
import { guardRegex, parseRegexTerm } from '../../lib/topics/regex-guard';

function refusal(pattern: string, flags = ''): string {
  const result = guardRegex(pattern, flags);
  if (result.ok) throw new Error(`expected /${pattern}/ to be refused`);
  return result.message;
}

describe('parseRegexTerm', () => {
  it('reads /pattern/ and /pattern/flags', () => {
    expect(parseRegexTerm('/kv[- ]cache/')).toEqual({ pattern: 'kv[- ]cache', flags: '' });
    expect(parseRegexTerm(' /a|b/iu ')).toEqual({ pattern: 'a|b', flags: 'iu' });
  });

  it('leaves literal text alone, including slashes that are not a regex', () => {
    expect(parseRegexTerm('C++')).toBeUndefined();
    expect(parseRegexTerm('/usr/bin')).toBeUndefined();
    expect(parseRegexTerm('//')).toBeUndefined();
    expect(parseRegexTerm('a/b/')).toBeUndefined();
  });
});

describe('guardRegex', () => {
  it.each([
    ['transformers?', 'i'],
    ['\\bKV[- ]?cache\\b', 'i'],
    ['[a-z]+ing', ''],
    ['\\d+\\.\\d+', ''],
    ['(foo|bar)+', ''],
    ['(?:x|y)*z', ''],
    ['a.*b', ''],
    ['(?<=\\s)large language models?', 'i'],
    ['\\p{Script=Greek}+', 'u'],
    ['[\\p{L}--[a-z]]', 'v'],
  ])('accepts /%s/%s and runs it globally', (pattern, flags) => {
    const result = guardRegex(pattern, flags);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.regex.flags).toContain('g');
      expect(result.regex.source).toBe(new RegExp(pattern, flags).source);
    }
  });

  it('keeps the case sensitivity the user wrote, drops sticky', () => {
    const plain = guardRegex('BERT');
    const sticky = guardRegex('BERT', 'iy');
    expect(plain.ok && plain.regex.flags).toBe('g');
    expect(sticky.ok && sticky.regex.flags).toBe('gi');
  });

  it.each([
    ['(a+)+$', /nested quantifiers/],
    ['(a*)*', /nested quantifiers/],
    ['(\\w+\\s?)*$', /nested quantifiers/],
    ['(a?a)+b', /nested quantifiers/],
    ['((ab)*c)+', /nested quantifiers/],
    ['(a|ab)*c', /alternatives/],
    ['(\\w|\\d)+$', /alternatives/],
    ['\\d+\\d+', /unbounded quantifiers/],
    ['.*.*=', /unbounded quantifiers/],
    ['\\w+\\s*\\w+x', /unbounded quantifiers/],
    ['(\\d+)(\\d+)', /unbounded quantifiers/],
    ['(a)\\1', /backreferences/],
    ['(?<x>a)\\k<x>', /backreferences/],
    ['a{2000}', /above 1000/],
    ['(', /invalid regular expression/],
    ['[z-a]', /invalid regular expression/],
  ])('refuses /%s/ with a clear message', (pattern, message) => {
    expect(refusal(pattern)).toMatch(message);
  });

  it('treats case-insensitive literals as overlapping alternatives', () => {
    expect(guardRegex('(a|A)+$').ok).toBe(true);
    expect(guardRegex('(a|A)+$', 'i').ok).toBe(false);
    expect(guardRegex('(a|B)+$').ok).toBe(true);
    expect(guardRegex('(a|B)+$', 'i').ok).toBe(true);
    expect(guardRegex('(a|[A-C])+$', 'i').ok).toBe(false);
  });

  it('refuses a repeated flag', () => {
    expect(refusal('a', 'ii')).toMatch(/repeated flag/);
  });

  it('refuses the classic catastrophic patterns statically, without running them on text', () => {
    for (const pattern of ['(a+)+$', '(x+x+)+y', '(.*a){12}', '^(([a-z])+.)+[A-Z]([a-z])+$']) {
      expect(guardRegex(pattern).ok).toBe(false);
    }
  });
});
