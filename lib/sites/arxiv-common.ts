import { ARXIV_HOSTS, canonicalIdFromArxivId, canonicalIdFromUrl } from '../paper';
import { normaliseSpace, textOf } from './adapter';

/** Whether the page is one of arXiv's own (lib/paper.ts lists the hosts). */
export function isArxivHost(url: URL): boolean {
  return ARXIV_HOSTS.has(url.hostname);
}

// `/abs/<id>` or `https://arxiv.org/abs/<id>`: the common case, read without building a URL.
const ABS_HREF = /^(?:https?:\/\/(?:www\.|export\.)?arxiv\.org)?\/abs\/([^?#]+?)\/?$/;

/**
 * The canonical id of a link to an arXiv abstract page on an arXiv page, or undefined. Listings
 * have thousands of these links, so the usual shapes skip URL parsing.
 */
export function idFromAbsHref(href: string, base: string): string | undefined {
  const fast = ABS_HREF.exec(href.trim());
  if (fast?.[1]) {
    let id = fast[1];
    try {
      id = decodeURIComponent(id);
    } catch {
      return undefined;
    }
    return canonicalIdFromArxivId(id);
  }
  return href.includes('/abs/') ? canonicalIdFromUrl(href, base) : undefined;
}

// MathJax 2 leaves its rendering in elements whose class starts with "MathJax" (MathJax,
// MathJax_Preview, MathJax_Display, MathJax_CHTML, MathJax_SVG...) and the source in a script.
const MATHJAX2_RENDERING = /(?:^|\s)MathJax/;

function appendText(node: Node, parts: string[]): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      parts.push(child.nodeValue ?? '');
      continue;
    }
    if (child.nodeType !== 1) continue;
    const element = child as Element;
    const tag = element.localName;
    if (tag === 'script') {
      const type = element.getAttribute('type') ?? '';
      if (type.startsWith('math/tex')) {
        const fence = type.includes('display') ? '$$' : '$';
        parts.push(`${fence}${element.textContent ?? ''}${fence}`);
      }
    } else if (tag === 'mjx-container') {
      // MathJax 3 keeps no TeX in the page; its assistive MathML holds the readable text.
      parts.push(element.querySelector('mjx-assistive-mml')?.textContent ?? '');
    } else if (
      tag !== 'style' &&
      !element.hasAttribute('data-paperlight-ui') &&
      !MATHJAX2_RENDERING.test(element.getAttribute('class') ?? '')
    ) {
      appendText(element, parts);
    }
  }
}

/**
 * An element's text as the page's source had it, before or after MathJax typesets it: rendered
 * maths is read back as its TeX (`$Bi_2O_2Se$`), and the extension's own UI is never read.
 */
export function sourceText(element: Element | null | undefined): string {
  if (!element) return '';
  const parts: string[] = [];
  appendText(element, parts);
  return normaliseSpace(parts.join(''));
}

// The labels arXiv puts before a field's value, in listings, search results and abstract pages.
const DESCRIPTOR =
  /^(?:Title|Authors?|Abstract|Comments|Journal[- ]ref|Subjects|Report[- ]no|DOI|MSC[- ]class(?:es)?|ACM[- ]class(?:es)?)\s*:\s*/i;

/** A field's value without its leading label ("Title: Foo" → "Foo"). */
export function withoutDescriptor(text: string): string {
  return text.replace(DESCRIPTOR, '');
}

/**
 * The field a label names, when the text is a label and nothing else: `Journal-ref:` →
 * `journal-ref`, `Authors:` → `authors`; `Title: Foo` → undefined.
 */
export function labelOf(text: string): string | undefined {
  const match = DESCRIPTOR.exec(text);
  if (!match || match[0].length !== text.length) return undefined;
  const label = match[0]
    .replace(/\s*:\s*$/, '')
    .replace(' ', '-')
    .toLowerCase();
  return label === 'author' ? 'authors' : label;
}

/** `Materials Science (cond-mat.mtrl-sci); Soft Condensed Matter (cond-mat.soft)` → the codes. */
export function subjectCodes(text: string): string[] {
  return [...text.matchAll(/\(([a-z-]+(?:\.[A-Za-z-]+)?)\)/g)].map((match) => match[1] ?? '').filter(Boolean);
}

/** Whether an element is a field's label (`<span class="descriptor">Authors:</span>`). */
export function isLabel(element: Element): boolean {
  const text = element.textContent ?? '';
  // Labels are short: skip normalising whole fields just to learn they are not one.
  return text.length < 32 && labelOf(normaliseSpace(text)) !== undefined;
}

/** Splits unlinked author text ("A. Sen, B. Zwiebach and C. Hull") into names. */
function namesInText(text: string, names: string[]): void {
  for (const piece of text.split(/[,;:]|\band\b/)) {
    const name = normaliseSpace(piece);
    if (name && /\p{L}/u.test(name)) names.push(name);
  }
}

/**
 * Authors from an arXiv author block, in order: each linked name, and any name written without a
 * link. Affiliations in parentheses after a name ("Jane Doe (TU Wien, Austria)") are not names.
 */
export function authorNames(block: Element | null | undefined): string[] {
  if (!block) return [];
  const names: string[] = [];
  let depth = 0;
  let pending = '';
  for (let node = block.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1) {
      const element = node as Element;
      if (element.localName === 'a' && depth === 0) {
        namesInText(pending, names);
        pending = '';
        const name = textOf(element);
        if (name) names.push(name);
        continue;
      }
      if (element.hasAttribute('data-paperlight-ui') || isLabel(element)) continue;
    }
    for (const char of node.textContent ?? '') {
      if (char === '(') depth++;
      else if (char === ')') depth = Math.max(0, depth - 1);
      else if (depth === 0) pending += char;
    }
  }
  namesInText(pending, names);
  return names;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `25 September, 2023` or `9 Sep 2026` → `2023-09-25`; undefined when no such date is found. */
export function dateFromText(text: string): string | undefined {
  const match = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})/.exec(text);
  if (!match) return undefined;
  const month = MONTHS.indexOf((match[2] ?? '').toLowerCase());
  if (month < 0) return undefined;
  return `${match[3]}-${String(month + 1).padStart(2, '0')}-${(match[1] ?? '').padStart(2, '0')}`;
}
