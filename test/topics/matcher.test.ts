import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CompileOptions,
  compileTopics,
  describeTerm,
  type MatchableTopic,
  termKey,
} from '../../lib/topics/matcher';
import { referenceMatches } from './reference-matcher';

function found(terms: string[], text: string, options?: CompileOptions): string[] {
  return compileTopics([{ id: 't', terms }], options)
    .matches(text)
    .map((match) => text.slice(match.start, match.end));
}

describe('matching rules', () => {
  it('is case-insensitive and whole-word', () => {
    expect(found(['BERT'], 'bert, BERT and Bert; not RoBERTa or BERTology')).toEqual([
      'bert',
      'BERT',
      'Bert',
    ]);
  });

  it('lets spaces and hyphens stand between the words of a term', () => {
    expect(found(['KV cache'], 'KV-cache, kv  cache, KV – cache, KV\n   cache, KVcache')).toEqual([
      'KV-cache',
      'kv  cache',
      'KV – cache',
      'KV\n   cache',
    ]);
    expect(found(['key-value cache'], 'a key value cache')).toEqual(['key value cache']);
  });

  it('accepts a trailing plural s or es', () => {
    expect(found(['KV cache', 'bus'], 'KV caches and buses, not KV cachesx or busy')).toEqual([
      'KV caches',
      'buses',
    ]);
  });

  it('treats metacharacters as literal text', () => {
    expect(found(['C++', '(a|b)', '.*', 'a\\b'], 'C++11 and (a|b) and a or b; .* and a\\b and ab')).toEqual([
      'C++',
      '(a|b)',
      '.*',
      'a\\b',
    ]);
  });

  it('keeps accents significant and combining accents inside the word', () => {
    expect(found(['café'], 'CAFÉ, cafe, café')).toEqual(['CAFÉ', 'café']);
    expect(found(['cafe'], 'cafe\u0301 and cafe')).toEqual(['cafe']);
  });

  it('folds Greek, including final sigma', () => {
    expect(found(['λόγος'], 'ΛΌΓΟΣ λόγος λόγοσ')).toEqual(['ΛΌΓΟΣ', 'λόγος', 'λόγοσ']);
  });

  it('finds CJK terms inside unspaced text, and Latin terms next to CJK', () => {
    expect(found(['注意力'], '自注意力机制和注意力')).toEqual(['注意力', '注意力']);
    expect(found(['KV'], 'KV缓存 and KVs but not KVX')).toEqual(['KV', 'KVs']);
  });

  it('runs /regex/ terms as written, guarded', () => {
    const compiled = compileTopics([{ id: 't', terms: ['/\\bLL[a-z]?M\\b/', '/(a+)+$/', '/x*/'] }]);
    expect(compiled.matches('LLM, LLaM, LLMs, llm').map((m) => m.start)).toEqual([0, 5]);
    expect(compiled.problems).toEqual([
      expect.objectContaining({
        termIndex: 1,
        severity: 'error',
        message: expect.stringMatching(/nested quantifiers/),
      }),
    ]);
    expect(compiled.matches('xx yy')).toEqual([{ start: 0, end: 2, topicId: 't' }]);
  });

  it('keeps one topic’s matches apart (leftmost, longest) but lets topics overlap', () => {
    const compiled = compileTopics([
      { id: 'cache', terms: ['cache', 'KV cache'] },
      { id: 'memory', terms: ['cache memory'] },
    ]);
    expect(compiled.matches('the KV cache memory')).toEqual([
      { start: 4, end: 12, topicId: 'cache' },
      { start: 7, end: 19, topicId: 'memory' },
    ]);
  });

  it('never matches disabled topics, and says which topics are in a text', () => {
    const compiled = compileTopics([
      { id: 'a', terms: ['alpha'], enabled: true },
      { id: 'b', terms: ['beta'], enabled: false },
      { id: 'c', terms: ['gamma'] },
    ]);
    expect(compiled.topicIds).toEqual(['a', 'c']);
    expect([...compiled.topicIdsIn('alpha beta gamma')]).toEqual(['a', 'c']);
    expect(compiled.topicIdsIn('beta').size).toBe(0);
  });
});

