/**
 * Paints topic matches on a page, and says which topics each paper card matches.
 *
 * API
 *   createHighlighter(topics: readonly HighlightTopic[], options?: HighlighterOptions): Highlighter
 *   highlighter.paint(card: HighlightCard): string[]
 *     Matches the card's field elements (painting them) and its `extraText` (data the card may not
 *     show, e.g. an abstract from the page's embedded JSON; not painted). Returns the matched topic
 *     ids in topic order. Painting a card again first removes its previous paint; a field element
 *     painted under another card object moves to this one. Cost: proportional to the card's text.
 *   highlighter.forget(card)          removes the card's paint (call when the page re-renders a card)
 *   highlighter.forgetDisconnected()  forgets cards whose fields have left the document
 *   highlighter.setTopics(topics): HighlightCard[]
 *     Recompiles, removes all paint, and returns the cards painted so far, to paint again
 *     (through `paintInChunks` to keep tasks short).
 *   highlighter.clear()               removes all paint, the style element and the highlight registrations
 *   highlighter.whenStyled()          resolves once every painted field carries its topics' markers:
 *                                     they are set from frame callbacks, 1,500 fields a frame
 *   highlighter.problems              per topic/term problems (see matcher.ts)
 *   highlighter.mode                  'highlight' (CSS Custom Highlight API) or 'mark' (fallback)
 *   paintInChunks(highlighter, cards, options?): Promise<void>
 *     Paints cards in the given order (put the first screen first), about `chunkSize` (100) cards or
 *     `budgetMs` (30 ms) per task, yielding to the page between tasks; `onCard` gets each result,
 *     `onChunk` each task's size and duration.
 *   highlightName(topicId): string    the `CSS.highlights` name of a topic: `paperlight-<escaped id>`
 *
 * Cost (bench/highlight.bench.ts): a 2,000-entry arXiv page takes 35–40 ms of script with 15 to
 * 1,000 terms (finding the cards included, compiling not), in tasks of 5–10 ms per 100 cards. Pass in `extraText` only what the fields do not
 * show: every string is scanned in full. The `::highlight()` rules are scoped to the painted fields:
 * a bare rule would make Chrome restyle the whole page at once (about 120 ms on that 4.9 MB page).
 *
 * What it does to the page
 * - With the CSS Custom Highlight API: one `Highlight` per topic in `CSS.highlights` (earlier topics
 *   win where topics overlap), made of StaticRanges, registered once a topic first matches; a
 *   `<style data-paperlight-ui>` in the head with every topic's `::highlight()` rule, added with
 *   the topics (and one more for topics or colours added later; see `addRules`). A field element holding a topic's ranges gets the attribute
 *   `data-paperlight-painted-<escaped id>` (`paintedAttribute`), which that topic's rule is scoped
 *   to, set from the next frames (see `whenStyled`); `forget` and `clear` remove it. The page's nodes and text are never changed.
 * - Where `CSS.highlights` is missing (the only place the page's DOM is touched): matched text is
 *   wrapped in `<mark data-paperlight-ui data-paperlight-highlight="<name>">`, one topic per piece of
 *   text (overlaps go to the earlier match); forgetting a card unwraps them and rejoins the text nodes
 *   it split, so the page's text content is unchanged throughout.
 * - Text read from a field: its text nodes in order, concatenated, so a match may span inline
 *   elements (arXiv's search-hit spans, MathJax). Skipped: script, style, noscript, template,
 *   the extension's own UI (`[data-paperlight-ui]`) and arXiv's field labels (`.descriptor`, “Title:”).
 * - Colours: `background-color` is the topic's colour, made translucent when it is too dark for
 *   black text to stay readable on it; the text keeps its colour (`color: inherit`).
 */

import { yieldToPage } from '../yield-to-page';
import {
  type CompiledTopics,
  type CompileOptions,
  compileTopics,
  type MatchableTopic,
  type TermProblem,
  type TopicMatch,
} from './matcher';

export type HighlightTopic = MatchableTopic & { color?: string };

