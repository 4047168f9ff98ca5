import type { Bookmark } from '../bookmark';
import { arxivId, doiOf, oneLine, primaryClassOf, urlOf, yearOf } from './fields';

/**
 * BibTeX export. Entries are `@misc` for preprints and other papers without a journal, `@article`
 * for DOI papers. Values are braced and escaped so BibTeX and biber both read them: the characters
 * TeX gives a meaning (`\ { } % & # _ $ ~ ^`) become commands, so braces in values always balance.
 * Non-ASCII text (accents, CJK, RTL, emoji) is kept as UTF-8: biber and BibTeX with `inputenc`
 * read it; whether a glyph prints is the document's font's business, not the file's.
 */

const TEX_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  '#': '\\#',
  _: '\\_',
  $: '\\$',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/**
 * Plain text → a TeX-safe field value on one line. `\{`/`\}` would unbalance BibTeX's brace count
 * (it counts escaped braces too), so braces become `\textbraceleft{}`/`\textbraceright{}`.
 */
export function escapeTex(text: string): string {
  return (
    oneLine(text)
      .replace(/[\\{}%&#_$~^]/g, (char) =>
        char === '{'
          ? '\\textbraceleft{}'
          : char === '}'
            ? '\\textbraceright{}'
            : (TEX_ESCAPES[char] ?? char),
      )
      // TeX ligatures would print `''` as ”, `--` as –, `!`` as ¡: an empty group keeps the characters.
      .replace(/(['`\-<>])(?=\1)|([!?])(?=`)/g, '$1$2{}')
  );
}

/** URLs, DOIs and ids are verbatim in biber: only characters that would break the value are encoded. */
function escapeVerbatim(text: string): string {
  return oneLine(text).replace(/[{}\\\s]/g, (char) => encodeURIComponent(char));
}

/**
 * One author for the `author` list. A name holding ` and `, more than one comma or a TeX special
 * (which name parsers split inconsistently) is braced whole, like a corporate name.
 */
function authorField(name: string): string {
  const escaped = escapeTex(name);
  const risky = /\sand\s/i.test(name) || (name.match(/,/g)?.length ?? 0) > 1 || /[\\{}%&#_$~^]/.test(name);
  return risky ? `{${escaped}}` : escaped;
}

const STOPWORDS = new Set([
  'a',
  'an',
  'the',
  'on',
  'of',
  'in',
  'for',
  'to',
  'and',
  'with',
  'from',
  'by',
  'at',
  'is',
  'are',
  'towards',
  'toward',
  'via',
  'using',
]);

function asciiWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The first author's family name: "Doe, Jane" → doe; "Jane van Doe" → doe (last word). */
function familyWord(author: string | undefined): string | undefined {
  if (!author) return undefined;
  const family = author.includes(',') ? author.slice(0, author.indexOf(',')) : author;
  const words = asciiWords(family).filter((word) => /[a-z]/.test(word));
  return author.includes(',') ? words.join('') || undefined : words.at(-1);
}

/** author-year-word, e.g. `vaswani2017attention`; ASCII letters and digits only. */
export function baseCitationKey(bookmark: Bookmark): string {
  const author = familyWord(bookmark.authors[0]) ?? 'anon';
  const word = asciiWords(bookmark.title).find((w) => !STOPWORDS.has(w) && /[a-z]/.test(w)) ?? 'paper';
  return `${author}${yearOf(bookmark) ?? ''}${word}`;
}

function suffix(n: number): string {
  // 1 → a, 26 → z, 27 → aa: as many suffixes as there are collisions.
  let out = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    out = String.fromCharCode(97 + ((rest - 1) % 26)) + out;
  }
  return out;
}

/**
 * Citation keys by bookmark id. Stable: the paper saved first keeps the bare key and later ones with
 * the same key get `a`, `b`, ..., so adding papers never renames a key already cited.
 */
export function citationKeys(bookmarks: readonly Bookmark[]): Map<string, string> {
  const bySaveOrder = [...bookmarks].sort(
    (a, b) => a.addedAt.localeCompare(b.addedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const bases = new Map(bySaveOrder.map((bookmark) => [bookmark.id, baseCitationKey(bookmark)]));
  // Bare keys are claimed first, so a suffixed key never takes one another paper has as its own.
  const used = new Set(bases.values());
  const keys = new Map<string, string>();
  // Per base, the next suffix to try: many papers sharing a key stay linear, not quadratic.
  const nextSuffix = new Map<string, number>();
  for (const bookmark of bySaveOrder) {
    if (keys.has(bookmark.id)) continue;
    const base = bases.get(bookmark.id) ?? 'paper';
    let key = base;
    let n = nextSuffix.get(base);
    if (n !== undefined) {
      do key = `${base}${suffix(n++)}`;
      while (used.has(key));
      used.add(key);
    }
    nextSuffix.set(base, n ?? 1);
    keys.set(bookmark.id, key);
  }
  return keys;
}

function entry(bookmark: Bookmark, key: string): string {
  const arxiv = arxivId(bookmark);
  const doi = doiOf(bookmark);
  const url = urlOf(bookmark);
  const fields: [string, string | undefined][] = [
    ['title', escapeTex(bookmark.title)],
    ['author', bookmark.authors.length ? bookmark.authors.map(authorField).join(' and ') : undefined],
    ['year', yearOf(bookmark)],
    ['eprint', arxiv && escapeVerbatim(arxiv)],
    ['archivePrefix', arxiv && 'arXiv'],
    ['primaryClass', primaryClassOf(bookmark)],
    ['doi', doi && escapeVerbatim(doi)],
    ['url', url && escapeVerbatim(url)],
    ['abstract', bookmark.abstract ? escapeTex(bookmark.abstract) : undefined],
    ['keywords', bookmark.tags.length ? escapeTex(bookmark.tags.join(', ')) : undefined],
  ];
  const body = fields
    .filter((field): field is [string, string] => Boolean(field[1]))
    .map(([name, value]) => `  ${name} = {${value}},`)
    .join('\n');
  const type = !arxiv && bookmark.id.startsWith('doi:') ? 'article' : 'misc';
  return `@${type}{${key},\n${body}\n}\n`;
}

export function renderBibtex(bookmarks: readonly Bookmark[]): string {
  const keys = citationKeys(bookmarks);
  return bookmarks
    .map((bookmark) => entry(bookmark, keys.get(bookmark.id) ?? baseCitationKey(bookmark)))
    .join('\n');
}
