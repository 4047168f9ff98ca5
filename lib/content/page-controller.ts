import browser from 'webextension-polyfill';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ChangeEvent, SaveFocusedReply } from '../messages';
import { isChangeEvent, isSaveFocusedCommand, request } from '../messenger';
import { listingKey } from '../seen';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { extractPapersInSlices } from '../sites';
import type { PaperCard } from '../sites/types';
import type { Topic } from '../topics/topic';
import { yieldToPage } from '../yield-to-page';
import { CardUi } from './card-ui';
import { PageTopics, type TopicCard } from './page-topics';
import { SeenStyle } from './seen-marks';

/** How long one main-thread task of ours may run before yielding to the page (well under 50 ms). */
const TASK_BUDGET_MS = 25;
/**
 * The first screen's share of the task that reads the first cards: that task also carries the
 * first slice of extraction and the style work of the page's first layout.
 */
const FIRST_SCREEN_BUDGET_MS = 12;
/** Extraction yields this often: the first slice shares its task with the first screen. */
const EXTRACTION_SLICE_MS = 8;
/** UI roots built for this long are inserted together: each insertion costs the page one layout. */
const UI_BATCH_MS = 120;
/** Pages re-render in bursts (MathJax, client-side navigation): rescan once the burst settles. */
const RESCAN_DELAY_MS = 120;

interface MountedCard extends TopicCard {
  /** The card's UI root; built after the card is marked. */
  ui?: CardUi;
  pending: boolean;
  error?: string;
}

/** Pages with at least this many cards are listings: their visits are recorded, to tell what is new. */
const LISTING_MIN_CARDS = 2;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Everything Paperlight does on one page: finds the paper cards, marks them, gives each a bookmark
 * toggle, and keeps all of it in step with the page (content that appears or re-renders later) and
 * with the library (changes made in other tabs or the popup).
 */