/** A paper card as the highlighter sees it; `PaperCard` from lib/sites/types.ts maps onto it. */
export interface HighlightCard {
  readonly fields: readonly Element[];
  readonly extraText?: readonly string[];
}

export interface HighlighterOptions {
  document?: Document;
  /** `auto`: the CSS Custom Highlight API when the page has it, else `<mark>`. */
  mode?: 'auto' | 'highlight' | 'mark';
  compile?: CompileOptions;
}

export interface Highlighter {
  readonly mode: 'highlight' | 'mark';
  readonly problems: readonly TermProblem[];
  paint(card: HighlightCard): string[];
  forget(card: HighlightCard): void;
  forgetDisconnected(): void;
  setTopics(topics: readonly HighlightTopic[]): HighlightCard[];
  clear(): void;
  /** Resolves once the highlights of every card painted so far are styled (see `markField`). */
  whenStyled(): Promise<void>;
}

const DEFAULT_COLOR = '#f4b400';
const UI_ATTRIBUTE = 'data-paperlight-ui';
const MARK_ATTRIBUTE = 'data-paperlight-highlight';
/**
 * Chrome gives a field's descendants (links, MathJax, search-hit spans) the field's highlight
 * styles: highlight inheritance. Firefox does not yet, so there each rule repeats itself for the
 * descendants; that second selector is checked for every element Chrome restyles, which made each
 * frame painting a 2,000-entry listing ~25% slower (about 34 instead of 26 ms), so only Firefox has it.
 */
const DESCENDANTS_NEED_RULES = import.meta.env.FIREFOX === true;
/**
 * Fields newly marked per frame: each costs its restyle (about 8 µs for an arXiv field, Chrome trace),
 * so a frame stays near 35 ms on a 2,000-entry listing and its fields are styled in 2-3 frames.
 */
const MARKERS_PER_FRAME = 1500;

/** The attribute on a field element holding ranges of a topic: that topic's rule applies only under it. */
export function paintedAttribute(topicId: string): string {
  return `data-${highlightName(topicId).replace('paperlight-', 'paperlight-painted-')}`;
}
const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template']);

/** A CSS identifier from a topic id, one-to-one: `[A-Za-z0-9-]` kept, anything else as `_<hex>_`. */
export function highlightName(topicId: string): string {
  let escaped = '';
  for (const char of topicId) {
    escaped += /[A-Za-z0-9-]/.test(char) ? char : `_${(char.codePointAt(0) ?? 0).toString(16)}_`;
  }
  return `paperlight-${escaped}`;
}

function relativeLuminance(red: number, green: number, blue: number): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue);
}

/** The topic colour, or a translucent version of it over which black text keeps a 4.5:1 contrast. */
export function readableBackground(color: string): string {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!hex) return readableBackground(DEFAULT_COLOR);
  const [red, green, blue] = hex.slice(1).map((part) => Number.parseInt(part, 16)) as [
    number,
    number,
    number,
  ];
  const contrastWithBlack = (alpha: number) => {
    const over = (c: number) => alpha * c + (1 - alpha) * 255;
    return (relativeLuminance(over(red), over(green), over(blue)) + 0.05) / 0.05;
  };
  if (contrastWithBlack(1) >= 4.5) return color.toLowerCase();
  let alpha = 1;
  while (alpha > 0.1 && contrastWithBlack(alpha) < 4.5) alpha -= 0.05;
  return `rgb(${red} ${green} ${blue} / ${alpha.toFixed(2)})`;
}

/** One field's text: its text nodes, where each starts in the concatenation, and the concatenation. */
interface FieldText {
  nodes: Text[];
  starts: number[];
  text: string;
}

const DESCRIPTOR_CLASS = /(?:^|\s)descriptor(?:\s|$)/;

function skipsElement(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.localName)) return true;
  if (element.hasAttribute(UI_ATTRIBUTE)) return !element.hasAttribute(MARK_ATTRIBUTE);
  // Not `classList`: it makes an object per element, and author lists have dozens of links.
  const classes = element.getAttribute('class');
  return classes !== null && DESCRIPTOR_CLASS.test(classes);
}

