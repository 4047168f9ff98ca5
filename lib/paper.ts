/** A value a site adapter may keep about a paper beyond the common fields. */
export type PaperExtra = string | number | boolean | string[];

/**
 * A paper as the content script reads it off a page. The canonical id is the one key across sites:
 * the same arXiv paper on Hugging Face, an arXiv listing and its abstract page is one paper.
 * (Plain types here, so the content script carries no schema library; lib/paper-schema.ts
 * validates the same shape where data crosses a trust boundary.)
 */
export interface Paper {
  id: string;
  title: string;
  authors: string[];
  abstract?: string;
  url?: string;
  pdfUrl?: string;
  /** ISO date (YYYY-MM-DD) or full ISO timestamp, as precise as the page says. */
  published?: string;
  /** The site the paper was read from: `huggingface`, `arxiv`, ... */
  source: string;
  /** Site-specific facts worth keeping (upvotes, GitHub repo, comments, subjects...). */
  extras?: Record<string, PaperExtra>;
}

// New-style ids (0704.0001 onwards): YYMM.NNNN until 2014, YYMM.NNNNN since.
const NEW_STYLE = String.raw`\d{4}\.\d{4,5}`;
// Old-style ids: archive(.SUBJECT-CLASS)/YYMMNNN, e.g. hep-th/9901001, math.GT/0309136.
const OLD_STYLE = String.raw`[a-z]+(?:-[a-z]+)*(?:\.[A-Za-z]{2})?\/\d{7}`;
const VERSION = String.raw`(?:v\d+)?`;

const BARE_ID = new RegExp(`^(?:arxiv:)?(${NEW_STYLE}|${OLD_STYLE})${VERSION}$`, 'i');
const ID_IN_TEXT = new RegExp(
  `(?:^|[^\\w.\\/-])(?:arxiv:\\s*)?(${NEW_STYLE}|${OLD_STYLE})${VERSION}(?![\\w.])`,
  'i',
);
const ID_IN_PATH = new RegExp(
  `^\\/(?:abs|pdf|html|format|papers)\\/(${NEW_STYLE}|${OLD_STYLE})${VERSION}(?:\\.pdf)?\\/?$`,
  'i',
);
/** Hosts that serve arXiv's own pages. */
export const ARXIV_HOSTS = new Set(['arxiv.org', 'www.arxiv.org', 'export.arxiv.org']);

/** Lowercases the archive but keeps an old-style subject class's capitals (math.GT/0309136). */
function normaliseArxivId(raw: string): string {
  const slash = raw.indexOf('/');
  if (slash === -1) return raw;
  const [archive, subject] = raw.slice(0, slash).split('.');
  const head = subject ? `${archive?.toLowerCase()}.${subject.toUpperCase()}` : (archive ?? '').toLowerCase();
  return `${head}${raw.slice(slash)}`;
}

export function arxivCanonicalId(bareId: string): string {
  return `arxiv:${normaliseArxivId(bareId)}`;
}

/** `2509.02560v3`, `arXiv:2509.02560`, `hep-th/9901001v2` → `arxiv:<id>`; anything else → undefined. */
export function canonicalIdFromArxivId(text: string): string | undefined {
  const match = BARE_ID.exec(text.trim());
  return match?.[1] ? arxivCanonicalId(match[1]) : undefined;
}

/** The first arXiv id mentioned in free text ("arXiv:2509.02560v2 [cs.CV]"). */
export function canonicalIdFromText(text: string): string | undefined {
  const match = ID_IN_TEXT.exec(text);
  return match?.[1] ? arxivCanonicalId(match[1]) : undefined;
}

/** arXiv abs/pdf/html URLs and Hugging Face paper URLs → `arxiv:<id>`; other URLs → undefined. */
export function canonicalIdFromUrl(href: string, base?: string): string | undefined {
  let url: URL;
  let path: string;
  try {
    url = new URL(href, base);
    path = decodeURIComponent(url.pathname);
  } catch {
    // Not a URL, or a malformed %-escape in its path: it names no paper.
    return undefined;
  }
  const host = url.hostname.toLowerCase();
  if (ARXIV_HOSTS.has(host)) {
    const match = ID_IN_PATH.exec(path);
    return match?.[1] && !path.startsWith('/papers/') ? arxivCanonicalId(match[1]) : undefined;
  }
  if (host === 'huggingface.co' || host === 'www.huggingface.co') {
    const match = /^\/papers\/([^/]+)\/?$/.exec(path);
    return match?.[1] ? canonicalIdFromArxivId(match[1]) : undefined;
  }
  if (host === 'doi.org' || host === 'dx.doi.org') {
    return canonicalIdFromDoi(path.slice(1));
  }
  if (host === 'openreview.net') {
    const forum = url.searchParams.get('id');
    return forum && /^(?:forum|pdf)$/.test(path.slice(1)) ? `openreview:${forum}` : undefined;
  }
  return undefined;
}

export function canonicalIdFromDoi(doi: string): string | undefined {
  const trimmed = doi.trim().replace(/^(?:doi:|https?:\/\/(?:dx\.)?doi\.org\/)/i, '');
  if (!/^10\.\d{4,9}\/\S+$/.test(trimmed)) return undefined;
  // arXiv's own DOIs name an arXiv paper: keep one id for it.
  const arxiv = /^10\.48550\/arxiv\.(.+)$/i.exec(trimmed);
  return (arxiv?.[1] && canonicalIdFromArxivId(arxiv[1])) || `doi:${trimmed.toLowerCase()}`;
}

/** The arXiv id inside a canonical id (`arxiv:2509.02560` → `2509.02560`), if it is one. */
export function arxivIdOf(canonicalId: string): string | undefined {
  return canonicalId.startsWith('arxiv:') ? canonicalId.slice('arxiv:'.length) : undefined;
}

export function arxivAbsUrl(arxivId: string): string {
  return `https://arxiv.org/abs/${arxivId}`;
}

export function arxivPdfUrl(arxivId: string): string {
  return `https://arxiv.org/pdf/${arxivId}`;
}
