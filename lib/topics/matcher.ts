/**
 * Topic matching: finds where enabled topics' terms occur in a string.
 *
 * API
 *   compileTopics(topics: readonly MatchableTopic[], options?: CompileOptions): CompiledTopics
 *   compiled.matches(text): TopicMatch[]     { start, end, topicId }, sorted by start (then longest)
 *   compiled.topicIdsIn(text): Set<string>   cheaper: only which topics occur
 *   compiled.problems: TermProblem[]         per topic/term, for the options editor (errors and notes)
 *   compiled.topicIds: string[]              the enabled topics that can match, in the given order
 *   describeTerm(term): { severity, message } | undefined   live validation of one term
 *   termKey(term): string                    equal keys = duplicate terms within a topic
 *
 * Matching rules
 * - Case-insensitive (Unicode lower case per character, and `ς` = `σ`). Accents are significant:
 *   “cafe” does not find “café”. Terms are NFC-normalised; the page's text is compared as written.
 * - Whole words only: a match must start and end at a word boundary. Word characters are letters,
 *   combining marks, digits and `_`; a boundary is any place where one side is not a word character.
 *   So `C++` finds “C++” in “C++11” (its end is not a word character) but `BERT` skips “RoBERTa”.
 * - Scripts written without spaces (Chinese, Japanese, Thai, Lao, Khmer, Myanmar): every position
 *   next to one of their characters is a boundary, so “注意力” is found inside “自注意力机制”, and
 *   “KV” in “KV缓存”. Korean uses spaces and follows the normal rule.
 * - A term's words are what is left between runs of spaces and hyphens (`-`, U+2010–U+2013); in the
 *   text any run of those (at least one) may stand between them: “KV cache” finds “KV-cache”,
 *   “kv  cache”, “KV – cache”, and a line break. “KV cache” does not find “KVcache”.
 * - A trailing plural `s` or `es` is accepted after a term ending in a letter: “KV cache” finds “KV caches”.
 * - A term written `/pattern/flags` is a regular expression, checked by regex-guard.ts before it
 *   runs; it matches as written (no implicit whole-word rule or case-insensitivity: add `\b`, `i`).
 *   Everything else is literal text: `C++`, `(a|b)`, `\`, `.*` mean those characters.
 * - Empty and blank terms, and a term repeated in the same topic, are ignored with a note.
 *   Disabled topics never match.
 *
 * Overlaps: within one topic, matches never overlap (leftmost first, then longest: with terms
 * “cache” and “KV cache”, the text “KV cache” gives one match). Different topics may overlap, and
 * each keeps its matches: the highlighter paints them in topic order.
 *
 * How: one Aho–Corasick automaton over all literal terms, run over the text's case-folded code
 * units with separator runs collapsed into one symbol; a dense transition table when it fits in
 * a few megabytes, a sparse one otherwise. Boundaries and plurals are checked only where a term ends.
 * Cost: linear in the text, nearly flat in the number of terms.
 */

import { guardRegex, parseRegexTerm } from './regex-guard';
import {
  acceptsPlural,
  foldText,
  foldUnit,
  isWordBoundary,
  SEPARATOR_RUN,
  SEPARATOR_UNITS,
  unitsFoldingInto,
} from './text-classes';
import type { Topic } from './topic';

/** The parts of a topic matching reads; a full `Topic` fits. */
export type MatchableTopic = Pick<Topic, 'id' | 'terms'> & { enabled?: boolean };

export interface TopicMatch {
  start: number;
  end: number;
  topicId: string;
}

export interface TermProblem {
  topicId: string;
  /** Index in the topic's `terms`, or -1 for a problem with the topic as a whole. */
  termIndex: number;
  term: string;
  /** `error`: the term does nothing until fixed. `note`: ignored, but harmless (empty, duplicate). */
  severity: 'error' | 'note';
  message: string;
}

