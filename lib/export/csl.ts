import { Cite } from '@citation-js/core';
import type { Bookmark } from '../bookmark';
import { arxivId, dateParts, doiOf, primaryClassOf, urlOf } from './fields';
import { type CslName, cslName } from './names';

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

/** A bookmark as CSL: arXiv papers are preprints (`article` in CSL 1.0.2) published by arXiv. */
export function toCsl(bookmark: Bookmark, nameOf: (name: string) => CslName = cslName): CslItem {
  const arxiv = arxivId(bookmark);
  const parts = dateParts(bookmark.published);
  const doi = doiOf(bookmark);
  const url = urlOf(bookmark);
  const primaryClass = primaryClassOf(bookmark);
  return {
    id: bookmark.id,
    type: arxiv ? 'article' : bookmark.id.startsWith('doi:') ? 'article-journal' : 'document',
    title: bookmark.title,
    ...(bookmark.authors.length ? { author: bookmark.authors.map(nameOf) } : {}),
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
