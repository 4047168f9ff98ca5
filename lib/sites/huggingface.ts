import { arxivIdOf, arxivPdfUrl, canonicalIdFromUrl, type Paper } from '../paper';
import { type Adapter, compact, isoDate, normaliseSpace, textOf } from './adapter';
import type { PaperCard } from './types';

/**
 * Hugging Face Papers: daily/weekly/monthly views, trending, search and the single paper page.
 *
 * HF renders server-side with Svelte and hydrates from JSON in `[data-target][data-props]`
 * (`DailyPapers` on listings, `PaperContent` on a paper page). That JSON has the full metadata, so
 * it is the first source; cards are found in the DOM (`<article>` elements linking to
 * `/papers/<id>`) and matched to it by id. A card the JSON does not know (missing data, or data
 * left over from the previous day after in-app navigation) still yields id and title from the DOM.
 */

const HOSTS = new Set(['huggingface.co', 'www.huggingface.co']);
const PAPER_PATH = /^\/papers\/([^/]+)\/?$/;
const ORIGIN = 'https://huggingface.co';

// Hand-written readers rather than a schema library: this runs in the content script, whose
// bundle stays small. Each optional field is read on its own: one odd value must not cost the entry.
type JsonObject = Record<string, unknown>;

function asObject(value: unknown): JsonObject | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function optionalNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

interface HfOrganization {
  name?: string;
  fullname?: string;
}

interface HfPaper {
  id: string;
  title: string;
  summary?: string;
  authors?: { name?: string }[];
  publishedAt?: string;
  upvotes?: number;
  githubRepo?: string;
  projectPage?: string;
  githubStars?: number;
  numComments?: number;
  organization?: HfOrganization;
}

function readOrganization(value: unknown): HfOrganization | undefined {
  const org = asObject(value);
  return org && { name: optionalString(org.name), fullname: optionalString(org.fullname) };
}

function readPaper(value: unknown): HfPaper | undefined {
  const paper = asObject(value);
  const id = optionalString(paper?.id);
  const title = optionalString(paper?.title);
  if (!paper || !id || title === undefined) return undefined;
  return {
    id,
    title,
    summary: optionalString(paper.summary),
    authors: Array.isArray(paper.authors)
      ? paper.authors.map((author) => ({ name: optionalString(asObject(author)?.name) }))
      : undefined,
    publishedAt: optionalString(paper.publishedAt),
    upvotes: optionalNumber(paper.upvotes),
    githubRepo: optionalString(paper.githubRepo),
    projectPage: optionalString(paper.projectPage),
    githubStars: optionalNumber(paper.githubStars),
    numComments: optionalNumber(paper.numComments),
    organization: readOrganization(paper.organization),
  };
}

/** The facts the hydration JSON gives about one paper, whatever list it came from. */
export interface HfRecord {
  paper: HfPaper;
  numComments?: number;
  organization?: string;
}

/** A listing entry wraps the paper with listing-level facts (comments, the organisation chip). */
function recordFrom(item: unknown): HfRecord | undefined {
  const entry = asObject(item);
  const wrapped = readPaper(entry?.paper);
  const paper = wrapped ?? readPaper(item);
  if (!paper) return undefined;
  const org = paper.organization ?? (wrapped ? readOrganization(entry?.organization) : undefined);
  return {
    paper,
    numComments: (wrapped ? optionalNumber(entry?.numComments) : undefined) ?? paper.numComments,
    organization: org?.fullname ?? org?.name,
  };
}

/**
 * Every paper in one hydrater's props, by HF id. The shape differs by view (`dailyPapers` on
 * listings, a search result list, `paper` on a paper page), so any top-level array of paper-like
 * entries counts, and so does a top-level `paper` object.
 */
function recordsFromProps(props: unknown): Map<string, HfRecord> {
  const records = new Map<string, HfRecord>();
  if (!props || typeof props !== 'object') return records;
  for (const value of Object.values(props)) {
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      const record = recordFrom(item);
      if (record && !records.has(record.paper.id)) records.set(record.paper.id, record);
    }
  }
  return records;
}

// Parsing a listing's props (hundreds of kB) once per distinct value, not once per extraction pass.
const propsCache = new WeakMap<Element, { raw: string; records: Map<string, HfRecord> }>();

function recordsOf(hydrater: Element): Map<string, HfRecord> {
  const raw = hydrater.getAttribute('data-props') ?? '';
  const cached = propsCache.get(hydrater);
  if (cached?.raw === raw) return cached.records;
  let records = new Map<string, HfRecord>();
  try {
    records = recordsFromProps(JSON.parse(raw));
  } catch {
    // Unparseable props: the DOM fallback covers every card.
  }
  propsCache.set(hydrater, { raw, records });
  return records;
}

/** All papers in the page's hydration data, by HF id. */
function hydrationRecords(doc: Document): Map<string, HfRecord> {
  const all = new Map<string, HfRecord>();
  // Every hydrater, not only `DailyPapers`/`PaperContent`: a renamed target still feeds metadata.
  for (const hydrater of doc.querySelectorAll('[data-target][data-props]')) {
    for (const [id, record] of recordsOf(hydrater)) if (!all.has(id)) all.set(id, record);
  }
  return all;
}