export interface CompileOptions {
  /** Force the automaton's representation (tests); `auto` picks the dense table when it is small. */
  automaton?: 'auto' | 'dense' | 'sparse';
  /** A regex term that has spent this long in total is stopped and reported. Default 500 ms. */
  regexBudgetMs?: number;
}

export interface CompiledTopics {
  readonly topicIds: readonly string[];
  readonly problems: readonly TermProblem[];
  /** True when nothing can match (no enabled topic with a usable term). */
  readonly isEmpty: boolean;
  matches(text: string): TopicMatch[];
  topicIdsIn(text: string): Set<string>;
}

const SEP_CLASS = 1;
const FIRST_LETTER_CLASS = 2;
/** Dense transition tables up to this many entries (4 bytes each). */
const DENSE_TABLE_LIMIT = 4_000_000;
const LETTER_S = 0x73;
const LETTER_E = 0x65;

interface LiteralPattern {
  /** Symbols in the automaton: characters plus one per separator run. */
  symbols: number;
  plural: boolean;
  topicIndexes: number[];
}

interface RegexTerm {
  regex: RegExp;
  topicIndex: number;
  termIndex: number;
  term: string;
  spentMs: number;
  stopped: boolean;
}

/** Receives each whole-word match: `[start, end)` in the text and the topics of its term. */
type MatchSink = (start: number, end: number, topicIndexes: readonly number[]) => void;

type ReadTerm =
  | { kind: 'problem'; severity: TermProblem['severity']; message: string }
  | { kind: 'regex'; regex: RegExp; key: string }
  | { kind: 'literal'; words: string[]; key: string };

function literalWords(term: string): string[] {
  return term
    .normalize('NFC')
    .split(SEPARATOR_RUN)
    .filter((word) => word !== '');
}

function literalKey(words: string[]): string {
  return words.map(foldText).join(' ');
}

function regexKey(pattern: string, flags: string): string {
  return `/${pattern}/${[...flags].sort().join('')}`;
}

/**
 * Two terms of a topic with the same key are the same term (the second is ignored): literal terms
 * alike up to case and separator runs, patterns alike up to the order of their flags.
 */
export function termKey(term: string): string {
  const regexTerm = parseRegexTerm(term);
  return regexTerm ? regexKey(regexTerm.pattern, regexTerm.flags) : literalKey(literalWords(term));
}

/** What a term is: a guarded regex, literal words, or a problem. `key` identifies duplicates. */
function readTerm(term: string): ReadTerm {
  if (term.trim() === '') return { kind: 'problem', severity: 'note', message: 'empty term: ignored' };
  const regexTerm = parseRegexTerm(term);
  if (regexTerm) {
    const guarded = guardRegex(regexTerm.pattern, regexTerm.flags);
    if (!guarded.ok) return { kind: 'problem', severity: 'error', message: guarded.message };
    return { kind: 'regex', regex: guarded.regex, key: regexKey(regexTerm.pattern, regexTerm.flags) };
  }
  const words = literalWords(term);
  if (words.length === 0)
    return { kind: 'problem', severity: 'note', message: 'only spaces and hyphens: ignored' };
  return { kind: 'literal', words, key: literalKey(words) };
}

/** Why a single term would be ignored or refused; `undefined` when it is fine. For live validation. */
export function describeTerm(term: string): { severity: 'error' | 'note'; message: string } | undefined {
  const read = readTerm(term);
  return read.kind === 'problem' ? { severity: read.severity, message: read.message } : undefined;
}

class LiteralAutomaton {
  readonly classOf = new Uint16Array(65536);
  readonly patterns: LiteralPattern[] = [];
  private readonly children: Map<number, number>[] = [new Map()];
  private readonly patternAt: number[] = [-1];
  private readonly byKey = new Map<string, number>();
  private readonly symbolOfFolded = new Map<number, number>();
  private nextClass = FIRST_LETTER_CLASS;
  // Filled by `finish`.
  private fail = new Int32Array(0);
  private outLink = new Int32Array(0);
  private nextOut = new Int32Array(0);
  private dense: Int32Array | undefined;
  private rowWidth = 0;

