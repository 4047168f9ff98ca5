import type { Bookmark } from '../bookmark';
import { arxivAbsUrl, arxivIdOf } from '../paper';

/** What every export format reads off a bookmark, worked out once. */

export function arxivId(bookmark: Bookmark): string | undefined {
  return arxivIdOf(bookmark.id);
}

/** The paper's DOI: its own (a `doi:` id or one a page gave), else arXiv's `10.48550/arXiv.<id>`. */
export function doiOf(bookmark: Bookmark): string | undefined {
  if (bookmark.id.startsWith('doi:')) return bookmark.id.slice('doi:'.length);
  const given = bookmark.extras?.doi;
  if (typeof given === 'string' && given) return given;
  const arxiv = arxivId(bookmark);
  return arxiv ? `10.48550/arXiv.${arxiv}` : undefined;
}

export function urlOf(bookmark: Bookmark): string | undefined {
  if (bookmark.url) return bookmark.url;
  const arxiv = arxivId(bookmark);
  if (arxiv) return arxivAbsUrl(arxiv);
  return bookmark.id.startsWith('doi:') ? `https://doi.org/${bookmark.id.slice('doi:'.length)}` : undefined;
}

export function yearOf(bookmark: Bookmark): string | undefined {
  return /^(\d{4})/.exec(bookmark.published ?? '')?.[1];
}

/** `2025-09-02` → [2025, 9, 2]; as many parts as the date has. */
export function dateParts(published: string | undefined): number[] | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(published ?? '');
  if (!match) return undefined;
  return match.slice(1).filter(Boolean).map(Number);
}

// arXiv category names: cs.CV, math.AG, hep-th, physics.optics, q-bio.NC, stat.ML.
const CATEGORY = /^[a-z]+(?:-[a-z]+)?(?:\.[A-Za-z-]+)?$/;
const CATEGORY_IN_PARENS = /\(([a-z]+(?:-[a-z]+)?(?:\.[A-Za-z-]+)?)\)/;

function categoryIn(value: unknown): string | undefined {
  for (const item of Array.isArray(value) ? value : [value]) {
    if (typeof item !== 'string') continue;
    const text = item.trim();
    if (CATEGORY.test(text)) return text;
    const inParens = CATEGORY_IN_PARENS.exec(text)?.[1];
    if (inParens) return inParens;
  }
  return undefined;
}

/**
 * The arXiv primary category where known: an adapter's `primaryClass`/`primaryCategory` extra, the
 * first of its `subjects`/`categories` ("Computer Vision ... (cs.CV)"), or an old-style id's archive.
 */
export function primaryClassOf(bookmark: Bookmark): string | undefined {
  const arxiv = arxivId(bookmark);
  if (!arxiv) return undefined;
  const extras = bookmark.extras ?? {};
  return (
    categoryIn(extras.primaryClass) ??
    categoryIn(extras.primaryCategory) ??
    categoryIn(extras.subjects) ??
    categoryIn(extras.categories) ??
    (arxiv.includes('/') ? arxiv.slice(0, arxiv.indexOf('/')).toLowerCase() : undefined)
  );
}

/** Line breaks and runs of spaces as one space: for line-based formats and one-line cells. */
export function oneLine(text: string): string {
  // Most values are already one line: testing first is several times faster than always replacing.
  return NEEDS_SQUASH.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}
const NEEDS_SQUASH = /[^\S ]|\s{2}|^\s|\s$/;
