import { arxivAbsUrl, arxivIdOf, arxivPdfUrl, canonicalIdFromUrl, type Paper } from '../paper';
import { type Adapter, compact, normaliseSpace, textOf } from './adapter';
import {
  authorNames,
  dateFromText,
  isArxivHost,
  labelOf,
  sourceText,
  withoutDescriptor,
} from './arxiv-common';
import type { PaperCard } from './types';

/**
 * arXiv search results (`/search/…`): each result is an `<li class="arxiv-result">` holding the
 * id line, subject tags, the title (with `search-hit` spans around matched words), authors,
 * abstract (short and full), dates and comments. The `<li>` is the card root; the UI goes at the end
 * of the id line, which MathJax never touches (the title and abstract are typeset).
 */

const SUBJECT_CODE = /^[a-z-]+(?:\.[A-Za-z-]+)?$/;

/** The result's own abstract link: the first link in it to an arXiv abstract page. */
function absLink(item: Element, base: string): { link: Element; id: string } | undefined {
  for (const link of item.getElementsByTagName('a')) {
    const href = link.getAttribute('href');
    if (!href?.includes('/abs/')) continue;
    const id = canonicalIdFromUrl(href, base);
    if (id) return { link, id };
  }
  return undefined;
}

/** The paragraph starting with a label (`Authors:`, `Comments:`): its first child is the label. */
function labelled(item: Element, label: string): Element | undefined {
  for (const paragraph of item.getElementsByTagName('p')) {
    const first = paragraph.firstElementChild;
    if (first && labelOf(textOf(first)) === label) return paragraph;
  }
  return undefined;
}

/** The title paragraph: by class, else the first paragraph with no link and no label in it. */
function titleOf(item: Element): Element | undefined {
  const byClass = item.querySelector('p.title');
  if (byClass) return byClass;
  for (const paragraph of item.getElementsByTagName('p')) {
    if (paragraph.getElementsByTagName('a').length) continue;
    const first = paragraph.firstElementChild;
    if (first && labelOf(textOf(first))) continue;
    if (/^(?:Submitted|Abstract)\b/.test(textOf(paragraph))) continue;
    return paragraph;
  }
  return undefined;
}

/** The full abstract when the page has it, else the shortened one; without "▽ More"/"△ Less". */
function abstractOf(item: Element): { element?: Element; text?: string } {
  const element =
    item.querySelector('[id$="-abstract-full"]') ??
    item.querySelector('.abstract-full') ??
    item.querySelector('[id$="-abstract-short"]') ??
    labelled(item, 'abstract');
  if (!element) return {};
  const text = withoutDescriptor(sourceText(element))
    .replace(/\s*[△▽]\s*(?:Less|More)\s*$/, '')
    .trim();
  return { element, text: text || undefined };
}

function cardFromResult(item: HTMLElement, base: string): PaperCard | undefined {
  const found = absLink(item, base);
  const arxivId = found && arxivIdOf(found.id);
  if (!found || !arxivId) return undefined;
  const titleElement = titleOf(item);
  const title = normaliseSpace(sourceText(titleElement));
  if (!title) return undefined;
  const authorsElement = item.querySelector('p.authors') ?? labelled(item, 'authors');
  const abstract = abstractOf(item);
  const submitted = [...item.getElementsByTagName('p')].find((p) => /^Submitted\b/.test(textOf(p)));
  const subjects = [...item.querySelectorAll('.tag, [data-tooltip]')]
    .map((tag) => textOf(tag))
    .filter((code) => SUBJECT_CODE.test(code));
  const comments = item.querySelector('p.comments') ?? labelled(item, 'comments');
  const journalRef = labelled(item, 'journal-ref');
  const paper: Paper = {
    id: found.id,
    title,
    authors: authorNames(authorsElement),
    abstract: abstract.text,
    url: arxivAbsUrl(arxivId),
    pdfUrl: arxivPdfUrl(arxivId),
    published: submitted ? dateFromText(textOf(submitted)) : undefined,
    source: 'arxiv',
    extras: compact<string | string[]>({
      comments: comments ? withoutDescriptor(sourceText(comments)) || undefined : undefined,
      journalRef: journalRef ? withoutDescriptor(sourceText(journalRef)) || undefined : undefined,
      primarySubject: subjects[0],
      subjects: subjects.length ? [...new Set(subjects)] : undefined,
    }),
  };
  const idLine = found.link.parentElement;
  return {
    paper,
    root: item,
    uiAnchor: idLine && idLine !== item && item.contains(idLine) ? idLine : item,
    uiPlacement: 'after',
    fields: { title: titleElement, authors: authorsElement ?? undefined, abstract: abstract.element },
  };
}

export const arxivSearch: Adapter = {
  name: 'arxiv-search',
  matches(url) {
    return isArxivHost(url) && /^\/search(?:\/|$)/.test(url.pathname);
  },
  extract(doc, url) {
    const cards: PaperCard[] = [];
    // Every list item, not only `li.arxiv-result`: a result is an item with an abstract link.
    for (const item of doc.getElementsByTagName('li')) {
      try {
        const card = cardFromResult(item as HTMLElement, url.href);
        if (card) cards.push(card);
      } catch {
        // One unreadable result is skipped; the others are still read.
      }
    }
    return cards;
  },
};