  /** Adds a term's words for a topic (the caller drops a topic's duplicate terms). */
  add(words: string[], topicIndex: number): void {
    const foldedWords = words.map(foldText);
    const key = foldedWords.join(' ');
    const existing = this.byKey.get(key);
    if (existing !== undefined) {
      (this.patterns[existing] as LiteralPattern).topicIndexes.push(topicIndex);
      return;
    }
    let node = 0;
    let symbols = 0;
    const step = (symbol: number) => {
      const children = this.children[node] as Map<number, number>;
      let child = children.get(symbol);
      if (child === undefined) {
        child = this.children.length;
        this.children.push(new Map());
        this.patternAt.push(-1);
        children.set(symbol, child);
      }
      node = child;
      symbols++;
    };
    foldedWords.forEach((word, index) => {
      if (index > 0) step(SEP_CLASS);
      for (let i = 0; i < word.length; i++) {
        const unit = word.charCodeAt(i);
        let symbol = this.symbolOfFolded.get(unit);
        if (symbol === undefined) {
          symbol = this.nextClass++;
          this.symbolOfFolded.set(unit, symbol);
        }
        step(symbol);
      }
    });
    const patternIndex = this.patterns.length;
    this.patterns.push({
      symbols,
      plural: acceptsPlural(words[words.length - 1] ?? ''),
      topicIndexes: [topicIndex],
    });
    this.patternAt[node] = patternIndex;
    this.byKey.set(key, patternIndex);
  }

  finish(representation: 'auto' | 'dense' | 'sparse'): void {
    // Each folded character of the terms, and every code unit that folds to it, gets its class.
    for (const [folded, symbol] of this.symbolOfFolded) {
      this.classOf[folded] = symbol;
      for (const unit of unitsFoldingInto(folded)) this.classOf[unit] = symbol;
    }
    for (const unit of SEPARATOR_UNITS) this.classOf[unit] = SEP_CLASS;

    const count = this.children.length;
    this.fail = new Int32Array(count);
    this.outLink = new Int32Array(count).fill(-1);
    this.nextOut = new Int32Array(count).fill(-1);
    const order: number[] = [0];
    for (let head = 0; head < order.length; head++) {
      const node = order[head] as number;
      for (const [symbol, child] of this.children[node] as Map<number, number>) {
        let target = 0;
        if (node !== 0) {
          let fallback = this.fail[node] as number;
          while (fallback !== 0 && !(this.children[fallback] as Map<number, number>).has(symbol)) {
            fallback = this.fail[fallback] as number;
          }
          target = (this.children[fallback] as Map<number, number>).get(symbol) ?? 0;
        }
        this.fail[child] = target;
        this.nextOut[child] = this.outLink[target] as number;
        this.outLink[child] =
          (this.patternAt[child] as number) >= 0 ? child : (this.outLink[target] as number);
        order.push(child);
      }
    }

    const width = this.nextClass + 1;
    const useDense =
      representation === 'dense' || (representation === 'auto' && count * width <= DENSE_TABLE_LIMIT);
    if (!useDense) return;
    // Row per state: `nextClass` transitions (already multiplied by the width), then the output link.
    const table = new Int32Array(count * width);
    for (const node of order) {
      const row = node * width;
      if (node !== 0) {
        const failRow = (this.fail[node] as number) * width;
        table.copyWithin(row, failRow, failRow + width - 1);
      }
      for (const [symbol, child] of this.children[node] as Map<number, number>)
        table[row + symbol] = child * width;
      table[row + width - 1] = this.outLink[node] as number;
    }
    this.dense = table;
    this.rowWidth = width;
  }

  get isEmpty(): boolean {
    return this.patterns.length === 0;
  }

  scan(text: string, sink: MatchSink): void {
    if (this.dense) this.scanDense(text, this.dense, sink);
    else this.scanSparse(text, sink);
  }

