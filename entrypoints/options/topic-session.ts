import { jsonEqual } from '../../lib/backup';
import type { Topic } from '../../lib/topics/topic';
import { mergeStoredTopics } from './topic-list';

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'failed';

export interface TopicSessionState {
  /** `undefined` until the stored list has loaded. */
  topics: Topic[] | undefined;
  status: SaveStatus;
  /** Why the last save failed; the edits are still in `topics`. */
  error?: string;
}

export interface TopicChange {
  /** Topics added or edited (by id). */
  edited?: readonly string[];
  removed?: readonly string[];
  reordered?: boolean;
  /** Typing waits for a pause; structural changes (add, delete, move, toggle) save at once. */
  immediate: boolean;
}

export interface TopicSessionOptions {
  /** Saves the list; `removed` names the topics the user deleted (any other missing one stays). */
  save(topics: Topic[], removed: string[]): Promise<unknown>;
  onState(state: TopicSessionState): void;
  debounceMs?: number;
}

/**
 * The options page's working copy of the topic list and how it reaches the store: one whole-list
 * save at a time, debounced while typing, and never a stored update that overwrites an edit the
 * user has not seen saved. Each pending edit carries a generation, so an edit made while a save is
 * in flight stays pending after that save succeeds.
 */
export class TopicSession {
  private topics: Topic[] | undefined;
  private status: SaveStatus = 'saved';
  private error: string | undefined;
  private generation = 0;
  private readonly edited = new Map<string, number>();
  private readonly removed = new Map<string, number>();
  private reorderedAt: number | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight = false;
  private readonly debounceMs: number;

  constructor(private readonly options: TopicSessionOptions) {
    this.debounceMs = options.debounceMs ?? 300;
  }

  get hasPendingEdits(): boolean {
    return this.edited.size > 0 || this.removed.size > 0 || this.reorderedAt !== undefined;
  }

  get current(): Topic[] | undefined {
    return this.topics;
  }

  /** The stored list, first loaded or broadcast after any change: adopted unless edits are pending. */
  receiveStored(stored: Topic[]): void {
    const next =
      this.topics && this.hasPendingEdits
        ? mergeStoredTopics(stored, this.topics, {
            edited: new Set(this.edited.keys()),
            removed: new Set(this.removed.keys()),
            reordered: this.reorderedAt !== undefined,
          })
        : stored;
    // Unchanged topics keep their identity, so their editors need not render again.
    const previous = new Map((this.topics ?? []).map((topic) => [topic.id, topic]));
    this.topics = next.map((topic) => {
      const known = previous.get(topic.id);
      return known && jsonEqual(known, topic) ? known : topic;
    });
    this.emit();
  }

  apply(next: Topic[], change: TopicChange): void {
    this.generation++;
    for (const id of change.edited ?? []) {
      this.edited.set(id, this.generation);
      this.removed.delete(id);
    }
    for (const id of change.removed ?? []) {
      this.removed.set(id, this.generation);
      this.edited.delete(id);
    }
    if (change.reordered) this.reorderedAt = this.generation;
    this.topics = next;
    if (this.status !== 'saving') this.status = 'pending';
    this.schedule(change.immediate ? 0 : this.debounceMs);
    this.emit();
  }

  /** Saves pending edits now (a structural change, a retry, or the page going away). */
  flush(): void {
    this.schedule(0);
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    if (delay === 0) void this.save();
    else this.timer = setTimeout(() => void this.save(), delay);
  }

  private async save(): Promise<void> {
    this.timer = undefined;
    // A save in flight picks up later edits when it ends: one write at a time keeps them in order.
    if (this.inFlight || !this.topics || !this.hasPendingEdits) return;
    const sentAt = this.generation;
    this.inFlight = true;
    this.status = 'saving';
    this.emit();
    try {
      await this.options.save(this.topics, [...this.removed.keys()]);
      for (const pending of [this.edited, this.removed]) {
        for (const [id, at] of pending) if (at <= sentAt) pending.delete(id);
      }
      if (this.reorderedAt !== undefined && this.reorderedAt <= sentAt) this.reorderedAt = undefined;
      this.error = undefined;
      this.status = this.hasPendingEdits ? 'pending' : 'saved';
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
      this.status = 'failed';
    } finally {
      this.inFlight = false;
    }
    this.emit();
    // Edits made during the save go out now, unless they are still being typed (a timer is set).
    if (this.status === 'pending' && this.timer === undefined) void this.save();
  }

  private emit(): void {
    this.options.onState({
      topics: this.topics,
      status: this.status,
      ...(this.error !== undefined ? { error: this.error } : {}),
    });
  }
}
