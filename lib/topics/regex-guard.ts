/**
 * The regex guard: a user's `/pattern/flags` term is compiled only after a static check says it
 * cannot backtrack catastrophically. API:
 *
 *   parseRegexTerm(term: string): { pattern: string; flags: string } | undefined
 *     `undefined` when the term is literal text (it must look like `/…/` with valid flags).
 *   guardRegex(pattern: string, flags?: string): { ok: true; regex: RegExp } | { ok: false; message: string }
 *     `regex` always has the `g` flag (never `y`); the user's other flags are kept (no `i`: case-sensitive).
 *
 * The check is conservative (it may refuse a safe pattern; the message says what to change):
 * - invalid syntax: the engine's own message;
 * - backreferences (`\1`, `\k<name>`): refused, they make matching exponential in the worst case;
 * - nested quantifiers: a repeat (`*`, `+`, `{n,m}` with m > 1) whose operand holds a quantifier
 *   of variable count (`(a+)+`, `(\w+\s?)*`, `(a?a)*`);
 * - overlapping alternatives under a repeat: `(a|ab)*`, `(\w|\d)+` (branches that can start alike);
 * - adjacent overlapping unbounded quantifiers, with only optional items between them: `\d+\d+`,
 *   `.*.*`, `\w+\s*\w+` (polynomial backtracking, cubic over a page of text);
 * - repeat counts above 1,000.
 * Quadratic patterns such as `.*x` remain possible; the matcher also stops a regex term that has
 * spent too long in total and reports it (see matcher.ts).
 */

export type GuardResult = { ok: true; regex: RegExp } | { ok: false; message: string };

const REGEX_TERM = /^\/(.+)\/([dgimsuvy]*)$/s;
const MAX_REPEAT_COUNT = 1000;

/** The pattern and flags of a term written as `/pattern/flags`, or `undefined` for literal text. */
export function parseRegexTerm(term: string): { pattern: string; flags: string } | undefined {
  const match = REGEX_TERM.exec(term.trim());
  if (!match) return undefined;
  return { pattern: match[1] ?? '', flags: match[2] ?? '' };
}

export function guardRegex(pattern: string, flags = ''): GuardResult {
  if (new Set(flags).size !== flags.length) return { ok: false, message: `repeated flag in “${flags}”` };
  const runFlags = `${flags.replace(/[gy]/g, '')}g`;
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, runFlags);
  } catch (error) {
    return { ok: false, message: `invalid regular expression: ${(error as Error).message}` };
  }
  try {
    const parser = new PatternParser(pattern, flags);
    analyse(parser.parse());
  } catch (error) {
    if (error instanceof GuardError) return { ok: false, message: error.message };
    throw error;
  }
  return { ok: true, regex };
}

class GuardError extends Error {}

// ---- Character sets: sorted, disjoint [lo, hi] code point ranges ----

type CharSet = readonly (readonly [number, number])[];
const MAX_CODE_POINT = 0x10ffff;
const EMPTY: CharSet = [];
const ANY: CharSet = [[0, MAX_CODE_POINT]];

function normalise(ranges: (readonly [number, number])[]): CharSet {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = merged[merged.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else merged.push([lo, hi]);
  }
  return merged;
}

function union(...sets: CharSet[]): CharSet {
  return normalise(sets.flat());
}

function complement(set: CharSet): CharSet {
  const result: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of set) {
    if (lo > next) result.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CODE_POINT) result.push([next, MAX_CODE_POINT]);
  return result;
}

function intersects(a: CharSet, b: CharSet): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [aLo, aHi] = a[i] as readonly [number, number];
    const [bLo, bHi] = b[j] as readonly [number, number];
    if (aLo <= bHi && bLo <= aHi) return true;
    if (aHi < bHi) i++;
    else j++;
  }
  return false;
}

const DIGIT: CharSet = [[0x30, 0x39]];
// `_`, digits, letters, and the two non-ASCII characters `\w` matches under `iu` (ſ, K).
const WORD: CharSet = normalise([
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
  [0x17f, 0x17f],
  [0x212a, 0x212a],
]);
const SPACE: CharSet = normalise(
  Array.from('\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff', (c) => {
    const code = c.codePointAt(0) ?? 0;
    return [code, code] as const;
  }).concat([[0x2000, 0x200a]]),
);

// ---- Syntax tree: just enough of JavaScript's regex grammar to judge backtracking ----

