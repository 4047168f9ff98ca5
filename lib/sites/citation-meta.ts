import { canonicalIdFromArxivId, canonicalIdFromDoi, canonicalIdFromUrl } from '../paper';
import { normaliseSpace } from './adapter';

/**
 * Highwire Press `citation_*` meta tags (what Google Scholar reads): arXiv abstract pages and most
 * publishers carry them. Each name maps to its values in page order (there is one author per tag).
 */
export function citationMeta(doc: Document): Map<string, string[]> {
  const meta = new Map<string, string[]>();
  for (const tag of doc.querySelectorAll('meta[name^="citation_"]')) {
    const name = tag.getAttribute('name')?.toLowerCase();
    const content = normaliseSpace(tag.getAttribute('content') ?? '');
    if (!name || !content) continue;
    const values = meta.get(name);
    if (values) values.push(content);
    else meta.set(name, [content]);
  }
  return meta;
}

export function firstMeta(meta: Map<string, string[]>, name: string): string | undefined {
  return meta.get(name)?.[0];
}

/** `Upadhyay, Manas V.` → `Manas V. Upadhyay`, the order listings show; other forms are kept. */
export function displayName(citationAuthor: string): string {
  const parts = citationAuthor.split(',').map((part) => part.trim());
  return parts.length === 2 && parts[0] && parts[1] ? `${parts[1]} ${parts[0]}` : citationAuthor;
}

/** `2026/09/09` → `2026-09-09`; a bare year or month is kept as precise as it is. */
export function citationDate(value: string | undefined): string | undefined {
  const match = /^(\d{4})(?:[/-](\d{1,2}))?(?:[/-](\d{1,2}))?/.exec(value ?? '');
  if (!match) return undefined;
  return [match[1], match[2]?.padStart(2, '0'), match[3]?.padStart(2, '0')].filter(Boolean).join('-');
}

/** The canonical id the tags name: arXiv id first, then an abstract/PDF URL, then the DOI. */
export function canonicalIdFromMeta(meta: Map<string, string[]>, pageUrl: URL): string | undefined {
  const arxivId = firstMeta(meta, 'citation_arxiv_id');
  const fromArxiv = arxivId && canonicalIdFromArxivId(arxivId);
  if (fromArxiv) return fromArxiv;
  for (const name of ['citation_abstract_html_url', 'citation_pdf_url', 'citation_public_url']) {
    const href = firstMeta(meta, name);
    const fromUrl = href && canonicalIdFromUrl(href, pageUrl.href);
    if (fromUrl) return fromUrl;
  }
  const doi = firstMeta(meta, 'citation_doi');
  return (doi && canonicalIdFromDoi(doi)) || canonicalIdFromUrl(pageUrl.href);
}
