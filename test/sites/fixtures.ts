import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Real page captures, shared between checkouts; absent in a fresh clone, so their tests skip. */
export const SHARED_FIXTURES = resolve(__dirname, '../../../shared/fixtures');
export const hasShared = (path: string): boolean => existsSync(resolve(SHARED_FIXTURES, path));

/** Fixtures we wrote ourselves, committed in this repository. */
const OWN_FIXTURES = resolve(__dirname, '../fixtures/sites');

/**
 * A fresh document holding the given HTML, parsed as the browser would. `<link>` tags are dropped:
 * extraction never reads them, and happy-dom would try (and loudly fail) to fetch the stylesheets.
 */
export function documentFrom(html: string): Document {
  return new DOMParser().parseFromString(html.replace(/<link\b[^>]*>/gi, ''), 'text/html');
}

export function sharedDocument(path: string): Document {
  return documentFrom(readFileSync(resolve(SHARED_FIXTURES, path), 'utf8'));
}

export function ownDocument(name: string): Document {
  return documentFrom(readFileSync(resolve(OWN_FIXTURES, name), 'utf8'));
}

/**
 * The same page after a redesign that keeps structure but not styling: every class attribute is
 * dropped or renamed, so only structure, embedded data, hrefs and ids are left to go by.
 */
export function withClassesDrifted(doc: Document, mode: 'strip' | 'rename'): Document {
  for (const element of doc.querySelectorAll('[class]')) {
    if (mode === 'strip') element.removeAttribute('class');
    else element.setAttribute('class', `x${(element.getAttribute('class') ?? '').length}-renamed`);
  }
  return doc;
}