type Node =
  | { kind: 'chars'; set: CharSet }
  | { kind: 'assertion' }
  | { kind: 'lookaround'; body: Node }
  | { kind: 'group'; body: Node }
  | { kind: 'alternation'; branches: Node[] }
  | { kind: 'sequence'; items: Node[] }
  | { kind: 'repeat'; body: Node; min: number; max: number };

class PatternParser {
  private position = 0;
  private readonly ignoreCase: boolean;
  private readonly unicodeSets: boolean;

  constructor(
    private readonly source: string,
    flags: string,
  ) {
    this.ignoreCase = flags.includes('i');
    this.unicodeSets = flags.includes('v');
  }

  parse(): Node {
    const node = this.alternation();
    if (this.position < this.source.length) throw new GuardError('unbalanced parenthesis');
    return node;
  }

  private peek(offset = 0): string {
    return this.source[this.position + offset] ?? '';
  }

  private alternation(): Node {
    const branches = [this.sequence()];
    while (this.peek() === '|') {
      this.position++;
      branches.push(this.sequence());
    }
    return branches.length === 1 ? (branches[0] as Node) : { kind: 'alternation', branches };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.position < this.source.length && this.peek() !== '|' && this.peek() !== ')') {
      items.push(this.quantified(this.atom()));
    }
    return { kind: 'sequence', items };
  }

  private quantified(atom: Node): Node {
    let min: number;
    let max: number;
    const char = this.peek();
    if (char === '*' || char === '+' || char === '?') {
      this.position++;
      [min, max] = char === '*' ? [0, Infinity] : char === '+' ? [1, Infinity] : [0, 1];
    } else if (char === '{') {
      const braces = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.position));
      if (!braces) return atom;
      this.position += braces[0].length;
      min = Number(braces[1]);
      max = braces[2] === undefined ? min : braces[3] ? Number(braces[3]) : Infinity;
      if (min > MAX_REPEAT_COUNT || (max !== Infinity && max > MAX_REPEAT_COUNT)) {
        throw new GuardError(`repeat count ${braces[0]} is above ${MAX_REPEAT_COUNT}`);
      }
    } else {
      return atom;
    }
    if (this.peek() === '?') this.position++;
    return this.quantified({ kind: 'repeat', body: atom, min, max });
  }

  private atom(): Node {
    const char = this.peek();
    this.position++;
    switch (char) {
      case '(':
        return this.group();
      case '[':
        return { kind: 'chars', set: this.characterClass() };
      case '\\':
        return this.escape(false);
      case '.':
        return { kind: 'chars', set: ANY };
      case '^':
      case '$':
        return { kind: 'assertion' };
      default: {
        const code = this.source.codePointAt(this.position - 1) ?? 0;
        if (code > 0xffff) this.position++;
        return { kind: 'chars', set: this.literal(code) };
      }
    }
  }

  private group(): Node {
    let lookaround = false;
    if (this.peek() === '?') {
      const head = /^\?(?::|=|!|<=|<!|<[^>]+>|[ims-]+:)/.exec(this.source.slice(this.position));
      if (!head) throw new GuardError('unknown group syntax');
      lookaround = /^\?(=|!|<=|<!)$/.test(head[0]);
      this.position += head[0].length;
    }
    const body = this.alternation();
    if (this.peek() !== ')') throw new GuardError('unbalanced parenthesis');
    this.position++;
    return lookaround ? { kind: 'lookaround', body } : { kind: 'group', body };
  }

  private literal(code: number): CharSet {
    if (!this.ignoreCase) return [[code, code]];
    const char = String.fromCodePoint(code);
    const variants = [char, char.toLowerCase(), char.toUpperCase()].map((c) => c.codePointAt(0) ?? code);
    return normalise(variants.map((c) => [c, c] as const));
  }

  /** After `\`. Inside a class, `\b` is a backspace and assertions do not exist. */
  private escape(inClass: boolean): Node {
    const char = this.peek();
    this.position++;
    const chars = (set: CharSet): Node => ({ kind: 'chars', set });
    switch (char) {
      case 'd':
        return chars(DIGIT);
      case 'D':
        return chars(complement(DIGIT));
      case 'w':
        return chars(WORD);
      case 'W':
        return chars(complement(WORD));
      case 's':
        return chars(SPACE);
      case 'S':
        return chars(complement(SPACE));
      case 'b':
        return inClass ? chars([[8, 8]]) : { kind: 'assertion' };
      case 'B':
        return { kind: 'assertion' };
      case 'p':
      case 'P':
        if (this.peek() === '{') this.position = this.source.indexOf('}', this.position) + 1;
        return chars(ANY);
      case 'k':
        if (this.peek() === '<') throw new GuardError('backreferences (\\k<name>) are not supported');
        return chars(this.literal(0x6b));
      case 'u': {
        const hex = /^(\{[0-9a-fA-F]+\}|[0-9a-fA-F]{4})/.exec(this.source.slice(this.position));
        if (!hex) return chars(this.literal(0x75));
        this.position += hex[0].length;
        return chars(this.literal(Number.parseInt(hex[0].replace(/[{}]/g, ''), 16)));
      }
      case 'x': {
        const hex = /^[0-9a-fA-F]{2}/.exec(this.source.slice(this.position));
        if (!hex) return chars(this.literal(0x78));
        this.position += 2;
        return chars(this.literal(Number.parseInt(hex[0], 16)));
      }
      case 'c':
        this.position++;
        return chars(ANY);
      case 't':
        return chars([[9, 9]]);
      case 'n':
        return chars([[10, 10]]);
      case 'v':
        return chars([[11, 11]]);
      case 'f':
        return chars([[12, 12]]);
      case 'r':
        return chars([[13, 13]]);
      case '0':
        return chars([[0, 0]]);
      default:
        if (/[1-9]/.test(char) && !inClass) {
          throw new GuardError(`backreferences (\\${char}) are not supported`);
        }
        return chars(this.literal(char.codePointAt(0) ?? 0));
    }
  }

  private characterClass(): CharSet {
    const negated = this.peek() === '^';
    if (negated) this.position++;
    const ranges: CharSet[] = [];
    let approximate = false;
    while (this.position < this.source.length && this.peek() !== ']') {
      if (
        this.unicodeSets &&
        (this.peek() === '[' ||
          this.source.startsWith('&&', this.position) ||
          this.source.startsWith('--', this.position))
      ) {
        // Set operations of the `v` flag: not worth modelling; assume the class may match anything.
        this.skipNestedClass();
        return ANY;
      }
      const low = this.classAtom();
      if (low === undefined) {
        approximate = true;
        continue;
      }
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== '') {
        this.position++;
        const high = this.classAtom();
        if (high === undefined) {
          approximate = true;
          continue;
        }
        ranges.push(this.classRange(low, high));
      } else {
        ranges.push(this.literal(low));
      }
    }
    this.position++;
    if (approximate) return ANY;
    const set = union(...ranges);
    return negated ? complement(set) : set;
  }

  /** One class member as a code point, or `undefined` for a class escape like `\w` or `\p{…}`. */
  private classAtom(): number | undefined {
    const char = this.peek();
    this.position++;
    if (char !== '\\') {
      const code = this.source.codePointAt(this.position - 1) ?? 0;
      if (code > 0xffff) this.position++;
      return code;
    }
    const escaped = this.escape(true);
    if (escaped.kind !== 'chars') return undefined;
    const [range] = escaped.set;
    return escaped.set.length === 1 && range && range[0] === range[1] ? range[0] : undefined;
  }

  private classRange(low: number, high: number): CharSet {
    if (!this.ignoreCase) return [[low, high]];
    if (high >= 128) return ANY;
    // ASCII letters in range, in the other case too.
    const ranges: (readonly [number, number])[] = [[low, high]];
    for (const [caseLo, caseHi, shift] of [
      [0x41, 0x5a, 32],
      [0x61, 0x7a, -32],
    ] as const) {
      const lo = Math.max(low, caseLo);
      const hi = Math.min(high, caseHi);
      if (lo <= hi) ranges.push([lo + shift, hi + shift]);
    }
    return normalise(ranges);
  }

  private skipNestedClass(): void {
    let depth = 1;
    while (this.position < this.source.length && depth > 0) {
      const char = this.peek();
      this.position += char === '\\' ? 2 : 1;
      if (char === '[') depth++;
      else if (char === ']') depth--;
    }
  }
}

