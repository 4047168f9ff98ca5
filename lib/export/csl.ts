import { Cite } from '@citation-js/core';
import { parse as parseName } from '@citation-js/name';
import type { Bookmark } from '../bookmark';
import { arxivId, dateParts, doiOf, oneLine, primaryClassOf, urlOf } from './fields';

/** given, family, literal, and particles (`non-dropping-particle`...) as citation-js parses them. */
export type CslName = Record<string, string>;

/** A CSL-JSON item: the interchange shape of citation-js, Zotero, Pandoc and citeproc. */
export interface CslItem {
  id: string;
  type: string;
  title: string;
  author?: CslName[];
  issued?: { 'date-parts': number[][] };
  abstract?: string;
  DOI?: string;
  URL?: string;
  publisher?: string;
  number?: string;
  keyword?: string;
  note?: string;
}

/** "Jane Doe" → given/family (particles kept); a name citation-js cannot split stays whole. */
function cslName(name: string): CslName {
  const clean = oneLine(name);
  try {
    const parsed = parseName(clean);
    if (parsed.family) return parsed;
  } catch {
    // citation-js's name parser throws on some inputs: the name is then kept as written.
  }
  return { literal: clean || name };
}

/** A bookmark as CSL: arXiv papers are preprints (`article` in CSL 1.0.2) published by arXiv. */
export function toCsl(bookmark: Bookmark): CslItem {
  const arxiv = arxivId(bookmark);
  const parts = dateParts(bookmark.published);
  const doi = doiOf(bookmark);
  const url = urlOf(bookmark);
  const primaryClass = primaryClassOf(bookmark);
  return {
    id: bookmark.id,
    type: arxiv ? 'article' : bookmark.id.startsWith('doi:') ? 'article-journal' : 'document',
    title: bookmark.title,
    ...(bookmark.authors.length ? { author: bookmark.authors.map(cslName) } : {}),
    ...(parts ? { issued: { 'date-parts': [parts] } } : {}),
    ...(bookmark.abstract ? { abstract: bookmark.abstract } : {}),
    ...(doi ? { DOI: doi } : {}),
    ...(url ? { URL: url } : {}),
    ...(arxiv
      ? { publisher: 'arXiv', number: `arXiv:${arxiv}${primaryClass ? ` [${primaryClass}]` : ''}` }
      : {}),
    ...(bookmark.tags.length ? { keyword: bookmark.tags.join(',') } : {}),
  };
}

/** citation-js over CSL items we built ourselves: no type sniffing, so no input is ever fetched. */
export function citeOf(items: readonly CslItem[]): Cite {
  return new Cite(items, { forceType: '@csl/list+object', generateGraph: false });
}
