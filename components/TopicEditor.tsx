import { Component } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Topic } from '../lib/topics/topic';
import { ColorPicker, type PaletteColor } from './ColorPicker';

export interface TermProblemView {
  line: number;
  term: string;
  severity: 'error' | 'note';
  message: string;
}

export interface ReadTerms {
  terms: string[];
  problems: TermProblemView[];
}

export type TopicEdit = Partial<Pick<Topic, 'label' | 'color' | 'terms' | 'enabled'>>;

export interface TopicEditorProps {
  topic: Topic;
  /** Position in the list, for the move buttons. */
  index: number;
  count: number;
  palette: readonly PaletteColor[];
  /**
   * Reads a terms box the way the matcher will: the terms it stands for (trimmed, without blanks
   * and repeats) and which lines are ignored or refused, and why. One pass: it runs per keystroke.
   */
  readTerms(text: string): ReadTerms;
  // Handlers take the topic's id and place so the list can pass the same functions to every editor.
  /** `final` is false while the user is typing or dragging: the caller may wait for a pause. */
  onEdit(id: string, edit: TopicEdit, final: boolean): void;
  onMove(id: string, index: number, offset: -1 | 1): void;
  onDelete(id: string, index: number): void;
}

/** Element ids inside one topic's card, so the list can move keyboard focus after a change. */
export function topicElementId(topicId: string, part: 'card' | 'label' | 'terms' | 'up' | 'down' | 'delete') {
  return `topic-${topicId}-${part}`;
}

/**
 * One topic's editor, re-rendered only when its own props change: typing in one of 1,000 topics
 * must not re-render the other 999.
 */
export class TopicEditor extends Component<TopicEditorProps> {
  override shouldComponentUpdate(next: TopicEditorProps): boolean {
    const current = this.props as unknown as Record<string, unknown>;
    return Object.entries(next).some(([key, value]) => current[key] !== value);
  }
  render() {
    return <TopicFields {...this.props} />;
  }
}

/** Name, enabled switch, terms (one per line, with problems), colour, move and delete. */
function TopicFields(props: TopicEditorProps) {
  const { topic, index, count, palette, readTerms } = props;
  const onEdit = (edit: TopicEdit, final: boolean) => props.onEdit(topic.id, edit, final);
  const id = (part: Parameters<typeof topicElementId>[1]) => topicElementId(topic.id, part);

  // The text fields are uncontrolled: a render must never write into a field the user is typing
  // in (an editor can render with its own new state before its parent passes the new topic down,
  // and characters typed around that render would be lost). Drafts mirror the fields for the
  // messages below (a trailing newline, an empty name for a moment); the topic only ever holds
  // valid values. A change made elsewhere reaches a field that does not have focus, or on blur.
  const labelField = useRef<HTMLInputElement>(null);
  const termsField = useRef<HTMLTextAreaElement>(null);
  const [initial] = useState(() => ({ label: topic.label, terms: topic.terms.join('\n') }));
  const [labelDraft, setLabelDraft] = useState(initial.label);
  const [termsDraft, setTermsDraft] = useState(() => ({ text: initial.terms, ...readTerms(initial.terms) }));
  const termsKey = topic.terms.join('\n');
  const syncLabel = () => {
    const field = labelField.current;
    if (!field || field === document.activeElement || field.value.trim() === topic.label) return;
    field.value = topic.label;
    setLabelDraft(topic.label);
  };
  const syncTerms = () => {
    const field = termsField.current;
    if (!field || field === document.activeElement || termsDraft.terms.join('\n') === termsKey) return;
    field.value = termsKey;
    setTermsDraft({ text: termsKey, ...readTerms(termsKey) });
  };
  useEffect(syncLabel, [topic.label]);
  useEffect(syncTerms, [termsKey]);

  const { problems } = termsDraft;
  const labelMissing = labelDraft.trim() === '';
  const name = topic.label;

  return (
    <li
      class={`topic${topic.enabled ? '' : ' disabled'}`}
      data-paperlight-topic={topic.id}
      id={id('card')}
      tabIndex={-1}
      aria-labelledby={id('label')}
    >
      <div class="topic-head">
        <span class="topic-swatch" style={{ background: topic.color }} aria-hidden="true" />
        <label class="topic-label">
          <span class="visually-hidden">Topic name</span>
          <input
            id={id('label')}
            type="text"
            ref={labelField}
            defaultValue={initial.label}
            aria-invalid={labelMissing}
            aria-describedby={labelMissing ? `${id('label')}-error` : undefined}
            onInput={(event) => {
              const value = event.currentTarget.value;
              setLabelDraft(value);
              const label = value.trim();
              if (label) onEdit({ label }, false);
            }}
            onBlur={syncLabel}
          />
        </label>
        <label class="topic-enabled">
          <input
            type="checkbox"
            checked={topic.enabled}
            onChange={(event) => onEdit({ enabled: event.currentTarget.checked }, true)}
          />
          Highlight<span class="visually-hidden"> {name}</span>
        </label>
        <div class="topic-actions">
          <button
            id={id('up')}
            type="button"
            aria-label={`Move ${name} up`}
            title="Move up"
            disabled={index === 0}
            onClick={() => props.onMove(topic.id, index, -1)}
          >
            ↑
          </button>
          <button
            id={id('down')}
            type="button"
            aria-label={`Move ${name} down`}
            title="Move down"
            disabled={index === count - 1}
            onClick={() => props.onMove(topic.id, index, 1)}
          >
            ↓
          </button>
          <button
            id={id('delete')}
            type="button"
            class="danger"
            onClick={() => props.onDelete(topic.id, index)}
          >
            Delete<span class="visually-hidden"> {name}</span>
          </button>
        </div>
      </div>
      {labelMissing ? (
        <p id={`${id('label')}-error`} class="error">
          A topic needs a name; it keeps “{name}” until you type one.
        </p>
      ) : null}
      <label class="terms-label" for={id('terms')}>
        Terms, one per line
      </label>
      <textarea
        id={id('terms')}
        rows={Math.min(10, Math.max(3, termsDraft.text.split('\n').length + 1))}
        spellcheck={false}
        ref={termsField}
        defaultValue={initial.terms}
        onBlur={syncTerms}
        aria-describedby={problems.length ? `${id('terms')}-problems` : undefined}
        aria-invalid={problems.some((problem) => problem.severity === 'error')}
        onInput={(event) => {
          const value = event.currentTarget.value;
          const read = readTerms(value);
          setTermsDraft({ text: value, ...read });
          onEdit({ terms: read.terms }, false);
        }}
      />
      {problems.length ? (
        <ul id={`${id('terms')}-problems`} class="term-problems">
          {problems.map((problem) => (
            <li key={problem.line} class={problem.severity}>
              Line {problem.line}, “{truncate(problem.term, 60)}”: {problem.message}
            </li>
          ))}
        </ul>
      ) : null}
      {topic.terms.length === 0 ? <p class="note">No terms yet: this topic matches nothing.</p> : null}
      <ColorPicker
        idPrefix={`topic-${topic.id}`}
        subject={name}
        value={topic.color}
        palette={palette}
        onChange={(color, final) => onEdit({ color }, final)}
      />
    </li>
  );
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