function readField(root: Element): FieldText {
  const only = root.firstChild;
  if (only !== null && only === root.lastChild && only.nodeType === 3) {
    // Most abstracts: one text node, read as it is.
    return { nodes: [only as Text], starts: [0], text: (only as Text).data };
  }
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let offset = 0;
  let node: Node | null = root.firstChild;
  while (node) {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      nodes.push(node as Text);
      starts.push(offset);
      parts.push(data);
      offset += data.length;
    } else if (node.nodeType === 1 && node.firstChild && !skipsElement(node as Element)) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    if (!node || node === root) break;
    node = node.nextSibling;
  }
  return { nodes, starts, text: parts.join('') };
}

/** A `[start, end)` of the concatenated text as pieces of text nodes. */
interface Piece {
  node: Text;
  start: number;
  end: number;
}

function piecesOf(field: FieldText, start: number, end: number, fromIndex: number): Piece[] {
  const pieces: Piece[] = [];
  for (let i = fromIndex; i < field.nodes.length; i++) {
    const node = field.nodes[i] as Text;
    const nodeStart = field.starts[i] as number;
    const nodeEnd = nodeStart + node.data.length;
    if (nodeEnd <= start) continue;
    if (nodeStart >= end) break;
    pieces.push({
      node,
      start: Math.max(start, nodeStart) - nodeStart,
      end: Math.min(end, nodeEnd) - nodeStart,
    });
  }
  return pieces;
}

