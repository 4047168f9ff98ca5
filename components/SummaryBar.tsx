import { Fragment } from 'preact';

/** The page's topic summary: how many papers match, per topic, and a way to focus on the matches. */

export type FocusMode = 'all' | 'dim' | 'hide';

export interface TopicCount {
  id: string;
  label: string;
  color: string;
  count: number;
}

export interface SummaryBarProps {
  total: number;
  matching: number;
  topics: TopicCount[];
  mode: FocusMode;
  onMode(mode: FocusMode): void;
  /** Scrolls to the previous (-1) or next (+1) matching paper. */
  onJump(direction: -1 | 1): void;
}

const MODE_LABELS: Record<FocusMode, string> = { all: 'Show all', dim: 'Dim others', hide: 'Hide others' };

export function SummaryBar({ total, matching, topics, mode, onMode, onJump }: SummaryBarProps) {
  const counted = topics.filter((topic) => topic.count > 0);
  return (
    <section class="summary" aria-label="Paperlight topic summary">
      <p class="counts">
        <strong>
          {matching} of {total}
        </strong>{' '}
        {total === 1 ? 'paper matches' : 'papers match'}
        {counted.map((topic) => (
          <Fragment key={topic.id}>
            {' · '}
            <span class="topic" style={{ '--topic-color': topic.color }}>
              {topic.label} {topic.count}
            </span>
          </Fragment>
        ))}
      </p>
      <div class="actions">
        <button
          type="button"
          onClick={() => onJump(-1)}
          disabled={!matching}
          aria-label="Previous matching paper"
        >
          ↑
        </button>
        <button type="button" onClick={() => onJump(1)} disabled={!matching} aria-label="Next matching paper">
          ↓
        </button>
        <fieldset>
          <legend class="visually-hidden">Non-matching papers</legend>
          {(Object.keys(MODE_LABELS) as FocusMode[]).map((value) => (
            <button
              key={value}
              type="button"
              aria-pressed={mode === value ? 'true' : 'false'}
              onClick={() => onMode(value)}
            >
              {MODE_LABELS[value]}
            </button>
          ))}
        </fieldset>
      </div>
    </section>
  );
}