// ---- Analysis ----

interface Facts {
  nullable: boolean;
  /** Characters that can start a match. */
  first: CharSet;
  /** Characters that can appear anywhere in a match. */
  all: CharSet;
  /** Holds a quantifier whose count varies (`?`, `*`, `+`, `{n,m}`), outside lookarounds. */
  variable: boolean;
  /** Holds an alternation whose branches can start with the same character. */
  ambiguousAlternation: boolean;
}

function describeRepeat(min: number, max: number): string {
  if (min === 0 && max === Infinity) return '*';
  if (min === 1 && max === Infinity) return '+';
  if (min === 0 && max === 1) return '?';
  return max === Infinity ? `{${min},}` : `{${min},${max}}`;
}

function analyse(node: Node): Facts {
  switch (node.kind) {
    case 'chars':
      return {
        nullable: false,
        first: node.set,
        all: node.set,
        variable: false,
        ambiguousAlternation: false,
      };
    case 'assertion':
      return { nullable: true, first: EMPTY, all: EMPTY, variable: false, ambiguousAlternation: false };
    case 'lookaround':
      // JavaScript never backtracks into a lookaround once it has matched: only its own body matters.
      analyse(node.body);
      return { nullable: true, first: EMPTY, all: EMPTY, variable: false, ambiguousAlternation: false };
    case 'group':
      return analyse(node.body);
    case 'alternation': {
      const branches = node.branches.map(analyse);
      let ambiguous = branches.some((facts) => facts.ambiguousAlternation);
      for (let i = 0; i < branches.length && !ambiguous; i++) {
        for (let j = i + 1; j < branches.length && !ambiguous; j++) {
          const a = branches[i] as Facts;
          const b = branches[j] as Facts;
          ambiguous = intersects(a.first, b.first) || (a.nullable && b.nullable);
        }
      }
      return {
        nullable: branches.some((facts) => facts.nullable),
        first: union(...branches.map((facts) => facts.first)),
        all: union(...branches.map((facts) => facts.all)),
        variable: branches.some((facts) => facts.variable),
        ambiguousAlternation: ambiguous,
      };
    }
    case 'sequence':
      return analyseSequence(node.items);
    case 'repeat': {
      const body = analyse(node.body);
      if (node.max > 1) {
        const outer = describeRepeat(node.min, node.max);
        if (body.variable) {
          throw new GuardError(
            `nested quantifiers: a quantifier inside “${outer}” can backtrack exponentially (like /(a+)+$/); rewrite without nesting`,
          );
        }
        if (body.ambiguousAlternation) {
          throw new GuardError(
            `alternatives that can match the same text inside “${outer}” can backtrack exponentially (like /(a|ab)*$/)`,
          );
        }
      }
      return {
        nullable: body.nullable || node.min === 0,
        first: body.first,
        all: body.all,
        variable: body.variable || node.max > node.min,
        ambiguousAlternation: body.ambiguousAlternation,
      };
    }
  }
}