  private scanDense(text: string, table: Int32Array, sink: MatchSink): void {
    const classOf = this.classOf;
    const outColumn = this.rowWidth - 1;
    let state = 0;
    let afterSeparator = false;
    for (let i = 0, length = text.length; i < length; i++) {
      const symbol = classOf[text.charCodeAt(i)] as number;
      if (symbol === SEP_CLASS) {
        if (afterSeparator) continue;
        afterSeparator = true;
      } else {
        afterSeparator = false;
      }
      state = table[state + symbol] as number;
      const out = table[state + outColumn] as number;
      if (out >= 0) this.report(text, i + 1, out, sink);
    }
  }

  private scanSparse(text: string, sink: MatchSink): void {
    const classOf = this.classOf;
    const children = this.children;
    const fail = this.fail;
    let state = 0;
    let afterSeparator = false;
    for (let i = 0, length = text.length; i < length; i++) {
      const symbol = classOf[text.charCodeAt(i)] as number;
      if (symbol === SEP_CLASS) {
        if (afterSeparator) continue;
        afterSeparator = true;
      } else {
        afterSeparator = false;
      }
      if (symbol === 0) {
        state = 0;
        continue;
      }
      for (;;) {
        const next = (children[state] as Map<number, number>).get(symbol);
        if (next !== undefined) {
          state = next;
          break;
        }
        if (state === 0) break;
        state = fail[state] as number;
      }
      const out = this.outLink[state] as number;
      if (out >= 0) this.report(text, i + 1, out, sink);
    }
  }

  /** A term's symbols end at `end`: find where it starts, then check boundaries and a plural. */
  private report(text: string, end: number, firstOut: number, sink: MatchSink): void {
    for (let node = firstOut; node >= 0; node = this.nextOut[node] as number) {
      const pattern = this.patterns[this.patternAt[node] as number] as LiteralPattern;
      const start = this.startOf(text, end, pattern.symbols);
      if (!isWordBoundary(text, start)) continue;
      let matchEnd = -1;
      if (pattern.plural) matchEnd = this.pluralEnd(text, end);
      if (matchEnd < 0 && isWordBoundary(text, end)) matchEnd = end;
      if (matchEnd >= 0) sink(start, matchEnd, pattern.topicIndexes);
    }
  }

  /** Walks back `symbols` symbols from `end`: a run of separators is one symbol, as in the scan. */
  private startOf(text: string, end: number, symbols: number): number {
    let index = end;
    for (let remaining = symbols; remaining > 0; remaining--) {
      index--;
      if (this.classOf[text.charCodeAt(index)] === SEP_CLASS) {
        while (index > 0 && this.classOf[text.charCodeAt(index - 1)] === SEP_CLASS) index--;
      }
    }
    return index;
  }

  private pluralEnd(text: string, end: number): number {
    const next = foldUnit(text.charCodeAt(end));
    if (
      next === LETTER_E &&
      foldUnit(text.charCodeAt(end + 1)) === LETTER_S &&
      isWordBoundary(text, end + 2)
    ) {
      return end + 2;
    }
    if (next === LETTER_S && isWordBoundary(text, end + 1)) return end + 1;
    return -1;
  }
}

