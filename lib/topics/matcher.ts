/**
 * Topic matching: finds where enabled topics' terms occur in a string.
 *
 * API
 *   compileTopics(topics: readonly MatchableTopic[], options?: CompileOptions): CompiledTopics
 *   compiled.matches(text): TopicMatch[]     { start, end, topicId }, sorted by start (then longest)
 *   compiled.matchesEach(texts): TopicMatch[][]   the same for several texts at once (a card's fields)
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
  foldingSources,
  foldText,
  foldUnit,
  isWordBoundary,
  SEPARATOR_RUN,
  SEPARATOR_UNITS,
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
  /** `matches` of each text, in one pass: cheaper than a call per text (see `LiteralAutomaton.scan`). */
  matchesEach(texts: readonly string[]): TopicMatch[][];
  topicIdsIn(text: string): Set<string>;
}

const SEP_CLASS = 1;
const FIRST_LETTER_CLASS = 2;
/** Dense transition tables up to this many entries (4 bytes each). */
const DENSE_TABLE_LIMIT = 4_000_000;
/**
 * Joins the texts of one scan: NUL, which no one types in a term (a term holding it never matches).
 * Not a noncharacter such as U+FFFF: minifiers write such a character out, and Chrome refuses to
 * load a content script holding one (it does not count as UTF-8 there).
 */
const TEXT_BREAK = '\0';
/** The root of the dense automaton (row 0 is unused: see `buildDense`). */
const ROOT = 1;
const LETTER_S = 0x73;
const LETTER_E = 0x65;

interface LiteralPattern {
  /** Its symbol classes in the automaton: one per character, and one per separator run. */
  path: number[];
  plural: boolean;
  topicIndexes: number[];
}

type FoundMatch = [start: number, end: number, topicIndex: number];

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
  | ({ kind: 'literal' } & LiteralTerm);

/** A literal term read: its words folded, whether a plural may follow, and its key (`termKey`). */
interface LiteralTerm {
  foldedWords: string[];
  plural: boolean;
  key: string;
}

function literalWords(term: string): string[] {
  return term
    .normalize('NFC')
    .split(SEPARATOR_RUN)
    .filter((word) => word !== '');
}

function literalKey(foldedWords: readonly string[]): string {
  return foldedWords.join(' ');
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
  return regexTerm
    ? regexKey(regexTerm.pattern, regexTerm.flags)
    : literalKey(literalWords(term).map(foldText));
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
  const foldedWords = words.map(foldText);
  return {
    kind: 'literal',
    foldedWords,
    plural: acceptsPlural(words[words.length - 1] ?? ''),
    key: literalKey(foldedWords),
  };
}

/** Why a single term would be ignored or refused; `undefined` when it is fine. For live validation. */
export function describeTerm(term: string): { severity: 'error' | 'note'; message: string } | undefined {
  const read = readTerm(term);
  return read.kind === 'problem' ? { severity: read.severity, message: read.message } : undefined;
}

class LiteralAutomaton {
  readonly classOf = new Uint16Array(65536);
  readonly patterns: LiteralPattern[] = [];
  private readonly byKey = new Map<string, number>();
  /** The folded characters of the terms, in the order their classes were given. */
  private readonly foldedUnits: number[] = [];
  private nextClass = FIRST_LETTER_CLASS;
  // Filled by `finish`, per state (numbered breadth first, so the busy shallow states share rows).
  private patternAt = new Int32Array(0);
  private fail = new Int32Array(0);
  private outLink = new Int32Array(0);
  private nextOut = new Int32Array(0);
  /**
   * The dense automaton: a row of `width` entries per state, one per symbol class. An entry is the
   * next state's row offset, or its complement (`~`) when the next state has an output, so the scan
   * loop makes one test per character; 0 until first needed (see `resolve`).
   */
  private dense: Int32Array | undefined;
  private width = 0;
  /** The sparse automaton: the trie's edges per state. */
  private children: Map<number, number>[] = [];

  /** Adds a literal term for a topic (the caller drops a topic's duplicate terms). */
  add({ foldedWords, plural, key }: LiteralTerm, topicIndex: number): void {
    const existing = this.byKey.get(key);
    if (existing !== undefined) {
      (this.patterns[existing] as LiteralPattern).topicIndexes.push(topicIndex);
      return;
    }
    // Until `finish`, `classOf` holds only the folded characters' classes.
    const classOf = this.classOf;
    const path: number[] = [];
    foldedWords.forEach((word, index) => {
      if (index > 0) path.push(SEP_CLASS);
      for (let i = 0; i < word.length; i++) {
        const unit = word.charCodeAt(i);
        let symbol = classOf[unit] as number;
        if (symbol === 0) {
          symbol = this.nextClass++;
          classOf[unit] = symbol;
          this.foldedUnits.push(unit);
        }
        path.push(symbol);
      }
    });
    this.byKey.set(key, this.patterns.length);
    this.patterns.push({ path, plural, topicIndexes: [topicIndex] });
  }

