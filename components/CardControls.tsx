/** The extension's controls on one paper card: the bookmark toggle and the topics the paper matched. */

export interface TopicChip {
  id: string;
  label: string;
  color: string;
}

export interface CardControlsProps {
  /** Names the toggle for screen readers: a listing has hundreds of them. */
  paperTitle: string;
  saved: boolean;
  /** A save or remove is on its way to the background. */
  pending: boolean;
  /** The last write failed: shown until the next attempt. */
  error?: string;
  /** New since the user's last visit to this listing. */
  isNew?: boolean;
  topics: TopicChip[];
  onToggle(): void;
}

function BookmarkIcon({ filled }: { filled: boolean }) {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path
        d="M4 1.5h8a.5.5 0 0 1 .5.5v12.2a.3.3 0 0 1-.48.24L8 11.5l-4.02 2.94a.3.3 0 0 1-.48-.24V2a.5.5 0 0 1 .5-.5Z"
        fill={filled ? 'currentColor' : 'none'}
        stroke="currentColor"
        stroke-width="1.3"
      />
    </svg>
  );
}

export function CardControls({
  paperTitle,
  saved,
  pending,
  error,
  isNew,
  topics,
  onToggle,
}: CardControlsProps) {
  return (
    <div class="controls">
      {isNew ? (
        <span class="new" title="New since your last visit to this listing">
          New
        </span>
      ) : null}
      <button
        type="button"
        class="bookmark"
        data-paperlight-action="bookmark"
        aria-pressed={saved ? 'true' : 'false'}
        aria-busy={pending ? 'true' : undefined}
        title={error ?? (saved ? 'Saved in Paperlight: click to remove' : 'Save to Paperlight')}
        onClick={(event) => {
          // The card is often a link or has its own click handlers: the toggle is ours alone.
          event.preventDefault();
          event.stopPropagation();
          onToggle();
        }}
      >
        <BookmarkIcon filled={saved} />
        {/* One name whatever the state (aria-pressed says whether it is saved); the title tells
            this card's toggle from the others on the page. */}
        <span>Save</span>
        <span class="visually-hidden"> “{paperTitle}”</span>
      </button>
      {error ? (
        <span class="error" role="alert">
          {error}
        </span>
      ) : null}
      {topics.length ? (
        <ul class="topics" aria-label="Matching topics">
          {topics.map((topic) => (
            <li key={topic.id} class="topic" style={{ '--topic-color': topic.color }}>
              {topic.label}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