export function compileTopics(
  topics: readonly MatchableTopic[],
  options: CompileOptions = {},
): CompiledTopics {
  const problems: TermProblem[] = [];
  const topicIds: string[] = [];
  const automaton = new LiteralAutomaton();
  const regexTerms: RegexTerm[] = [];
  const seenIds = new Set<string>();
  const regexBudgetMs = options.regexBudgetMs ?? 500;

  for (const topic of topics) {
    if (seenIds.has(topic.id)) {
      problems.push({
        topicId: topic.id,
        termIndex: -1,
        term: '',
        severity: 'error',
        message: `another topic already has the id “${topic.id}”: this one is ignored`,
      });
      continue;
    }
    seenIds.add(topic.id);
    const topicIndex = topicIds.length;
    const seenTerms = new Set<string>();
    let usable = 0;
    for (const [termIndex, term] of topic.terms.entries()) {
      const read = readTerm(term);
      const duplicate = read.kind !== 'problem' && seenTerms.has(read.key);
      if (read.kind === 'problem' || duplicate) {
        const { severity, message } =
          read.kind === 'problem' ? read : { severity: 'note' as const, message: 'duplicate term: ignored' };
        problems.push({ topicId: topic.id, termIndex, term, severity, message });
        continue;
      }
      seenTerms.add(read.key);
      if (topic.enabled === false) continue;
      if (read.kind === 'regex') {
        regexTerms.push({ regex: read.regex, topicIndex, termIndex, term, spentMs: 0, stopped: false });
      } else {
        automaton.add(read.words, topicIndex);
      }
      usable++;
    }
    // Indexes are handed out in order; a topic that adds nothing leaves its index to the next one.
    if (topic.enabled !== false && usable > 0) topicIds.push(topic.id);
  }
  automaton.finish(options.automaton ?? 'auto');

  const runRegexes = (text: string, sink: MatchSink): void => {
    for (const entry of regexTerms) {
      if (entry.stopped) continue;
      const started = performance.now();
      const { regex } = entry;
      regex.lastIndex = 0;
      const topicIndexes = [entry.topicIndex];
      for (let found = regex.exec(text); found; found = regex.exec(text)) {
        if (found[0] === '') {
          // An empty match highlights nothing; step over it (a whole code point in unicode mode).
          const code = text.codePointAt(regex.lastIndex) ?? 0;
          regex.lastIndex += regex.unicode || regex.unicodeSets ? (code > 0xffff ? 2 : 1) : 1;
          continue;
        }
        sink(found.index, found.index + found[0].length, topicIndexes);
      }
      entry.spentMs += performance.now() - started;
      if (entry.spentMs > regexBudgetMs) {
        entry.stopped = true;
        problems.push({
          topicId: topicIds[entry.topicIndex] ?? '',
          termIndex: entry.termIndex,
          term: entry.term,
          severity: 'error',
          message: `stopped: this regular expression took over ${regexBudgetMs} ms on this page; simplify it`,
        });
      }
    }
  };

  return {
    topicIds,
    problems,
    isEmpty: automaton.isEmpty && regexTerms.length === 0,

    matches(text: string): TopicMatch[] {
      const found: [start: number, end: number, topicIndex: number][] = [];
      const sink: MatchSink = (start, end, topicIndexes) => {
        for (const topicIndex of topicIndexes) found.push([start, end, topicIndex]);
      };
      if (!automaton.isEmpty) automaton.scan(text, sink);
      if (regexTerms.length > 0) runRegexes(text, sink);
      if (found.length === 0) return [];
      // Per topic: leftmost first, then longest, dropping what overlaps a kept match.
      found.sort((a, b) => a[2] - b[2] || a[0] - b[0] || b[1] - a[1]);
      const kept: typeof found = [];
      let topicIndex = -1;
      let keptEnd = 0;
      for (const match of found) {
        if (match[2] !== topicIndex) {
          topicIndex = match[2];
          keptEnd = 0;
        }
        if (match[0] < keptEnd) continue;
        kept.push(match);
        keptEnd = match[1];
      }
      kept.sort((a, b) => a[0] - b[0] || b[1] - a[1] || a[2] - b[2]);
      return kept.map(([start, end, index]) => ({ start, end, topicId: topicIds[index] as string }));
    },

    topicIdsIn(text: string): Set<string> {
      const present = new Set<string>();
      const sink: MatchSink = (_start, _end, topicIndexes) => {
        for (const topicIndex of topicIndexes) present.add(topicIds[topicIndex] as string);
      };
      if (!automaton.isEmpty) automaton.scan(text, sink);
      if (regexTerms.length > 0) runRegexes(text, sink);
      return present;
    },
  };
}
