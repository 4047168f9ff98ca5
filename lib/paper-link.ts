import { arxivAbsUrl, arxivIdOf, arxivPdfUrl, canonicalIdFromUrl, type Paper } from './paper';

/**
 * A minimal Paper from nothing but a link (or a tab's URL) and the text shown for it: what the
 * context menu and the popup's "Save this paper" have to go on. The id is canonical, so the paper
 * merges with any fuller record of it saved from a listing.
 */
export function paperFromLink(href: string, text?: string): Paper | undefined {
  const id = canonicalIdFromUrl(href);
  if (!id) return undefined;
  const arxivId = arxivIdOf(id);
  const host = new URL(href).hostname.replace(/^www\./, '');
  return {
    id,
    title: cleanTitle(text ?? '', id),
    authors: [],
    source: host === 'huggingface.co' ? 'huggingface' : host.replace(/\.org$/, ''),
    url: arxivId && host !== 'huggingface.co' ? arxivAbsUrl(arxivId) : href,
    ...(arxivId ? { pdfUrl: arxivPdfUrl(arxivId) } : {}),
  };
}

/** How the page titles we can see name a paper; each pattern strips the site's framing. */
const TITLE_FRAMES: RegExp[] = [
  /^\[[^\]]+\]\s*/, // arXiv abs: "[2509.02560] Title"
  /^Paper page\s*[-–]\s*/i, // Hugging Face: "Paper page - Title"
  /\s*[-–|]\s*(?:Hugging Face|arXiv(?:\.org)?)\s*$/i,
];

/**
 * A link's text or a tab's title, cleaned of site framing; the paper's id when what is left says
 * nothing (empty, "pdf", a file name, the id itself).
 */
export function cleanTitle(raw: string, id: string): string {
  let title = raw.replace(/\s+/g, ' ').trim();
  for (const frame of TITLE_FRAMES) title = title.replace(frame, '');
  title = title.trim();
  const fallback = arxivIdOf(id) ? `arXiv:${arxivIdOf(id)}` : id;
  const saysNothing =
    title.length < 4 ||
    /^(?:pdf|html|abs(?:tract)?|view|download|paper|other)$/i.test(title) ||
    /\.pdf$/i.test(title) ||
    canonicalIdFromUrl(`https://arxiv.org/abs/${title.replace(/^arxiv:\s*/i, '')}`) === id;
  return saysNothing ? fallback : title;
}
