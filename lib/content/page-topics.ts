import type { FocusMode, TopicCount } from '../../components/SummaryBar';
import { request } from '../messenger';
import type { PaperCard } from '../sites/types';
import { createHighlighter, type HighlightCard, type Highlighter } from '../topics/highlighter';
import type { Topic } from '../topics/topic';
import { FocusStyle, SummaryUi } from './summary-ui';

/** What the topics part of the page needs to know about one card. */
export interface TopicCard {
  card: PaperCard;
  /** Topic ids the card matched, in topic order; set by `paint`. */
  topics: string[];
}

/** The card's highlight input: its displayed fields, plus the data it does not display. */
function highlightCardOf(card: PaperCard): HighlightCard {
  const { fields, paper } = card;
  const extraText: string[] = [];
  // Matching runs over displayed text anyway; only what the card does not show is added.
  if (!fields.title) extraText.push(paper.title);
  if (!fields.authors && paper.authors.length) extraText.push(paper.authors.join(', '));
  if (!fields.abstract && paper.abstract) extraText.push(paper.abstract);
  return {
    fields: [fields.title, fields.authors, fields.abstract].filter((field): field is Element => !!field),
    extraText,
  };
}

/**
 * Topics on one page: paints matches, marks each card with `data-paperlight-topics`, and keeps the
 * summary bar and the focus mode (dim or hide the others) up to date.
 */
export class PageTopics {
  private topics: Topic[] = [];
  private highlighter: Highlighter | undefined;
  private readonly highlightCards = new WeakMap<TopicCard, HighlightCard>();
  private summary: SummaryUi | undefined;
  private focusStyle: FocusStyle | undefined;
  private mode: FocusMode = 'all';
  private jumpIndex = -1;
  private reportedMatches = 0;

  constructor(private readonly doc: Document) {}

  /** The enabled topics, in the user's order. */
  get enabled(): Topic[] {
    return this.topics;
  }

  /** Replaces the topic list; the caller then paints every card again. */
  setTopics(topics: Topic[]): void {
    this.topics = topics.filter((topic) => topic.enabled);
    if (!this.highlighter && this.topics.length) {
      this.highlighter = createHighlighter(this.topics, { document: this.doc });
    } else {
      this.highlighter?.setTopics(this.topics);
    }
  }

  /** Matches and paints one card; returns whether its topics changed. */
  paint(entry: TopicCard): boolean {
    const previous = entry.topics.join(' ');
    let highlightCard = this.highlightCards.get(entry);
    if (!highlightCard) {
      highlightCard = highlightCardOf(entry.card);
      this.highlightCards.set(entry, highlightCard);
    }
    entry.topics = this.highlighter && this.topics.length ? this.highlighter.paint(highlightCard) : [];
    const ids = entry.topics.join(' ');
    if (ids) entry.card.root.setAttribute('data-paperlight-topics', ids);
    else entry.card.root.removeAttribute('data-paperlight-topics');
    return ids !== previous;
  }

  forget(entry: TopicCard): void {
    const highlightCard = this.highlightCards.get(entry);
    if (highlightCard) this.highlighter?.forget(highlightCard);
    this.highlightCards.delete(entry);
  }

  /** The summary bar over these cards (every card on the page, in document order), and the badge. */
  updateSummary(entries: TopicCard[]): void {
    if (!this.topics.length || !entries.length) {
      this.summary?.hide();
      this.focusStyle?.set('all');
      this.reportMatches(0);
      return;
    }
    const papers = new Map<string, string[]>();
    for (const entry of entries) papers.set(entry.card.paper.id, entry.topics);
    const counts: TopicCount[] = this.topics.map((topic) => ({ ...topic, count: 0 }));
    const byId = new Map(counts.map((count) => [count.id, count]));
    let matching = 0;
    for (const topics of papers.values()) {
      if (topics.length) matching++;
      for (const id of topics) {
        const count = byId.get(id);
        if (count) count.count++;
      }
    }
    this.reportMatches(matching);
    this.summary ??= new SummaryUi(this.doc);
    this.summary.render({
      total: papers.size,
      matching,
      topics: counts,
      mode: this.mode,
      onMode: (mode) => {
        this.mode = mode;
        this.focusStyle ??= new FocusStyle(this.doc);
        this.focusStyle.set(mode);
        this.updateSummary(entries);
      },
      onJump: (direction) => this.jump(entries, direction),
    });
  }

  private reportMatches(count: number): void {
    if (count === this.reportedMatches) return;
    this.reportedMatches = count;
    request('page/matches', { count }).catch(() => undefined);
  }

  /** Moves keyboard focus (and the view) to the previous or next matching card. */
  private jump(entries: TopicCard[], direction: -1 | 1): void {
    const matching = entries.filter((entry) => entry.topics.length && entry.card.root.isConnected);
    if (!matching.length) return;
    this.jumpIndex = (this.jumpIndex + direction + matching.length) % matching.length;
    const target = matching[this.jumpIndex];
    target?.card.root.scrollIntoView({ block: 'center', behavior: 'smooth' });
    const toggle = target?.card.root
      .querySelector('[data-paperlight-ui="card"]')
      ?.shadowRoot?.querySelector<HTMLElement>('[data-paperlight-action="bookmark"]');
    toggle?.focus({ preventScroll: true });
  }

  /** Leaves the page as it was. */
  clear(): void {
    this.highlighter?.clear();
    this.summary?.hide();
    this.focusStyle?.remove();
  }
}