  finish(representation: 'auto' | 'dense' | 'sparse'): void {
    // Every code unit that folds to a folded character of the terms gets its class.
    for (const [unit, folded] of foldingSources(this.foldedUnits)) {
      this.classOf[unit] = this.classOf[folded] as number;
    }
    for (const unit of SEPARATOR_UNITS) this.classOf[unit] = SEP_CLASS;
    this.classOf[TEXT_BREAK.charCodeAt(0)] = 0;

    let maxStates = 1;
    for (const pattern of this.patterns) maxStates += pattern.path.length;
    const width = this.nextClass;
    const useDense =
      representation === 'dense' || (representation === 'auto' && maxStates * width <= DENSE_TABLE_LIMIT);
    if (useDense) this.buildDense(maxStates, width);
    else this.buildSparse();
  }

  /**
   * The trie and its fail links, in a table whose other entries are filled in as the scan meets
   * them: a full table costs a pass over every state and symbol (hundreds of thousands of entries for
   * 1,000 terms) before the first character, where a page visits a few thousand of them. A state
   * entered by a separator loops on separators, so a run of them is one symbol, as in the terms.
   * Row 0 is unused, so that 0 can mean "not filled in yet" and the fresh, zeroed table needs no pass.
   */
  private buildDense(maxStates: number, width: number): void {
    const rows = maxStates + 1;
    const table = new Int32Array(rows * width);
    const patternAt = new Int32Array(rows).fill(-1);
    const parent = new Int32Array(rows);
    const symbolOf = new Int32Array(rows);
    // Level by level, so states are numbered breadth first; while the trie is built an entry is a
    // child's state number. `alive` holds the patterns longer than the level, `at` where each is.
    const alive = Int32Array.from(this.patterns.keys());
    const at = new Int32Array(alive.length).fill(ROOT);
    let states = ROOT + 1;
    for (let depth = 0, count = alive.length; count > 0; depth++) {
      let kept = 0;
      for (let k = 0; k < count; k++) {
        const index = alive[k] as number;
        const path = (this.patterns[index] as LiteralPattern).path;
        const symbol = path[depth] as number;
        const cell = (at[k] as number) * width + symbol;
        let child = table[cell] as number;
        if (child === 0) {
          child = states++;
          table[cell] = child;
          parent[child] = at[k] as number;
          symbolOf[child] = symbol;
        }
        if (depth === path.length - 1) {
          patternAt[child] = index;
        } else {
          alive[kept] = index;
          at[kept] = child;
          kept++;
        }
      }
      count = kept;
    }
    const fail = new Int32Array(states);
    const outLink = new Int32Array(states).fill(-1);
    const nextOut = new Int32Array(states).fill(-1);
    this.dense = table;
    this.width = width;
    this.patternAt = patternAt.subarray(0, states);
    this.fail = fail;
    this.outLink = outLink;
    this.nextOut = nextOut;
    // The root's missing transitions stay at the root; its edges are rewritten below.
    for (let cell = ROOT * width; cell < (ROOT + 1) * width; cell++) {
      if (table[cell] === 0) table[cell] = ROOT * width;
    }
    for (let state = ROOT + 1; state < states; state++) {
      const from = parent[state] as number;
      const symbol = symbolOf[state] as number;
      let target = ROOT;
      if (from !== ROOT) {
        const cell = (fail[from] as number) * width + symbol;
        let entry = table[cell] as number;
        if (entry === 0) entry = this.resolve(cell);
        target = (entry < 0 ? ~entry : entry) / width;
      }
      fail[state] = target;
      const targetOut = outLink[target] as number;
      nextOut[state] = targetOut;
      const out = (patternAt[state] as number) >= 0 ? state : targetOut;
      outLink[state] = out;
      table[from * width + symbol] = out >= 0 ? ~(state * width) : state * width;
      if (symbol === SEP_CLASS) table[state * width + SEP_CLASS] = state * width;
    }
  }

  /**
   * The entry at `cell` (a state's row offset plus a symbol), filled in: a state without an edge for
   * the symbol goes where its fail state goes. Every state on the way gets the answer too.
   */
  private resolve(cell: number): number {
    const table = this.dense as Int32Array;
    const width = this.width;
    const symbol = cell % width;
    let state = (cell - symbol) / width;
    let entry = table[cell] as number;
    while (entry === 0) {
      state = this.fail[state] as number;
      entry = table[state * width + symbol] as number;
    }
    for (let on = (cell - symbol) / width; on !== state; on = this.fail[on] as number) {
      table[on * width + symbol] = entry;
    }
    return entry;
  }

