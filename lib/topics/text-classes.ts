/**
 * Character classes for the matcher: case folding, separators, and what counts as a word character,
 * per UTF-16 code unit.
 *
 * - Folding: `String.prototype.toLowerCase` per code unit, plus final sigma `ς` → `σ` (Greek words
 *   end in `ς` in lower case but in `Σ` in capitals). A character whose lower case is longer (`İ`)
 *   folds to the first unit of it. Characters outside the BMP are not folded.
 * - Separators, between the words of a term: white space (as `\s`) and the hyphens `-` U+2010–U+2013.
 * - Word characters: letters, combining marks, digits and `_` (so an accent, even a combining one,
 *   never splits a word). Scripts written without spaces (Han, Hiragana, Katakana, Thai, Lao, Khmer,
 *   Myanmar) are word characters too, but every position next to one counts as a word boundary.
 */

const SEPARATOR_CHARS =
  '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a' +
  '\u2028\u2029\u202f\u205f\u3000\ufeff-\u2010\u2011\u2012\u2013';

/** Splits a term into its words: runs of separators, as in the table above. */
export const SEPARATOR_RUN = /[\s\-\u2010-\u2013]+/u;

const FINAL_SIGMA = 0x3c2;
const SIGMA = 0x3c3;
/** The only BMP unit whose lower case is two units long (`i̇`): its fold, `i`, is no case variant of it. */
const CAPITAL_I_WITH_DOT = 0x130;

/**
 * The folded form of one code unit. ASCII inline; any other unit through `toLowerCase`, which is
 * native and only reached at match edges and in terms.
 */
export function foldUnit(unit: number): number {
  if (unit < 0x80) return unit >= 0x41 && unit <= 0x5a ? unit + 0x20 : unit;
  if (unit === FINAL_SIGMA) return SIGMA;
  return String.fromCharCode(unit).toLowerCase().charCodeAt(0);
}

/** Every BMP code unit but the surrogates, as one string: built once, when first needed. */
let everyUnit: string | undefined;

function everyBmpUnit(): string {
  if (everyUnit === undefined) {
    const units = new Uint16Array(0x10000 - 0x800);
    for (let unit = 0, index = 0; unit < 0x10000; unit++) {
      if (unit < 0xd800 || unit > 0xdfff) units[index++] = unit;
    }
    everyUnit = new TextDecoder('utf-16le').decode(units);
  }
  return everyUnit;
}

/**
 * Every code unit, other than the targets themselves, that folds into one of `targets`: `K` and `K`
 * (Kelvin) for `k`. Whatever lower-cases to a character is a case variant of it, so one native,
 * case-insensitive scan of the BMP finds the candidates (a fraction of a millisecond, where listing
 * every unit's fold takes several), and folding each keeps the right ones.
 */
export function foldingSources(targets: Iterable<number>): [unit: number, folded: number][] {
  const wanted = new Set(targets);
  if (wanted.size === 0) return [];
  const variants = new RegExp(`[${[...wanted].map((unit) => `\\u{${unit.toString(16)}}`).join('')}]`, 'giu');
  const candidates = [...everyBmpUnit().matchAll(variants)].map((found) => found[0].charCodeAt(0));
  candidates.push(CAPITAL_I_WITH_DOT);
  const sources: [number, number][] = [];
  for (const unit of new Set(candidates)) {
    const folded = foldUnit(unit);
    if (folded !== unit && wanted.has(folded)) sources.push([unit, folded]);
  }
  return sources;
}

export const SEPARATOR_UNITS: readonly number[] = Array.from(SEPARATOR_CHARS, (char) => char.charCodeAt(0));

const WORD_CHAR = /^[\p{L}\p{M}\p{N}_]$/u;
const UNSPACED_SCRIPT =
  /^[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}]$/u;

/** Character kinds, as small numbers so they fit the cache below. */
const Kind = { Unknown: 0, Other: 1, Word: 2, UnspacedWord: 3 } as const;
type Kind = (typeof Kind)[keyof typeof Kind];

/** Per BMP code unit, filled on demand: boundaries are checked only at match edges, which are rare. */
const kindCache = new Uint8Array(65536);

function kindOf(codePoint: number): Kind {
  if (codePoint < 65536) {
    const cached = kindCache[codePoint] as Kind;
    if (cached !== Kind.Unknown) return cached;
  }
  const char = String.fromCodePoint(codePoint);
  const kind = UNSPACED_SCRIPT.test(char) ? Kind.UnspacedWord : WORD_CHAR.test(char) ? Kind.Word : Kind.Other;
  if (codePoint < 65536) kindCache[codePoint] = kind;
  return kind;
}

function codePointBefore(text: string, index: number): number {
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/**
 * Whether `index` (between `text[index - 1]` and `text[index]`) is a word boundary: the text's ends,
 * any place where one side is not a word character, and any place next to a character of a script
 * written without spaces.
 */
export function isWordBoundary(text: string, index: number): boolean {
  if (index <= 0 || index >= text.length) return true;
  const before = kindOf(codePointBefore(text, index));
  const after = kindOf(text.codePointAt(index) ?? 0);
  return (
    before === Kind.Other ||
    after === Kind.Other ||
    before === Kind.UnspacedWord ||
    after === Kind.UnspacedWord
  );
}

/** Whether a trailing plural `s`/`es` may follow this word: it ends in a letter of a spaced script. */
export function acceptsPlural(word: string): boolean {
  const last = word.codePointAt(word.length - 1 - (/[\udc00-\udfff]$/.test(word) ? 1 : 0)) ?? 0;
  const kind = kindOf(last);
  return kind === Kind.Word && /\p{L}|\p{M}/u.test(String.fromCodePoint(last));
}

/** The text, folded code unit by code unit as the matcher compares it. */
export function foldText(text: string): string {
  // Fast path: without surrogates (astral letters would be lower-cased, unlike in the matcher) and
  // when nothing grows (`İ`), whole-string lower case is per-unit lower case, up to final sigma.
  const lower = text.toLowerCase();
  if (lower.length === text.length && !/[\ud800-\udfff]/.test(text)) return lower.replaceAll('ς', 'σ');
  let folded = '';
  for (let i = 0; i < text.length; i++) folded += String.fromCharCode(foldUnit(text.charCodeAt(i)));
  return folded;
}