/** Index of the last text node starting at or before `offset` (binary search). */
function nodeIndexAt(field: FieldText, offset: number): number {
  let low = 0;
  let high = field.starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((field.starts[mid] as number) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

interface PlacedMark {
  mark: HTMLElement;
  /** The mark's text was split off the text before / after it: rejoin them on removal. */
  joinPrevious: boolean;
  joinNext: boolean;
}

interface CardPaint {
  ranges: { highlight: Highlight; range: AbstractRange }[];
  /** In the order they were placed (last match first). */
  marks: PlacedMark[];
}

/** The highlight registry and `Highlight` class of the document's window, when it has them. */
function highlightApi(
  doc: Document,
): { registry: HighlightRegistry; HighlightClass: typeof Highlight } | undefined {
  const view = (doc.defaultView ?? globalThis) as typeof globalThis;
  const registry = view.CSS?.highlights;
  const HighlightClass = view.Highlight;
  return registry && HighlightClass ? { registry, HighlightClass } : undefined;
}

export function createHighlighter(
  topics: readonly HighlightTopic[],
  options: HighlighterOptions = {},
): Highlighter {
  const doc = options.document ?? document;
  const api = options.mode === 'mark' ? undefined : highlightApi(doc);
  if (options.mode === 'highlight' && !api) throw new Error('the CSS Custom Highlight API is missing here');
  const mode = api ? 'highlight' : 'mark';
  const StaticRangeClass = (doc.defaultView as (Window & typeof globalThis) | null)?.StaticRange;

  let compiled: CompiledTopics = compileTopics([]);
  let colors = new Map<string, string>();
  let highlights = new Map<string, Highlight>();
  /** The `<style>` elements added so far (see `addRules`), and the rule each topic has in them. */
  const styles: HTMLStyleElement[] = [];
  const ruleOf = new Map<string, string>();
  const painted = new Map<HighlightCard, CardPaint>();
  const ownerOfField = new Map<Element, HighlightCard>();
  /** Fields and the `paintedAttribute`s they carry; these stay while topics change (repaints). */
  const markedFields = new Map<Element, Set<string>>();
  /** Markers waiting for a frame, in paint order (first screen first), and who waits for them all. */
  const pendingMarks = new Map<Element, Set<string>>();
  let flushScheduled = false;
  let flushWaiters: (() => void)[] = [];
  const view = doc.defaultView;
  const requestFrame = view?.requestAnimationFrame ? view.requestAnimationFrame.bind(view) : undefined;

  /** Topics that have matched since the last `install`: only they get a registration and a rule. */
  let shown = new Set<string>();
  /** `paintedAttribute` of each topic, made once: it is needed for every match. */
  let attributes = new Map<string, string>();

  const install = (next: readonly HighlightTopic[]) => {
    compiled = compileTopics(next, options.compile);
    colors = new Map(next.map((topic) => [topic.id, topic.color ?? DEFAULT_COLOR]));
    highlights = new Map();
    shown = new Set();
    attributes = new Map(compiled.topicIds.map((id) => [id, paintedAttribute(id)]));
    if (api) {
      compiled.topicIds.forEach((id, index) => {
        const highlight = new api.HighlightClass();
        highlight.priority = compiled.topicIds.length - index;
        highlights.set(id, highlight);
      });
    }
    addRules(compiled.topicIds);
  };

  /** The first match of a topic: register its highlight (its rule is there already). */
  const show = (id: string) => {
    if (shown.has(id)) return;
    shown.add(id);
    const highlight = highlights.get(id);
    if (api && highlight) api.registry.set(highlightName(id), highlight);
  };

  // The rules. A bare `::highlight()` rule matches every element: inserting it restyles the whole
  // page in one long task (about 120 ms on a 2,000-entry arXiv listing). Scoped to the fields holding
  // the topic's ranges, by an attribute of its own, a rule costs only those fields' restyles.
  // Inserting rules costs Chrome a walk over the whole document (13-19 ms on that listing) in the
  // next frame, so every topic's rule is inserted when the topics are set (the extension does that
  // while the page loads), not as topics first match while cards are painted. Rules are never
  // changed or removed, only added: changing a style element restyles every field its rules apply
  // to in one frame (about 30 ms for 6,000 fields), and fields keep their markers while topics
  // change (see `markedFields`). A rule whose topic is gone or disabled has no registered highlight
  // and paints nothing; a new colour is a new rule, later in the document, which wins.
  const addRules = (ids: readonly string[]) => {
    const rules: string[] = [];
    for (const id of ids) {
      const name = highlightName(id);
      const declarations = `{ background-color: ${readableBackground(colors.get(id) ?? DEFAULT_COLOR)}; color: inherit; }`;
      const scope = `[${attributes.get(id)}]`;
      const rule = api
        ? DESCENDANTS_NEED_RULES
          ? `${scope}::highlight(${name}), ${scope} *::highlight(${name}) ${declarations}`
          : `${scope}::highlight(${name}) ${declarations}`
        : `mark[${MARK_ATTRIBUTE}="${name}"] ${declarations}`;
      if (ruleOf.get(id) === rule) continue;
      ruleOf.set(id, rule);
      rules.push(rule);
    }
    if (rules.length === 0) return;
    const element = doc.createElement('style');
    element.setAttribute(UI_ATTRIBUTE, '');
    element.textContent = rules.join('\n');
    (doc.head ?? doc.documentElement).append(element);
    styles.push(element);
  };

  const unregister = () => {
    if (!api) return;
    for (const id of shown) api.registry.delete(highlightName(id));
  };

  const removePaint = (card: HighlightCard) => {
    const paint = painted.get(card);
    if (!paint) return;
    for (const { highlight, range } of paint.ranges) highlight.delete(range);
    for (let i = paint.marks.length - 1; i >= 0; i--) unwrap(paint.marks[i] as PlacedMark);
    painted.delete(card);
    for (const field of card.fields) if (ownerOfField.get(field) === card) ownerOfField.delete(field);
  };

  const setMarker = (field: Element, attribute: string) => {
    const attributes = markedFields.get(field);
    if (attributes) attributes.add(attribute);
    else markedFields.set(field, new Set([attribute]));
    field.setAttribute(attribute, '');
  };

  // Each newly marked field is restyled at the next frame. Painting runs in tasks that usually end
  // before a frame is due, so markers set as cards are painted would all be restyled in one frame
  // (about 55 ms for a 2,000-entry arXiv listing); set from frame callbacks, they are spread out.
  const flushMarks = () => {
    flushScheduled = false;
    let budget = MARKERS_PER_FRAME;
    for (const [field, attributes] of pendingMarks) {
      if (budget-- <= 0) break;
      for (const attribute of attributes) setMarker(field, attribute);
      pendingMarks.delete(field);
    }
    if (pendingMarks.size > 0) scheduleFlush();
    else resolveFlushWaiters();
  };

  const scheduleFlush = () => {
    if (flushScheduled || !requestFrame) return;
    flushScheduled = true;
    requestFrame(flushMarks);
  };

  const resolveFlushWaiters = () => {
    const waiters = flushWaiters;
    flushWaiters = [];
    for (const resolve of waiters) resolve();
  };

  const markField = (field: Element, topicId: string) => {
    const attribute = attributes.get(topicId) as string;
    if (markedFields.get(field)?.has(attribute)) return;
    if (!requestFrame) {
      setMarker(field, attribute);
      return;
    }
    const pending = pendingMarks.get(field);
    if (pending) pending.add(attribute);
    else pendingMarks.set(field, new Set([attribute]));
    scheduleFlush();
  };

  const unmarkField = (field: Element) => {
    for (const attribute of markedFields.get(field) ?? []) field.removeAttribute(attribute);
    markedFields.delete(field);
    pendingMarks.delete(field);
  };

  const wrap = (piece: Piece, name: string): PlacedMark => {
    let target = piece.node;
    const joinNext = piece.end < target.data.length;
    if (joinNext) target.splitText(piece.end);
    const joinPrevious = piece.start > 0;
    if (joinPrevious) target = target.splitText(piece.start);
    const mark = doc.createElement('mark');
    mark.setAttribute(UI_ATTRIBUTE, '');
    mark.setAttribute(MARK_ATTRIBUTE, name);
    target.before(mark);
    mark.append(target);
    return { mark, joinPrevious, joinNext };
  };

  const paintField = (
    field: Element,
    text: FieldText,
    matches: readonly TopicMatch[],
    paint: CardPaint,
    found: Set<string>,
  ) => {
    if (api) {
      let nodeIndex = 0;
      for (const match of matches) {
        found.add(match.topicId);
        const highlight = highlights.get(match.topicId);
        if (!highlight) continue;
        show(match.topicId);
        nodeIndex = nodeIndexAt(text, match.start);
        const pieces = piecesOf(text, match.start, match.end, nodeIndex);
        const first = pieces[0];
        const last = pieces[pieces.length - 1];
        if (!first || !last) continue;
        const bounds = {
          startContainer: first.node,
          startOffset: first.start,
          endContainer: last.node,
          endOffset: last.end,
        };
        let range: AbstractRange;
        if (StaticRangeClass) {
          range = new StaticRangeClass(bounds);
        } else {
          const liveRange = doc.createRange();
          liveRange.setStart(first.node, first.start);
          liveRange.setEnd(last.node, last.end);
          range = liveRange;
        }
        highlight.add(range);
        paint.ranges.push({ highlight, range });
        markField(field, match.topicId);
      }
      return;
    }
    // <mark> fallback: no overlaps (the earlier, longer match keeps the text), placed from the end
    // so the offsets of earlier matches stay valid while text nodes are split.
    const placed: TopicMatch[] = [];
    let keptEnd = 0;
    for (const match of matches) {
      found.add(match.topicId);
      if (match.start < keptEnd) continue;
      placed.push(match);
      keptEnd = match.end;
    }
    for (let m = placed.length - 1; m >= 0; m--) {
      const match = placed[m] as (typeof placed)[number];
      const name = highlightName(match.topicId);
      show(match.topicId);
      const pieces = piecesOf(text, match.start, match.end, nodeIndexAt(text, match.start));
      for (let p = pieces.length - 1; p >= 0; p--) {
        const piece = pieces[p] as Piece;
        if (piece.end > piece.start) paint.marks.push(wrap(piece, name));
      }
    }
  };

  const highlighter: Highlighter = {
    mode,
    get problems() {
      return compiled.problems;
    },

    paint(card) {
      removePaint(card);
      for (const field of card.fields) {
        const owner = ownerOfField.get(field);
        if (owner && owner !== card) removePaint(owner);
      }
      const found = new Set<string>();
      const paint: CardPaint = { ranges: [], marks: [] };
      if (!compiled.isEmpty) {
        const texts = card.fields.map(readField);
        const matches = compiled.matchesEach(texts.map((text) => text.text));
        card.fields.forEach((field, index) => {
          const fieldMatches = matches[index] as TopicMatch[];
          if (fieldMatches.length > 0)
            paintField(field, texts[index] as FieldText, fieldMatches, paint, found);
        });
        for (const text of card.extraText ?? []) {
          for (const id of compiled.topicIdsIn(text)) found.add(id);
        }
      }
      painted.set(card, paint);
      for (const field of card.fields) ownerOfField.set(field, card);
      if (found.size < 2) return [...found];
      return compiled.topicIds.filter((id) => found.has(id));
    },

    whenStyled() {
      if (pendingMarks.size === 0) return Promise.resolve();
      return new Promise((resolve) => flushWaiters.push(resolve));
    },

    forget(card) {
      removePaint(card);
      for (const field of card.fields) unmarkField(field);
    },

    forgetDisconnected() {
      for (const card of [...painted.keys()]) {
        if (card.fields.some((field) => !field.isConnected)) highlighter.forget(card);
      }
    },

    setTopics(next) {
      const cards = [...painted.keys()];
      for (const card of cards) removePaint(card);
      unregister();
      install(next);
      return cards;
    },

    clear() {
      for (const card of [...painted.keys()]) removePaint(card);
      unregister();
      install([]);
      for (const element of styles) element.remove();
      styles.length = 0;
      ruleOf.clear();
      for (const field of [...markedFields.keys(), ...pendingMarks.keys()]) unmarkField(field);
      resolveFlushWaiters();
    },
  };

  install(topics);
  return highlighter;
}

function unwrap({ mark, joinPrevious, joinNext }: PlacedMark): void {
  let text = mark.firstChild;
  if (!mark.parentNode || !text || text.nodeType !== 3) return;
  mark.replaceWith(text);
  const previous = text.previousSibling;
  if (joinPrevious && previous?.nodeType === 3) {
    (previous as Text).appendData((text as Text).data);
    text.remove();
    text = previous;
  }
  const next = text.nextSibling;
  if (joinNext && next?.nodeType === 3) {
    (text as Text).appendData((next as Text).data);
    next.remove();
  }
}

export interface PaintInChunksOptions {
  /** Most cards per task (default 100). */
  chunkSize?: number;
  /** A task ends early once it has run this long (default 30 ms). */
  budgetMs?: number;
  signal?: AbortSignal;
  onCard?: (card: HighlightCard, topicIds: string[]) => void;
  /** After each task: how many cards it painted and how long it ran. */
  onChunk?: (cardsPainted: number, durationMs: number) => void;
}

export async function paintInChunks(
  highlighter: Highlighter,
  cards: readonly HighlightCard[],
  options: PaintInChunksOptions = {},
): Promise<void> {
  const chunkSize = options.chunkSize ?? 100;
  const budgetMs = options.budgetMs ?? 30;
  let index = 0;
  while (index < cards.length) {
    if (options.signal?.aborted) return;
    const started = performance.now();
    const chunkStart = index;
    const chunkEnd = Math.min(cards.length, index + chunkSize);
    while (index < chunkEnd) {
      const card = cards[index++] as HighlightCard;
      const topicIds = highlighter.paint(card);
      options.onCard?.(card, topicIds);
      if (performance.now() - started > budgetMs) break;
    }
    options.onChunk?.(index - chunkStart, performance.now() - started);
    if (index < cards.length) await yieldToPage();
  }
}