  /** The trie as one map of edges per state, for alphabets too large for a table per state. */
  private buildSparse(): void {
    const children: Map<number, number>[] = [new Map()];
    const patternAt: number[] = [-1];
    for (const [index, pattern] of this.patterns.entries()) {
      let state = 0;
      for (const symbol of pattern.path) {
        const edges = children[state] as Map<number, number>;
        let child = edges.get(symbol);
        if (child === undefined) {
          child = children.length;
          children.push(new Map());
          patternAt.push(-1);
          edges.set(symbol, child);
        }
        state = child;
      }
      patternAt[state] = index;
    }
    const count = children.length;
    const fail = new Int32Array(count);
    const outLink = new Int32Array(count).fill(-1);
    const nextOut = new Int32Array(count).fill(-1);
    const order: number[] = [0];
    for (let head = 0; head < order.length; head++) {
      const state = order[head] as number;
      for (const [symbol, child] of children[state] as Map<number, number>) {
        let target = 0;
        if (state !== 0) {
          let fallback = fail[state] as number;
          while (fallback !== 0 && !(children[fallback] as Map<number, number>).has(symbol)) {
            fallback = fail[fallback] as number;
          }
          target = (children[fallback] as Map<number, number>).get(symbol) ?? 0;
        }
        fail[child] = target;
        nextOut[child] = outLink[target] as number;
        outLink[child] = (patternAt[child] as number) >= 0 ? child : (outLink[target] as number);
        order.push(child);
      }
    }
    this.children = children;
    this.fail = fail;
    this.outLink = outLink;
    this.nextOut = nextOut;
    this.patternAt = Int32Array.from(patternAt);
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
    let state = ROOT * this.width;
    for (let i = 0, length = text.length; i < length; i++) {
      const cell = state + (classOf[text.charCodeAt(i)] as number);
      let next = table[cell] as number;
      if (next <= 0) {
        if (next === 0) next = this.resolve(cell);
        if (next < 0) {
          state = ~next;
          this.report(text, i + 1, this.outLink[state / this.width] as number, sink);
          continue;
        }
      }
      state = next;
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
      const start = this.startOf(text, end, pattern.path.length);
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
        automaton.add(read, topicIndex);
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

  /** Per topic: leftmost first, then longest, dropping what overlaps a kept match; then in text order. */
  const keepPerTopic = (found: FoundMatch[] | undefined): TopicMatch[] => {
    if (found === undefined) return [];
    if (found.length > 1) found.sort((a, b) => a[2] - b[2] || a[0] - b[0] || b[1] - a[1]);
    const kept: FoundMatch[] = [];
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
    if (kept.length > 1) kept.sort((a, b) => a[0] - b[0] || b[1] - a[1] || a[2] - b[2]);
    return kept.map(([start, end, index]) => ({ start, end, topicId: topicIds[index] as string }));
  };

  const matchesEach = (texts: readonly string[]): TopicMatch[][] => {
    const found: (FoundMatch[] | undefined)[] = [];
    const add = (textIndex: number, start: number, end: number, topicIndexes: readonly number[]) => {
      let list = found[textIndex];
      if (list === undefined) {
        list = [];
        found[textIndex] = list;
      }
      for (const topicIndex of topicIndexes) list.push([start, end, topicIndex]);
    };
    if (!automaton.isEmpty) {
      // One scan over the texts joined: the joined copy is a plain string, which the scan loop reads
      // faster than the page's own texts (DOM strings): 1-5 ms less on a 2,000-entry listing.
      // The break between texts is in no term, so no match crosses it, and it is a word boundary.
      let textIndex = 0;
      let offset = 0;
      automaton.scan(texts.join(TEXT_BREAK), (start, end, topicIndexes) => {
        while (start > offset + (texts[textIndex] as string).length) {
          offset += (texts[textIndex] as string).length + 1;
          textIndex++;
        }
        add(textIndex, start - offset, end - offset, topicIndexes);
      });
    }
    if (regexTerms.length > 0) {
      texts.forEach((text, textIndex) => {
        runRegexes(text, (start, end, topicIndexes) => add(textIndex, start, end, topicIndexes));
      });
    }
    return texts.map((_, index) => keepPerTopic(found[index]));
  };

  return {
    topicIds,
    problems,
    isEmpty: automaton.isEmpty && regexTerms.length === 0,
    matchesEach,

    matches(text: string): TopicMatch[] {
      return matchesEach([text])[0] as TopicMatch[];
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
