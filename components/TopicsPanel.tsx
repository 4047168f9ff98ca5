import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Topic } from '../lib/topics/topic';
import type { PaletteColor } from './ColorPicker';
import { type ReadTerms, type TopicEdit, TopicEditor, topicElementId } from './TopicEditor';
import { UndoToast } from './UndoToast';

export type SaveStatusView = 'saved' | 'pending' | 'saving' | 'failed';

export interface ExampleTopic {
  label: string;
  terms: readonly string[];
}

export interface DeletedTopic {
  label: string;
  /** Puts the topic back; returns its id (a fresh one if its old id was taken meanwhile). */
  undo(): string;
}

export interface TopicsPanelProps {
  /** `undefined` while loading. */
  topics: Topic[] | undefined;
  loadError?: string;
  saveStatus: SaveStatusView;
  saveError?: string;
  onRetrySave(): void;
  palette: readonly PaletteColor[];
  examples: readonly ExampleTopic[];
  /** Whether a topic with this label exists already (examples already added are not offered). */
  hasTopicLike(label: string): boolean;
  readTerms(text: string): ReadTerms;
  /** Adds a topic and returns its id. */
  onAdd(topic: ExampleTopic): string;
  onEdit(id: string, edit: TopicEdit, final: boolean): void;
  onMove(id: string, offset: -1 | 1): void;
  onDelete(id: string): DeletedTopic | undefined;
}