/** The HF id and canonical id a `/papers/<id>` href names, if it names a paper. */
function paperLinkIds(
  href: string,
  known: Map<string, HfRecord>,
): { hfId: string; canonicalId: string } | undefined {
  let path: string;
  try {
    const url = new URL(href, ORIGIN);
    if (!HOSTS.has(url.hostname)) return undefined;
    path = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  const hfId = PAPER_PATH.exec(path)?.[1];
  if (!hfId) return undefined;
  const canonicalId = canonicalIdFromUrl(`${ORIGIN}/papers/${hfId}`);
  if (canonicalId) return { hfId, canonicalId };
  // Not an arXiv id: a paper only if the page's data knows it (`/papers/trending` is not one).
  return known.has(hfId) ? { hfId, canonicalId: `huggingface:${hfId}` } : undefined;
}

function buildPaper(
  hfId: string,
  canonicalId: string,
  domTitle: string,
  record?: HfRecord,
): Paper | undefined {
  const arxivId = arxivIdOf(canonicalId);
  const base = {
    id: canonicalId,
    url: `${ORIGIN}/papers/${hfId}`,
    pdfUrl: arxivId ? arxivPdfUrl(arxivId) : undefined,
    source: 'huggingface',
  };
  if (!record) {
    return domTitle ? { ...base, title: domTitle, authors: [] } : undefined;
  }
  const { paper } = record;
  const title = normaliseSpace(paper.title) || domTitle;
  if (!title) return undefined;
  const summary = paper.summary ? normaliseSpace(paper.summary) : '';
  return {
    ...base,
    title,
    authors: (paper.authors ?? []).map((author) => normaliseSpace(author.name ?? '')).filter(Boolean),
    abstract: summary || undefined,
    published: isoDate(paper.publishedAt),
    extras: compact<string | number>({
      upvotes: paper.upvotes,
      githubRepo: paper.githubRepo || undefined,
      projectPage: paper.projectPage || undefined,
      githubStars: paper.githubStars,
      numComments: record.numComments,
      organization: record.organization,
    }),
  };
}

/** One `<article>` card of a listing; undefined when it links to no paper or has no title. */
function cardFromArticle(article: HTMLElement, records: Map<string, HfRecord>): PaperCard | undefined {
  let ids: { hfId: string; canonicalId: string } | undefined;
  for (const link of article.querySelectorAll('a[href]')) {
    ids = paperLinkIds(link.getAttribute('href') ?? '', records);
    if (ids) break;
  }
  if (!ids) return undefined;
  const heading = article.querySelector('h1, h2, h3, h4');
  // Without a heading, the title is the longest link to the paper (the others are thumbnails, counters).
  const titleElement = heading ?? longestPaperLink(article, ids.hfId, records);
  const paper = buildPaper(ids.hfId, ids.canonicalId, textOf(titleElement), records.get(ids.hfId));
  if (!paper) return undefined;
  const titleBlock = titleElement?.parentElement;
  const uiAnchor =
    titleBlock && titleBlock !== article && article.contains(titleBlock) ? titleBlock : article;
  return {
    paper,
    root: article,
    uiAnchor,
    uiPlacement: 'after',
    fields: { title: titleElement ?? undefined },
  };
}

function longestPaperLink(
  article: HTMLElement,
  hfId: string,
  records: Map<string, HfRecord>,
): HTMLElement | undefined {
  let best: HTMLElement | undefined;
  let bestLength = 0;
  for (const link of article.querySelectorAll<HTMLElement>('a[href]')) {
    if (paperLinkIds(link.getAttribute('href') ?? '', records)?.hfId !== hfId) continue;
    const length = textOf(link).length;
    if (length > bestLength) {
      best = link;
      bestLength = length;
    }
  }
  return best;
}

/**
 * The paper page itself (`/papers/<id>`): the block holding the `<h1>` title is the card. Its
 * abstract is the element after the "Abstract" heading.
 */
function cardFromPaperPage(doc: Document, url: URL, records: Map<string, HfRecord>): PaperCard | undefined {
  const ids = paperLinkIds(url.pathname, records);
  const heading = doc.querySelector<HTMLElement>('main h1, h1');
  if (!ids || !heading) return undefined;
  const paper = buildPaper(ids.hfId, ids.canonicalId, textOf(heading), records.get(ids.hfId));
  if (!paper) return undefined;
  const root = heading.closest<HTMLElement>('section') ?? heading.parentElement ?? heading;
  const abstractHeading = [...root.querySelectorAll('h2, h3')].find((h) => /^abstract$/i.test(textOf(h)));
  const authors = [...root.querySelectorAll('div')].find((div) => /^Authors?:/.test(textOf(div)));
  return {
    paper,
    root,
    uiAnchor: heading.parentElement && root.contains(heading.parentElement) ? heading.parentElement : root,
    uiPlacement: 'after',
    fields: { title: heading, authors, abstract: abstractHeading?.nextElementSibling ?? undefined },
  };
}

export const huggingface: Adapter = {
  name: 'huggingface',
  matches(url) {
    return HOSTS.has(url.hostname) && (url.pathname === '/papers' || url.pathname.startsWith('/papers/'));
  },
  extract(doc, url) {
    const records = hydrationRecords(doc);
    const cards: PaperCard[] = [];
    for (const article of doc.querySelectorAll<HTMLElement>('article')) {
      try {
        const card = cardFromArticle(article, records);
        if (card) cards.push(card);
      } catch {
        // A card that cannot be read is skipped; the rest of the page still gets its cards.
      }
    }
    if (PAPER_PATH.test(url.pathname)) {
      const main = cardFromPaperPage(doc, url, records);
      if (main && !cards.some((card) => card.root === main.root || card.root.contains(main.root)))
        cards.push(main);
    }
    return cards;
  },
};