export class PageController {
  private readonly mounted = new Map<HTMLElement, MountedCard>();
  /** The same paper can appear in several cards (a listing's new and cross-list sections). */
  private readonly byPaper = new Map<string, Set<MountedCard>>();
  private readonly saved = new Set<string>();
  private readonly topics: PageTopics;
  private readonly topicsLoaded: Promise<void>;
  private settings: Settings = DEFAULT_SETTINGS;
  private readonly seenStyle: SeenStyle;
  /** Papers new since the last visit to this listing. */
  private readonly newPapers = new Set<string>();
  /** Papers whose showing was already recorded in this page's life. */
  private readonly recordedPapers = new Set<string>();
  private hoveredRoot: HTMLElement | undefined;
  /** Card roots whose content the page rewrote since the last scan: they are painted again. */
  private readonly rewrittenRoots = new Set<Element>();
  private scanning: Promise<void> | undefined;
  private rescanRequested = false;
  private rescanTimer: ReturnType<typeof setTimeout> | undefined;
  private observer: MutationObserver | undefined;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly doc: Document,
  ) {
    this.topics = new PageTopics(doc);
    this.seenStyle = new SeenStyle(doc);
    request('settings/get', {})
      .then((settings) => this.applySettings(settings))
      .catch((error: unknown) => console.warn('Paperlight: could not read settings', describe(error)));
    this.topicsLoaded = request('topics/list', {})
      .then((topics) => this.topics.setTopics(topics))
      .catch((error: unknown) => console.warn('Paperlight: could not read topics', describe(error)));
  }

  /** Starts at DOMContentLoaded (at once if the page is already parsed). */
  start(): void {
    if (this.doc.readyState === 'loading') {
      this.ctx.addEventListener(this.doc, 'DOMContentLoaded', () => this.startOnParsedPage(), { once: true });
    } else {
      this.startOnParsedPage();
    }
  }

  private startOnParsedPage(): void {
    this.requestScan();
    const observer = new MutationObserver((mutations) => this.onMutations(mutations));
    observer.observe(this.doc.documentElement, { childList: true, characterData: true, subtree: true });
    this.observer = observer;
    this.ctx.onInvalidated(() => {
      observer.disconnect();
      this.teardown();
    });
    this.ctx.addEventListener(window, 'wxt:locationchange', () => {
      // Another listing in the same page (client-side navigation): its visit is its own.
      this.recordedPapers.clear();
      this.newPapers.clear();
      this.scheduleRescan();
    });
    // A change broadcast while this tab slept (or while the worker restarted) is caught up on return.
    this.ctx.addEventListener(this.doc, 'visibilitychange', () => {
      if (this.doc.visibilityState === 'visible') void this.refreshSavedState([...this.mountedIds()]);
    });
    // The keyboard shortcut saves the card under the pointer when nothing on a card has focus.
    this.ctx.addEventListener(
      this.doc,
      'pointerover',
      (event) => {
        const target = event.target instanceof Element ? event.target.closest('[data-paperlight-id]') : null;
        if (target instanceof HTMLElement) this.hoveredRoot = target;
      },
      { passive: true },
    );
    const onMessage = (message: unknown): Promise<SaveFocusedReply> | undefined => {
      if (isChangeEvent(message)) this.applyChange(message);
      else if (isSaveFocusedCommand(message)) return this.saveFocused();
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    this.ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  }

  private onMutations(mutations: MutationRecord[]): void {
    let changed = false;
    for (const mutation of mutations) {
      if (!this.isPageMutation(mutation)) continue;
      changed = true;
      // Text re-rendered inside a card (MathJax typesetting a title, a framework patching it)
      // leaves the card's marks in place but its highlights on nodes that are gone.
      const target = mutation.target instanceof Element ? mutation.target : mutation.target.parentElement;
      const root = target?.closest('[data-paperlight-id]');
      if (root) this.rewrittenRoots.add(root);
    }
    if (changed) this.scheduleRescan();
  }

  /**
   * Runs our own DOM writes (the `<mark>` fallback splits and joins the page's text nodes) without
   * mistaking them for the page's: what the page did before is handled, what we did is dropped.
   */
  private ownWrites(write: () => void): void {
    if (this.observer) this.onMutations(this.observer.takeRecords());
    write();
    this.observer?.takeRecords();
  }

  /** Our own UI being added or re-rendered is not a page change. */
  private isPageMutation(mutation: MutationRecord): boolean {
    const target = mutation.target as Node;
    if (target instanceof Element && target.closest('[data-paperlight-ui]')) return false;
    if (mutation.type === 'characterData') return !target.parentElement?.closest('[data-paperlight-ui]');
    const touched = [...mutation.addedNodes, ...mutation.removedNodes];
    return touched.some((node) => !(node instanceof Element && node.hasAttribute('data-paperlight-ui')));
  }

  private scheduleRescan(): void {
    clearTimeout(this.rescanTimer);
    this.rescanTimer = setTimeout(() => this.requestScan(), RESCAN_DELAY_MS);
  }

  /** Scans now, or right after the scan under way: never two at once. */
  private requestScan(): void {
    if (this.scanning) {
      this.rescanRequested = true;
      return;
    }
    this.scanning = this.scan()
      .catch((error: unknown) => console.warn('Paperlight: scanning the page failed', error))
      .finally(() => {
        this.scanning = undefined;
        if (this.rescanRequested) {
          this.rescanRequested = false;
          this.requestScan();
        }
      });
  }

  /**
   * Reads the page's cards and decorates them in two passes, so that a 2,000-entry listing is
   * marked fast and no task of ours runs long:
   * 1. the first slice of cards (the first screen) is decorated completely in the task that reads
   *    it, before the page's first layout;
   * 2. every other card is marked and highlighted (attributes and highlight ranges: nothing the
   *    page must lay out again), in short tasks;
   * 3. their UI roots are built off-page in short tasks and inserted in a few large batches, since
   *    each insertion costs the page one layout whatever its size.
   */
  private async scan(): Promise<void> {
    if (this.ctx.isInvalid) return;
    this.ownWrites(() => this.forgetDetachedCards());
    await this.topicsLoaded;
    const rest: PaperCard[] = [];
    const rewritten = new Set(this.rewrittenRoots);
    this.rewrittenRoots.clear();
    const toRepaint: PaperCard[] = [];
    let firstSlice = true;
    await extractPapersInSlices(this.doc, new URL(this.doc.location.href), {
      onCards: (cards) => {
        const fresh = cards.filter((card) => this.needsMount(card));
        for (const card of cards) if (rewritten.has(card.root) && !fresh.includes(card)) toRepaint.push(card);
        if (firstSlice) {
          firstSlice = false;
          void this.refreshSavedState(fresh.map((card) => card.paper.id));
          const start = performance.now();
          this.ownWrites(() => {
            while (fresh.length && performance.now() - start < FIRST_SCREEN_BUDGET_MS) {
              const entry = this.mark(fresh.shift() as PaperCard);
              if (entry) this.attachUi([entry]);
            }
          });
        }
        rest.push(...fresh);
      },
      signal: this.ctx.signal,
      sliceMs: EXTRACTION_SLICE_MS,
      yieldToMain: yieldToPage,
    });
    await this.inTasks(toRepaint, (card) => this.repaint(card));
    const status = this.refreshSavedState(rest.map((card) => card.paper.id));
    const marked: MountedCard[] = [];
    await this.inTasks(rest, (card) => {
      const entry = this.mark(card);
      if (entry) marked.push(entry);
    });
    this.topics.updateSummary([...this.mounted.values()]);
    await status;
    await this.attachUiInBatches(marked);
    await this.recordVisit();
  }

  /** Builds UI roots in short tasks and inserts them every UI_BATCH_MS: a few layouts, not one per task. */
  private async attachUiInBatches(entries: MountedCard[]): Promise<void> {
    let built: MountedCard[] = [];
    let batchStart = performance.now();
    await this.inTasks(entries, (entry) => {
      if (!entry.card.root.isConnected || this.mounted.get(entry.card.root) !== entry) return;
      entry.ui = new CardUi(this.doc);
      this.render(entry);
      built.push(entry);
      if (performance.now() - batchStart > UI_BATCH_MS) {
        this.attachUi(built);
        built = [];
        batchStart = performance.now();
      }
    });
    this.attachUi(built);
  }

  private attachUi(entries: MountedCard[]): void {
    for (const entry of entries) {
      if (!entry.ui) {
        entry.ui = new CardUi(this.doc);
        this.render(entry);
      }
      entry.ui.attach(entry.card);
    }
  }

  /** Tells the background which papers this listing showed; marks the new ones and the seen ones. */
  private async recordVisit(): Promise<void> {
    if (this.mounted.size < LISTING_MIN_CARDS) return;
    const ids = [...new Set(this.mountedIds())].filter((id) => !this.recordedPapers.has(id));
    if (!ids.length) return;
    for (const id of ids) this.recordedPapers.add(id);
    try {
      const { newIds, seenIds } = await request('seen/visit', {
        listing: listingKey(this.doc.location.href),
        ids,
      });
      for (const id of newIds) {
        this.newPapers.add(id);
        this.renderPaper(id);
      }
      for (const id of seenIds) {
        for (const entry of this.byPaper.get(id) ?? [])
          entry.card.root.setAttribute('data-paperlight-seen', '');
      }
    } catch (error) {
      console.warn('Paperlight: could not record this visit', describe(error));
    }
  }

  private applySettings(settings: Settings): void {
    this.settings = settings;
    this.seenStyle.apply(settings);
    for (const id of this.newPapers) this.renderPaper(id);
  }

  /** A card not decorated yet, or whose decoration the page has since removed or reused. */
  private needsMount(card: PaperCard): boolean {
    const existing = this.mounted.get(card.root);
    if (!existing || existing.card.paper.id !== card.paper.id) return true;
    // A card still waiting for its UI root is decorated already; one whose UI the page dropped is not.
    return existing.ui?.isAttachedTo(card) === false;
  }

  /** Runs `work` over `items`, yielding to the page whenever a task has run for its budget. */
  private async inTasks<T>(items: readonly T[], work: (item: T) => void): Promise<void> {
    let taskStart = performance.now();
    for (const item of items) {
      if (performance.now() - taskStart > TASK_BUDGET_MS) {
        await yieldToPage();
        if (this.ctx.isInvalid) return;
        taskStart = performance.now();
      }
      this.ownWrites(() => work(item));
    }
  }

  /** Marks a card (its id, its topics, their highlights); its UI root comes later. */
  private mark(card: PaperCard): MountedCard | undefined {
    try {
      const previous = this.mounted.get(card.root);
      if (previous) this.unmount(previous);
      card.root.setAttribute('data-paperlight-id', card.paper.id);
      const entry: MountedCard = { card, pending: false, topics: [] };
      this.mounted.set(card.root, entry);
      const siblings = this.byPaper.get(card.paper.id) ?? new Set();
      siblings.add(entry);
      this.byPaper.set(card.paper.id, siblings);
      this.topics.paint(entry);
      return entry;
    } catch (error) {
      console.warn('Paperlight: could not decorate a card', card.paper.id, error);
      return undefined;
    }
  }

  private unmount(entry: MountedCard): void {
    entry.ui?.destroy();
    this.topics.forget(entry);
    this.mounted.delete(entry.card.root);
    this.byPaper.get(entry.card.paper.id)?.delete(entry);
  }

  /** A decorated card whose text the page rewrote: read again (its fields may be new elements) and painted again. */
  private repaint(card: PaperCard): void {
    const entry = this.mounted.get(card.root);
    if (!entry) return;
    this.topics.forget(entry);
    entry.card = card;
    if (this.topics.paint(entry)) this.render(entry);
  }

  /** Topics changed (in the options page, or another tab): every card is matched again. */
  private async applyTopics(topics: Topic[]): Promise<void> {
    this.topics.setTopics(topics);
    const entries = [...this.mounted.values()];
    await this.inTasks(entries, (entry) => {
      if (this.topics.paint(entry)) this.render(entry);
    });
    this.topics.updateSummary(entries);
  }

  private render(entry: MountedCard): void {
    entry.ui?.render({
      paperTitle: entry.card.paper.title,
      saved: this.saved.has(entry.card.paper.id),
      pending: entry.pending,
      error: entry.error,
      isNew: this.settings.markNew && this.newPapers.has(entry.card.paper.id),
      topics: this.topics.enabled.filter((topic) => entry.topics.includes(topic.id)),
      onToggle: () => void this.toggle(entry),
    });
  }

  private forgetDetachedCards(): void {
    for (const [root, entry] of this.mounted) if (!root.isConnected) this.unmount(entry);
  }

  private *mountedIds(): Iterable<string> {
    for (const entry of this.mounted.values()) yield entry.card.paper.id;
  }

  private renderPaper(id: string): void {
    for (const entry of this.byPaper.get(id) ?? []) this.render(entry);
  }

  /** Asks the background which of these papers are saved, and shows it. */
  private async refreshSavedState(ids: string[]): Promise<void> {
    if (!ids.length) return;
    try {
      const saved = new Set(await request('bookmarks/status', { ids: [...new Set(ids)] }));
      for (const id of ids) {
        if (saved.has(id) === this.saved.has(id)) continue;
        if (saved.has(id)) this.saved.add(id);
        else this.saved.delete(id);
        this.renderPaper(id);
      }
    } catch (error) {
      console.warn('Paperlight: could not read saved papers', describe(error));
    }
  }

  /**
   * The save shortcut: the card holding keyboard focus, else the one under the pointer, else the
   * page's only card (an abstract page). Saves, never removes: a shortcut pressed twice is harmless.
   */
  private async saveFocused(): Promise<SaveFocusedReply> {
    const focused = this.doc.activeElement?.closest('[data-paperlight-id]');
    const only = this.mounted.size === 1 ? [...this.mounted.values()][0] : undefined;
    const entry =
      (focused instanceof HTMLElement ? this.mounted.get(focused) : undefined) ??
      (this.hoveredRoot?.isConnected ? this.mounted.get(this.hoveredRoot) : undefined) ??
      only;
    if (!entry) return { handled: false };
    if (!this.saved.has(entry.card.paper.id)) await this.toggle(entry);
    return { handled: true };
  }

  /** Optimistic: the toggle flips at once, and flips back with a message if the write fails. */
  private async toggle(entry: MountedCard): Promise<void> {
    const { paper } = entry.card;
    const wasSaved = this.saved.has(paper.id);
    if (wasSaved) this.saved.delete(paper.id);
    else this.saved.add(paper.id);
    entry.pending = true;
    entry.error = undefined;
    this.renderPaper(paper.id);
    try {
      if (wasSaved) await request('bookmarks/remove', { id: paper.id });
      else
        await request('bookmarks/save', { paper, topics: entry.topics, savedFrom: this.doc.location.href });
    } catch (error) {
      if (wasSaved) this.saved.add(paper.id);
      else this.saved.delete(paper.id);
      entry.error = `Not ${wasSaved ? 'removed' : 'saved'}: ${describe(error)}`;
    } finally {
      entry.pending = false;
      this.renderPaper(paper.id);
    }
  }

  private applyChange(event: ChangeEvent): void {
    if (event.type === 'changed/topics') {
      void this.applyTopics(event.topics);
      return;
    }
    if (event.type === 'changed/settings') {
      this.applySettings(event.settings);
      return;
    }
    for (const bookmark of event.saved) {
      this.saved.add(bookmark.id);
      this.renderPaper(bookmark.id);
    }
    for (const id of event.removed) {
      this.saved.delete(id);
      this.renderPaper(id);
    }
  }

  /** The extension was updated or removed: leave the page as we found it. */
  private teardown(): void {
    clearTimeout(this.rescanTimer);
    for (const [root, entry] of this.mounted) {
      entry.ui?.destroy();
      root.removeAttribute('data-paperlight-id');
      root.removeAttribute('data-paperlight-topics');
      root.removeAttribute('data-paperlight-seen');
    }
    this.seenStyle.remove();
    this.mounted.clear();
    this.byPaper.clear();
    this.topics.clear();
  }
}