/** The topics section: matching rules, the ordered list of editors, adding, examples, undo. */
export function TopicsPanel(props: TopicsPanelProps) {
  const { topics, examples, hasTopicLike } = props;
  // The name field is uncontrolled (see TopicEditor); this only enables the button.
  const [hasNewLabel, setHasNewLabel] = useState(false);
  const [undoOffer, setUndoOffer] = useState<(DeletedTopic & { offerId: number }) | undefined>();
  const offers = useRef(0);
  // Examples start open on a first run and then stay as the user leaves them, even once topics exist.
  const [examplesOpen, setExamplesOpen] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    if (topics && examplesOpen === undefined) setExamplesOpen(topics.length === 0);
  }, [topics, examplesOpen]);
  // Focus moves after the list re-renders (a moved, added, deleted or restored topic).
  const focusNext = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!focusNext.current) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = undefined;
  });

  // Handlers shared by every editor keep one identity across renders (so an editor whose topic did
  // not change skips rendering) and read the latest props through a ref.
  const latest = useRef(props);
  latest.current = props;
  const handlers = useMemo(
    () => ({
      edit(id: string, edit: TopicEdit, final: boolean) {
        latest.current.onEdit(id, edit, final);
      },
      move(id: string, index: number, offset: -1 | 1) {
        latest.current.onMove(id, offset);
        const target = index + offset;
        const last = (latest.current.topics?.length ?? 1) - 1;
        // Focus follows the moved topic; at an end of the list the pressed button is disabled, so its opposite.
        let part: 'up' | 'down' = offset < 0 ? 'up' : 'down';
        if (part === 'up' && target <= 0) part = 'down';
        else if (part === 'down' && target >= last) part = 'up';
        focusNext.current = topicElementId(id, part);
      },
      remove(id: string, index: number) {
        const topicsBefore = latest.current.topics;
        const deleted = latest.current.onDelete(id);
        if (!deleted) return;
        offers.current++;
        setUndoOffer({ ...deleted, offerId: offers.current });
        const neighbour = topicsBefore?.[index + 1] ?? topicsBefore?.[index - 1];
        focusNext.current =
          neighbour && neighbour.id !== id ? topicElementId(neighbour.id, 'card') : 'new-topic';
      },
    }),
    [],
  );

  const add = (topic: ExampleTopic, focus: 'terms' | 'card') => {
    const id = props.onAdd(topic);
    focusNext.current = topicElementId(id, focus);
  };

  const undo = () => {
    if (!undoOffer) return;
    const id = undoOffer.undo();
    setUndoOffer(undefined);
    focusNext.current = topicElementId(id, 'card');
  };

  const offered = examples.filter((example) => !hasTopicLike(example.label));

  return (
    <section class="topics" aria-labelledby="topics-heading">
      <div class="section-head">
        <h2 id="topics-heading">Topics</h2>
        <SaveStatus status={props.saveStatus} error={props.saveError} onRetry={props.onRetrySave} />
      </div>
      <details class="rules">
        <summary>How terms match</summary>
        <ul>
          <li>Case does not matter, and a term matches whole words only: “RAG” does not match “drag”.</li>
          <li>
            In a term of several words, spaces and hyphens are interchangeable: “KV cache” finds “KV-cache”.
          </li>
          <li>
            A plural “s” or “es” is accepted: “KV cache” finds “KV caches”. Accents count: “cafe” is not
            “café”.
          </li>
          <li>
            Characters such as <code>C++</code> or <code>(a|b)</code> are plain text. Write{' '}
            <code>/pattern/</code> for a regular expression, matched as written (add <code>\b</code> for whole
            words, <code>i</code> to ignore case: <code>/\bLoRA\b/i</code>). A pattern that is invalid or
            could freeze a page is flagged here and never used.
          </li>
        </ul>
      </details>

      {props.loadError ? (
        <p role="alert" class="error">
          Could not load your topics: {props.loadError}
        </p>
      ) : null}
      {topics === undefined ? (
        props.loadError ? null : (
          <p>Loading topics…</p>
        )
      ) : topics.length === 0 ? (
        <p class="invitation">
          <strong>No topics yet.</strong> A topic is a name, a colour and the terms to look for; papers that
          mention them light up on Hugging Face Papers and arXiv. Add your first one below, or start from an
          example.
        </p>
      ) : (
        <ol class="topic-list">
          {topics.map((topic, index) => (
            <TopicEditor
              key={topic.id}
              topic={topic}
              index={index}
              count={topics.length}
              palette={props.palette}
              readTerms={props.readTerms}
              onEdit={handlers.edit}
              onMove={handlers.move}
              onDelete={handlers.remove}
            />
          ))}
        </ol>
      )}

      {topics !== undefined ? (
        <form
          class="add-topic"
          onSubmit={(event) => {
            event.preventDefault();
            const field = event.currentTarget.elements.namedItem('label') as HTMLInputElement;
            const label = field.value.trim();
            if (!label) return;
            add({ label, terms: [label] }, 'terms');
            field.value = '';
            setHasNewLabel(false);
          }}
        >
          <label for="new-topic">New topic</label>
          <input
            id="new-topic"
            type="text"
            placeholder="e.g. Speculative decoding"
            name="label"
            onInput={(event) => setHasNewLabel(event.currentTarget.value.trim() !== '')}
          />
          <button type="submit" disabled={!hasNewLabel}>
            Add topic
          </button>
        </form>
      ) : null}

      {topics !== undefined && offered.length ? (
        <details
          class="examples"
          open={examplesOpen ?? topics.length === 0}
          onToggle={(event) => setExamplesOpen(event.currentTarget.open)}
        >
          <summary>Examples to start from</summary>
          <ul>
            {offered.map((example) => (
              <li key={example.label}>
                <button type="button" onClick={() => add(example, 'card')}>
                  Add “{example.label}”
                </button>{' '}
                <span class="example-terms">{example.terms.join(', ')}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}

      <UndoToast
        message={undoOffer ? `Deleted “${undoOffer.label}”.` : undefined}
        offerId={undoOffer?.offerId ?? 0}
        onUndo={undo}
        onDismiss={() => setUndoOffer(undefined)}
      />
    </section>
  );
}

function SaveStatus({ status, error, onRetry }: { status: SaveStatusView; error?: string; onRetry(): void }) {
  if (status === 'failed') {
    return (
      <p class="save-status error" role="alert" data-paperlight-save-status={status}>
        Not saved: {error}. Your edits are kept on this page.{' '}
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      </p>
    );
  }
  const text = { saved: 'All changes saved', pending: 'Unsaved changes…', saving: 'Saving…' }[status];
  return (
    <p class="save-status" data-paperlight-save-status={status}>
      {text}
    </p>
  );
}
