import {
  arxivAbsUrl,
  arxivIdOf,
  arxivPdfUrl,
  canonicalIdFromText,
  canonicalIdFromUrl,
  type Paper,
} from '../paper';
import { type Adapter, textOf } from './adapter';
import { sourceText, withoutDescriptor } from './arxiv-common';
import { canonicalIdFromMeta, citationDate, citationMeta, displayName, firstMeta } from './citation-meta';
import type { PaperCard } from './types';

/**
 * The last resort, run only when a page's own adapters find nothing (a redesign broke them, or
 * the page has no adapter): papers from `citation_*` meta tags, else from links to arXiv abstract
 * pages (and Hugging Face paper pages). It yields fewer fields, but never nothing.
 *
 * A linked paper's card root is the largest element around its links that mentions no other
 * paper: the list item, row or block that holds that one entry.
 */

const CONTAINER_LIMIT = new Set(['body', 'html', 'main']);

function paperBase(id: string, source: string): Pick<Paper, 'id' | 'url' | 'pdfUrl' | 'source'> {
  const arxivId = arxivIdOf(id);
  return arxivId ? { id, url: arxivAbsUrl(arxivId), pdfUrl: arxivPdfUrl(arxivId), source } : { id, source };
}

function cardFromMeta(doc: Document, url: URL): PaperCard | undefined {
  const meta = citationMeta(doc);
  const title = firstMeta(meta, 'citation_title');
  const id = title ? canonicalIdFromMeta(meta, url) : undefined;
  if (!title || !id || !doc.body) return undefined;
  const heading = [...doc.querySelectorAll<HTMLElement>('h1, h2')].find((h) => textOf(h).includes(title));
  const root = heading?.parentElement ?? doc.body;
  return {
    paper: {
      ...paperBase(id, 'page'),
      title,
      authors: (meta.get('citation_author') ?? []).map(displayName),
      abstract: firstMeta(meta, 'citation_abstract'),
      published: citationDate(
        firstMeta(meta, 'citation_date') ?? firstMeta(meta, 'citation_publication_date'),
      ),
    },
    root,
    uiAnchor: root,
    uiPlacement: 'before',
    fields: { title: heading },
  };
}

/** The canonical id a link points at, for links to arXiv abstract pages and HF paper pages. */
function linkedPaperId(link: Element, base: string): string | undefined {
  const href = link.getAttribute('href');
  if (!href || !/\/(?:abs|papers)\//.test(href)) return undefined;
  return canonicalIdFromUrl(href, base);
}

/** The first element under `container` whose own text (not its children's) has a few words. */
function firstTextBlock(container: Element): Element | undefined {
  const elements = container.getElementsByTagName('*');
  for (let i = 0; i < elements.length && i < 64; i++) {
    const element = elements[i];
    if (!element || element.hasAttribute('data-paperlight-ui')) continue;
    let own = '';
    for (let node = element.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) own += node.nodeValue;
    }
    if (own.trim().split(/\s+/).length >= 3) return element;
  }
  return undefined;
}

/**
 * Where the paper's title is: the root's heading, else the longest link text about the paper
 * that is not just its id, else (an id line with its details beside it, as in a definition list)
 * the first words of the next element, when that names no paper itself.
 */
function titleElementOf(
  root: HTMLElement,
  links: Element[],
  id: string,
  paperOf: Map<Element, string | null>,
): Element | undefined {
  const heading = root.querySelector('h1, h2, h3, h4, h5');
  if (heading && textOf(heading)) return heading;
  let best: Element | undefined;
  for (const link of links) {
    const text = textOf(link);
    if (text.split(' ').length < 3 || canonicalIdFromText(text) === id) continue;
    if (!best || text.length > textOf(best).length) best = link;
  }
  if (best) return best;
  const next = root.nextElementSibling;
  return next && !paperOf.has(next) ? firstTextBlock(next) : undefined;
}

function cardsFromLinks(doc: Document, url: URL): PaperCard[] {
  const linksById = new Map<string, Element[]>();
  // For each element above a paper link: the one paper it mentions, or null once it mentions two.
  const paperOf = new Map<Element, string | null>();
  for (const link of doc.getElementsByTagName('a')) {
    const id = linkedPaperId(link, url.href);
    if (!id) continue;
    const links = linksById.get(id);
    if (links) links.push(link);
    else linksById.set(id, [link]);
    for (let element: Element | null = link; element; element = element.parentElement) {
      const seen = paperOf.get(element);
      if (seen === null) break;
      paperOf.set(element, seen === undefined || seen === id ? id : null);
    }
  }
  const cards: PaperCard[] = [];
  for (const [id, links] of linksById) {
    const first = links[0];
    if (!first) continue;
    let root = first as HTMLElement;
    for (let parent = root.parentElement; parent; parent = parent.parentElement) {
      if (CONTAINER_LIMIT.has(parent.localName) || paperOf.get(parent) !== id) break;
      root = parent;
    }
    const titleElement = titleElementOf(root, links, id, paperOf);
    const title = (titleElement && withoutDescriptor(sourceText(titleElement))) || textOf(first) || id;
    cards.push({
      paper: { ...paperBase(id, 'page'), title, authors: [] },
      root,
      uiAnchor: root,
      uiPlacement: 'after',
      fields: { title: titleElement },
    });
  }
  return cards;
}

export const generic: Adapter = {
  name: 'generic',
  fallback: true,
  matches(url) {
    return url.protocol === 'https:' || url.protocol === 'http:';
  },
  extract(doc, url) {
    const fromMeta = cardFromMeta(doc, url);
    return fromMeta ? [fromMeta] : cardsFromLinks(doc, url);
  },
};
