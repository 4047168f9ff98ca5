/**
 * Character classes for the matcher: case folding, separators, and what counts as a word character,
 * per UTF-16 code unit. Built lazily; the case tables once per page, in a few milliseconds.
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

/** Code units whose fold differs from themselves (about 1,400), and the reverse: built once. */
let foldOf: Map<number, number> | undefined;
let unitsFoldingTo: Map<number, number[]> | undefined;

function caseTables(): { foldOf: Map<number, number>; unitsFoldingTo: Map<number, number[]> } {
  if (foldOf && unitsFoldingTo) return { foldOf, unitsFoldingTo };
  // Every BMP code unit but the surrogates, then the ones lower-casing changes, found natively.
  const units = new Uint16Array(0x10000 - 0x800);
  for (let unit = 0, index = 0; unit < 0x10000; unit++) {
    if (unit < 0xd800 || unit > 0xdfff) units[index++] = unit;
  }
  const allUnits = new TextDecoder('utf-16le').decode(units);
  const changing = allUnits.replace(/\P{Changes_When_Lowercased}+/gu, '');
  const folds = new Map<number, number>();
  for (let i = 0; i < changing.length; i++) {
    folds.set(changing.charCodeAt(i), changing.charAt(i).toLowerCase().charCodeAt(0));
  }
  folds.set(0x03c2, 0x03c3);
  const sources = new Map<number, number[]>();
  for (const [unit, folded] of folds) {
    const list = sources.get(folded);
    if (list) list.push(unit);
    else sources.set(folded, [unit]);
  }
  foldOf = folds;
  unitsFoldingTo = sources;
  return { foldOf: folds, unitsFoldingTo: sources };
}

/** The folded form of one code unit. */
export function foldUnit(unit: number): number {
  return caseTables().foldOf.get(unit) ?? unit;
}

/** The code units that fold to `folded`, other than itself: `K` and `K` (Kelvin) for `k`. */
export function unitsFoldingInto(folded: number): readonly number[] {
  return caseTables().unitsFoldingTo.get(folded) ?? [];
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
  const { foldOf: folds } = caseTables();
  let folded = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    folded += String.fromCharCode(folds.get(unit) ?? unit);
  }
  return folded;
}
