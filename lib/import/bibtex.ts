import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import type { Refusal } from '../backup';
import type { Bookmark } from '../bookmark';
import {
  arxivAbsUrl,
  arxivIdOf,
  canonicalIdFromArxivId,
  canonicalIdFromDoi,
  canonicalIdFromText,
  canonicalIdFromUrl,
} from '../paper';

/**
 * BibTeX import: arXiv entries (eprint + archivePrefix, an arXiv DOI or an arxiv.org URL) become
 * papers with canonical `arxiv:` ids, DOI-only entries `doi:` ids; any other entry is refused with
 * its line. The file is read with citation-js's BibTeX parser (strings, `#`, comments, TeX accents);
 * a syntax error refuses the whole file with its line and column.
 *
 * Entries carry only what the file says (no `addedAt`, no empty tags): merged into a saved paper,
 * they fill in metadata and never overwrite the user's tags, notes or dates (see mergeLibrary).
 */
export type ImportedBookmark = Pick<Bookmark, 'id' | 'title'> & Partial<Bookmark>;

export type BibtexImportResult =
  | { ok: true; bookmarks: ImportedBookmark[]; refused: Refusal[] }
  | { ok: false; error: string };

interface RawEntry {
  type: string;
  label: string;
  properties: Record<string, string | number>;
}

interface CslEntry {
  title?: string;
  author?: { given?: string; family?: string; literal?: string; 'non-dropping-particle'?: string }[];
  issued?: { 'date-parts'?: (number | string)[][] };
  abstract?: string;
  URL?: string;
  keyword?: string;
}

function field(entry: RawEntry, name: string): string | undefined {
  const value = entry.properties[name];
  return value === undefined || value === '' ? undefined : String(value).trim();
}

/** The paper's canonical id from the entry's fields, if it names an arXiv paper or a DOI. */
export function canonicalIdOfEntry(entry: RawEntry): string | undefined {
  const eprint = field(entry, 'eprint');
  const prefix = (field(entry, 'archiveprefix') ?? field(entry, 'eprinttype'))?.toLowerCase();
  const doi = field(entry, 'doi');
  const url = field(entry, 'url');
  const fromEprint = eprint && (prefix === 'arxiv' || !prefix) ? canonicalIdFromArxivId(eprint) : undefined;
  const fromDoi = doi ? canonicalIdFromDoi(doi) : undefined;
  const fromUrl = url ? canonicalIdFromUrl(url) : undefined;
  // "arXiv:2509.02560" in journal/note/howpublished, as Google Scholar and older exports write it.
  const mention = ['journal', 'note', 'howpublished', 'journaltitle']
    .map((name) => field(entry, name))
    .find((value) => value && /arxiv/i.test(value));
  const fromText = mention ? canonicalIdFromText(mention) : undefined;
  const arxiv = [fromEprint, fromDoi, fromUrl, fromText].find((id) => id?.startsWith('arxiv:'));
  return arxiv ?? [fromDoi, fromUrl].find((id) => id?.startsWith('doi:'));
}

function displayName(name: NonNullable<CslEntry['author']>[number]): string {
  if (name.literal) return name.literal;
  return [name.given, name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
}

function published(issued: CslEntry['issued']): string | undefined {
  const parts = issued?.['date-parts']?.[0]?.map(Number).filter((part) => Number.isFinite(part));
  if (!parts?.length || !parts[0]) return undefined;
  const [year, month, day] = parts;
  return [String(year).padStart(4, '0'), month, day]
    .filter((part) => part !== undefined)
    .map((part) => String(part).padStart(2, '0'))
    .join('-');
}

/** Line (1-based) of each entry's `@type{label`, found in order so repeated labels stay apart. */
function entryLines(text: string, entries: readonly RawEntry[]): number[] {
  let from = 0;
  return entries.map((entry) => {
    const label = entry.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const start = new RegExp(`@\\s*${entry.type}\\s*[{(]\\s*${label}\\s*,`, 'gi');
    start.lastIndex = from;
    const match = start.exec(text);
    if (!match) return 0;
    from = match.index + match[0].length;
    return text.slice(0, match.index).split('\n').length;
  });
}

/** citation-js's "expected X, got Y at line 3 col 9:\n<excerpt>" as one sentence. */
function syntaxError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const where = /^(.*?) at line (\d+) col (\d+):/.exec(message);
  if (where) return `Not valid BibTeX: line ${where[2]}, column ${where[3]}: ${where[1]}.`;
  return `Not valid BibTeX: ${message.split('\n')[0]}`;
}

export function importBibtex(text: string): BibtexImportResult {
  let entries: RawEntry[];
  try {
    entries = plugins.input.data(text.replace(/^\uFEFF/, ''), '@biblatex/text') as RawEntry[];
  } catch (error) {
    return { ok: false, error: syntaxError(error) };
  }
  if (!entries.length) return { ok: false, error: 'No BibTeX entries found in the file.' };
  const lines = entryLines(text.replace(/^\uFEFF/, ''), entries);
  const bookmarks: ImportedBookmark[] = [];
  const refused: Refusal[] = [];
  for (const [index, entry] of entries.entries()) {
    const where = `line ${lines[index] || '?'} (${entry.label})`;
    const id = canonicalIdOfEntry(entry);
    if (!id) {
      refused.push({ kind: 'bookmark', reason: `${where}: no arXiv id, arXiv URL or DOI` });
      continue;
    }
    let csl: CslEntry | undefined;
    try {
      csl = (plugins.input.data([entry], '@biblatex/entries+list') as CslEntry[])[0];
    } catch (error) {
      refused.push({
        kind: 'bookmark',
        id,
        reason: `${where}: ${error instanceof Error ? error.message : error}`,
      });
      continue;
    }
    const title = csl?.title?.trim();
    if (!title) {
      refused.push({ kind: 'bookmark', id, reason: `${where}: no title` });
      continue;
    }
    const arxiv = arxivIdOf(id);
    const date = published(csl?.issued);
    const tags = csl?.keyword
      ?.split(',')
      .map((tag) => tag.trim())
      .filter(Boolean);
    const primaryClass = field(entry, 'primaryclass');
    bookmarks.push({
      id,
      title,
      authors: (csl?.author ?? []).map(displayName).filter(Boolean),
      ...(csl?.abstract ? { abstract: csl.abstract } : {}),
      url: arxiv ? arxivAbsUrl(arxiv) : (csl?.URL ?? `https://doi.org/${id.slice('doi:'.length)}`),
      ...(date ? { published: date } : {}),
      source: 'bibtex',
      ...(tags?.length ? { tags } : {}),
      ...(primaryClass ? { extras: { primaryClass } } : {}),
    });
  }
  return { ok: true, bookmarks, refused };
}
