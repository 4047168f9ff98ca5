import { arxivAbsUrl, arxivIdOf, arxivPdfUrl, type Paper } from '../paper';
import { type Adapter, compact, textOf, type Warn } from './adapter';
import {
  authorNames,
  idFromAbsHref,
  isArxivHost,
  isLabel,
  labelOf,
  sourceText,
  subjectCodes,
  withoutDescriptor,
} from './arxiv-common';
import type { PaperCard } from './types';

/**
 * arXiv listings: `/list/<cat>/new` (new, cross-list and replacement sections, each its own
 * `dl#articles`), `/recent`, `/pastweek`, monthly `/list/<cat>/YYYY-MM` and `/YYMM`, and `catchup`.
 *
 * Each entry is a `<dt>` (id, links, "(cross-list from …)"/"(replaced)") followed by its `<dd>`
 * (title, authors, comments, journal ref, subjects, abstract on /new). The `<dd>` is the card
 * root: it is the one element holding the paper's text. The UI goes first into the block that
 * holds the title (`div.meta`), never into the title itself, which MathJax rewrites after load.
 */

type FieldKind =
  | 'title'
  | 'authors'
  | 'comments'
  | 'journal-ref'
  | 'subjects'
  | 'doi'
  | 'report-no'
  | 'abstract';

const FIELD_KINDS = new Set<string>(['title', 'authors', 'comments', 'journal-ref', 'subjects']);
const FIELD_CLASS = /(?:^|\s)list-(title|authors|comments|journal-ref|subjects)(?:\s|$)/;

/** Which field an element of a `<dd>` shows: by its class, else by its label, else by its shape. */
function fieldKind(element: Element): FieldKind | undefined {
  const byClass = FIELD_CLASS.exec(element.getAttribute('class') ?? '')?.[1];
  if (byClass) return byClass as FieldKind;
  // A label is the element's first child ("<span>Comments:</span> …"); the container of all
  // fields starts with a whole field instead, so it never matches here.
  const label = element.firstElementChild;
  if (label && label === firstMeaningfulChild(element) && isLabel(label)) {
    const field = labelOf(textOf(label));
    if (field && FIELD_KINDS.has(field)) return field as FieldKind;
  }
  if (element.localName === 'p') return 'abstract';
  if (element.querySelector('a[href*="searchtype=author"]') && !element.querySelector('div, p'))
    return 'authors';
  return undefined;
}

function firstMeaningfulChild(element: Element): ChildNode | undefined {
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 || (node.nodeType === 3 && node.nodeValue?.trim())) return node;
  }
  return undefined;
}

function readFields(dd: Element): Partial<Record<FieldKind, Element>> {
  const fields: Partial<Record<FieldKind, Element>> = {};
  for (const element of dd.querySelectorAll('div, p')) {
    const kind = fieldKind(element);
    if (kind && !fields[kind]) fields[kind] = element;
  }
  return fields;
}

/** The canonical id of a `<dt>`: its link to the abstract page. */
function idOfTerm(dt: Element, base: string): string | undefined {
  for (const link of dt.getElementsByTagName('a')) {
    const href = link.getAttribute('href');
    const id = href ? idFromAbsHref(href, base) : undefined;
    if (id) return id;
  }
  return undefined;
}

function fieldText(element: Element | undefined): string | undefined {
  const text = element ? withoutDescriptor(sourceText(element)) : '';
  return text || undefined;
}

function cardFromPair(dt: Element, dd: HTMLElement, base: string): PaperCard | undefined {
  const id = idOfTerm(dt, base);
  const arxivId = id && arxivIdOf(id);
  if (!id || !arxivId) return undefined;
  const fields = readFields(dd);
  const title = fieldText(fields.title);
  if (!title) return undefined;
  const termText = dt.textContent ?? '';
  const crossListFrom = /\(cross-list from ([^)\s]+)\)/.exec(termText)?.[1];
  const subjects = fields.subjects ? subjectCodes(sourceText(fields.subjects)) : [];
  const paper: Paper = {
    id,
    title,
    authors: authorNames(fields.authors),
    abstract: fieldText(fields.abstract),
    url: arxivAbsUrl(arxivId),
    pdfUrl: arxivPdfUrl(arxivId),
    source: 'arxiv',
    extras: compact<string | string[]>({
      listing: crossListFrom ? 'cross-list' : /\(replaced\)/.test(termText) ? 'replacement' : undefined,
      crossListFrom,
      comments: fieldText(fields.comments),
      journalRef: fieldText(fields['journal-ref']),
      primarySubject: subjects[0],
      subjects: subjects.length ? subjects : undefined,
    }),
  };
  const titleBlock = fields.title?.parentElement;
  return {
    paper,
    root: dd,
    uiAnchor: titleBlock && titleBlock !== dd && dd.contains(titleBlock) ? titleBlock : dd,
    uiPlacement: 'before',
    fields: { title: fields.title, authors: fields.authors, abstract: fields.abstract },
  };
}

/**
 * Reads one `<dl>` in a single pass over its children, pairing each `<dd>` with the `<dt>` right
 * before it. A `<dt>` without its `<dd>` (or the reverse) is left out and reported, never paired
 * with a neighbour's.
 */
function* readList(dl: Element, listIndex: number, base: string, warn: Warn): Generator<PaperCard> {
  let pending: Element | undefined;
  let terms = 0;
  let definitions = 0;
  let unpaired = 0;
  let found = 0;
  for (let child = dl.firstElementChild; child; child = child.nextElementSibling) {
    if (child.localName === 'dt') {
      terms++;
      if (pending) unpaired++;
      pending = child;
    } else if (child.localName === 'dd') {
      definitions++;
      if (!pending) {
        unpaired++;
        continue;
      }
      let card: PaperCard | undefined;
      try {
        card = cardFromPair(pending, child as HTMLElement, base);
      } catch {
        // One unreadable entry is skipped; the rest of the listing is still read.
      }
      pending = undefined;
      if (card) {
        found++;
        yield card;
      }
    }
  }
  if (pending) unpaired++;
  if (found > 0 && (terms !== definitions || unpaired > 0)) {
    warn(`list ${listIndex + 1}: ${terms} <dt> but ${definitions} <dd>; ${unpaired} left unpaired`);
  }
}

function* listingCards(doc: Document, url: URL, warn: Warn): Generator<PaperCard> {
  const lists = doc.getElementsByTagName('dl');
  for (let i = 0; i < lists.length; i++) {
    const dl = lists[i];
    if (dl) yield* readList(dl, i, url.href, warn);
  }
}

export const arxivList: Adapter = {
  name: 'arxiv-list',
  matches(url) {
    return isArxivHost(url) && /^\/(?:list|catchup)(?:\/|$)/.test(url.pathname);
  },
  cards: (doc, url, warn = () => {}) => listingCards(doc, url, warn),
  extract: (doc, url, warn = () => {}) => [...listingCards(doc, url, warn)],
};
