import { arxivAbsUrl, arxivIdOf, arxivPdfUrl, canonicalIdFromUrl, type Paper } from '../paper';
import { type Adapter, compact, textOf } from './adapter';
import { isArxivHost, sourceText, subjectCodes, withoutDescriptor } from './arxiv-common';
import { canonicalIdFromMeta, citationDate, citationMeta, displayName, firstMeta } from './citation-meta';
import type { PaperCard } from './types';

/**
 * arXiv abstract pages (`/abs/<id>`): the paper comes from the `citation_*` meta tags, which
 * arXiv keeps stable for Google Scholar; comments, journal ref and subjects from the metadata
 * table, read by its row labels. The abstract block (`#abs`) is the card root; the UI goes first
 * into it, above the title, which MathJax rewrites.
 */

/** The metadata table as label → value cell: `Comments:` → its `<td>`. */
function metadataRows(root: Element): Map<string, Element> {
  const rows = new Map<string, Element>();
  for (const row of root.getElementsByTagName('tr')) {
    const [label, value] = row.children;
    const key = textOf(label).replace(/:$/, '').toLowerCase();
    if (key && value && !rows.has(key)) rows.set(key, value);
  }
  return rows;
}

function rowText(rows: Map<string, Element>, label: string): string | undefined {
  const cell = rows.get(label);
  return (cell && withoutDescriptor(sourceText(cell))) || undefined;
}

/** The block to decorate: `#abs`, else the parent of the page's first `<h1>` naming the title. */
function abstractBlock(doc: Document, title: string): HTMLElement | undefined {
  const byId = doc.getElementById('abs');
  if (byId) return byId;
  const heading = [...doc.getElementsByTagName('h1')].find((h1) => textOf(h1).includes(title));
  return heading?.parentElement ?? undefined;
}

export const arxivAbs: Adapter = {
  name: 'arxiv-abs',
  matches(url) {
    return isArxivHost(url) && /^\/abs\//.test(url.pathname);
  },
  extract(doc, url) {
    const meta = citationMeta(doc);
    const id = canonicalIdFromMeta(meta, url) ?? canonicalIdFromUrl(url.href);
    const arxivId = id && arxivIdOf(id);
    const title = firstMeta(meta, 'citation_title');
    if (!id || !arxivId || !title) return [];
    const root = abstractBlock(doc, title);
    if (!root) return [];
    const rows = metadataRows(root);
    const subjects = subjectCodes(rowText(rows, 'subjects') ?? '');
    const paper: Paper = {
      id,
      title,
      authors: (meta.get('citation_author') ?? []).map(displayName),
      abstract: firstMeta(meta, 'citation_abstract'),
      url: arxivAbsUrl(arxivId),
      pdfUrl: arxivPdfUrl(arxivId),
      published: citationDate(firstMeta(meta, 'citation_date')),
      source: 'arxiv',
      extras: compact<string | string[]>({
        comments: rowText(rows, 'comments'),
        journalRef: rowText(rows, 'journal reference'),
        doi: firstMeta(meta, 'citation_doi') ?? rowText(rows, 'related doi'),
        primarySubject: subjects[0],
        subjects: subjects.length ? subjects : undefined,
      }),
    };
    const card: PaperCard = {
      paper,
      root,
      uiAnchor: root,
      uiPlacement: 'before',
      fields: {
        title: root.querySelector('h1') ?? undefined,
        authors: root.querySelector('.authors') ?? undefined,
        abstract: root.querySelector('blockquote') ?? undefined,
      },
    };
    return [card];
  },
};

/**
 * The paper an arXiv page is about, from its URL alone: `/abs/`, `/pdf/` and `/html/` pages. For
 * pages with no card to decorate (a PDF, the HTML rendering), where "save this paper" still applies.
 */
export function paperRefFromPageUrl(href: string): { id: string; url: string; pdfUrl: string } | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (!isArxivHost(url)) return undefined;
  const id = canonicalIdFromUrl(url.href);
  const arxivId = id && arxivIdOf(id);
  return id && arxivId ? { id, url: arxivAbsUrl(arxivId), pdfUrl: arxivPdfUrl(arxivId) } : undefined;
}