describe('bad input', () => {
  it('ignores empty, blank and duplicate terms with a note', () => {
    const compiled = compileTopics([
      { id: 't', terms: ['', '   ', ' - ', 'RAG', 'rag', 'R A G', '/x/', '/x/'] },
    ]);
    expect(compiled.problems.map((p) => [p.termIndex, p.severity, p.message])).toEqual([
      [0, 'note', 'empty term: ignored'],
      [1, 'note', 'empty term: ignored'],
      [2, 'note', 'only spaces and hyphens: ignored'],
      [4, 'note', 'duplicate term: ignored'],
      [7, 'note', 'duplicate term: ignored'],
    ]);
    expect(compiled.matches('RAG rag').length).toBe(2);
  });

  it('gives duplicate terms the same key', () => {
    expect(termKey('KV cache')).toBe(termKey(' kv–CACHE '));
    expect(termKey('ΛΌΓΟΣ')).toBe(termKey('λόγος'));
    expect(termKey('/a|b/ig')).toBe(termKey('/a|b/gi'));
    expect(termKey('KV cache')).not.toBe(termKey('KVcache'));
    expect(termKey('/a/')).not.toBe(termKey('/a/i'));
  });

  it('reports a duplicate topic id and an all-empty topic without crashing', () => {
    const compiled = compileTopics([
      { id: 'x', terms: ['one'] },
      { id: 'x', terms: ['two'] },
      { id: 'empty', terms: [] },
    ]);
    expect(compiled.problems).toEqual([
      expect.objectContaining({ topicId: 'x', termIndex: -1, severity: 'error' }),
    ]);
    expect(compiled.topicIds).toEqual(['x']);
    expect(compiled.matches('one two')).toEqual([{ start: 0, end: 3, topicId: 'x' }]);
    expect(compileTopics([]).isEmpty).toBe(true);
  });

  it('handles a 10,000-character term', () => {
    const term = `${Array.from({ length: 3000 }, (_, i) => `w${i % 97}`).join(' ')}`
      .slice(0, 9_999)
      .concat('z');
    const text = `before ${term.toUpperCase().replace(/ /g, '-')} after`;
    expect(term.length).toBe(10_000);
    const matches = compileTopics([{ id: 'long', terms: [term] }]).matches(text);
    expect(matches).toEqual([{ start: 7, end: 7 + term.length, topicId: 'long' }]);
  });

  it('handles 1,000 topics (how fast: see bench/highlight.bench.ts)', () => {
    const topics: MatchableTopic[] = Array.from({ length: 1000 }, (_, i) => ({
      id: `topic-${i}`,
      terms: [`term${i}`, `shared phrase ${i % 10}`, `/topic${i}x/`],
    }));
    const compiled = compileTopics(topics);
    const ids = compiled.topicIdsIn('we study term999 and a shared-phrase 3 and topic5x');
    expect(ids.has('topic-999')).toBe(true);
    expect(ids.has('topic-5')).toBe(true);
    expect(ids.has('topic-3') && ids.has('topic-13') && ids.has('topic-993')).toBe(true);
    expect(ids.size).toBe(1 + 100 + 1);
  });

  it('refuses /(a+)+$/ without running it', () => {
    const compiled = compileTopics([{ id: 't', terms: ['/(a+)+$/'] }]);
    expect(compiled.isEmpty).toBe(true);
    expect(compiled.problems[0]?.message).toMatch(/nested quantifiers/);
    expect(compiled.matches(`${'a'.repeat(50)}!`)).toEqual([]);
    expect(describeTerm('/(a+)+$/')?.severity).toBe('error');
    expect(describeTerm('KV cache')).toBeUndefined();
    expect(describeTerm(' ')?.severity).toBe('note');
  });

  it('stops a regex term that has used up its time budget, and reports it', () => {
    const compiled = compileTopics([{ id: 't', terms: ['/a.*z/'] }], { regexBudgetMs: 0 });
    expect(compiled.matches('a b z')).toHaveLength(1);
    expect(compiled.matches('a b z')).toHaveLength(0);
    expect(compiled.problems[0]?.message).toMatch(/stopped/);
  });
});

// Pieces that exercise every rule: separators, plurals, metacharacters, accents, Greek, CJK.
const WORDS = [
  'kv',
  'KV',
  'cache',
  'Cache',
  'c',
  'es',
  's',
  'C++',
  '(a|b)',
  '.*',
  '\\',
  'é',
  'e\u0301',
  'Σ',
  'σ',
  'ς',
  'λόγος',
  '注意',
  '力',
  'x1',
  '_',
];
const GLUE = [' ', '  ', '-', '–', '\n', ',', '.', '', 's', 'es', '🙂'];

const termArbitrary = fc
  .tuple(
    fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }),
    fc.constantFrom(' ', '-', ' - ', ''),
  )
  .map(([words, joiner]) => words.join(joiner));
const textArbitrary = fc
  .array(fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...GLUE)), { maxLength: 40 })
  .map((pieces) => pieces.join(''));
const topicsArbitrary = fc.array(
  fc.record({
    id: fc.constantFrom('a', 'b', 'c'),
    terms: fc.array(termArbitrary, { minLength: 1, maxLength: 4 }),
    enabled: fc.boolean(),
  }),
  { minLength: 1, maxLength: 3 },
);

describe('against the reference implementation', () => {
  for (const automaton of ['dense', 'sparse'] as const) {
    it(`agrees on random texts and terms (${automaton} automaton)`, () => {
      fc.assert(
        fc.property(topicsArbitrary, textArbitrary, (topics, text) => {
          const compiled = compileTopics(topics, { automaton });
          const expected = referenceMatches(topics, text);
          expect(compiled.matches(text)).toEqual(expected);
          expect([...compiled.topicIdsIn(text)].sort()).toEqual(
            [...new Set(expected.map((m) => m.topicId))].sort(),
          );
        }),
        { numRuns: 600 },
      );
    });
  }

  it('matches several texts in one call as it matches each alone', () => {
    fc.assert(
      fc.property(topicsArbitrary, fc.array(textArbitrary, { maxLength: 4 }), (topics, texts) => {
        const compiled = compileTopics(topics);
        expect(compiled.matchesEach(texts)).toEqual(texts.map((text) => referenceMatches(topics, text)));
        const withRegex = compileTopics([...topics, { id: 'r', terms: ['/c\\+\\+|ca[a-z]*/i'] }]);
        expect(withRegex.matchesEach(texts)).toEqual(texts.map((text) => withRegex.matches(text)));
      }),
      { numRuns: 300 },
    );
  });
});