/** Groups with one branch are transparent for the adjacency check: `(\d+)(\d+)` is `\d+\d+`. */
function flatten(items: Node[]): Node[] {
  return items.flatMap((item) => {
    if (item.kind === 'group' && item.body.kind === 'sequence') return flatten(item.body.items);
    if (item.kind === 'group' && item.body.kind !== 'alternation') return flatten([item.body]);
    return [item];
  });
}

function analyseSequence(items: Node[]): Facts {
  const flat = flatten(items);
  const flatFacts = flat.map(analyse);
  const facts = flatFacts;
  for (let i = 0; i < flat.length; i++) {
    const left = flat[i] as Node;
    if (left.kind !== 'repeat' || left.max !== Infinity) continue;
    for (let j = i + 1; j < flat.length; j++) {
      const right = flat[j] as Node;
      if (right.kind === 'repeat' && right.max === Infinity) {
        if (intersects((flatFacts[i] as Facts).all, (flatFacts[j] as Facts).all)) {
          throw new GuardError(
            'two unbounded quantifiers next to each other can match the same characters (like /\\d+\\d+/, /.*.*/): this backtracks heavily; make them exclusive or separate them',
          );
        }
      }
      if (!(flatFacts[j] as Facts).nullable) break;
    }
  }
  let first: CharSet = EMPTY;
  for (const item of facts) {
    first = union(first, item.first);
    if (!item.nullable) break;
  }
  return {
    nullable: facts.every((item) => item.nullable),
    first,
    all: union(...facts.map((item) => item.all)),
    variable: facts.some((item) => item.variable),
    ambiguousAlternation: facts.some((item) => item.ambiguousAlternation),
  };
}
