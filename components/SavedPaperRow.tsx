import type { CSSProperties } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Bookmark } from '../lib/bookmark';

export interface RowActions {
  onOpen(bookmark: Bookmark): void;
  onToggleRead(bookmark: Bookmark): void;
  onRemove(bookmark: Bookmark): void;
  onStartEdit(bookmark: Bookmark): void;
  onSaveEdit(bookmark: Bookmark, tagsText: string, note: string): void;
  onCancelEdit(): void;
}

export interface SavedPaperRowProps extends RowActions {
  bookmark: Bookmark;
  index: number;
  setSize: number;
  active: boolean;
  editing: boolean;
  topicLabels: ReadonlyMap<string, string>;
  style: CSSProperties;
  onFocusRow(index: number): void;
}

function shortDate(iso: string | undefined): string {
  return iso ? iso.slice(0, 10) : '';
}

/** One saved paper: a focusable list item (Enter opens it) with its own actions and in-place editor. */
export function SavedPaperRow(props: SavedPaperRowProps) {
  const { bookmark, index, active, editing, topicLabels } = props;
  const titleId = `title-${index}`;
  const meta = [
    bookmark.authors.slice(0, 3).join(', ') + (bookmark.authors.length > 3 ? ' et al.' : ''),
    bookmark.published ? `published ${shortDate(bookmark.published)}` : '',
    `saved ${shortDate(bookmark.addedAt)}`,
  ].filter(Boolean);
  const topics = bookmark.topics.map((id) => topicLabels.get(id) ?? id);

  return (
    <li
      data-paperlight-saved={bookmark.id}
      data-index={index}
      class={`row${bookmark.read ? ' is-read' : ''}${active ? ' is-active' : ''}`}
      style={props.style}
      tabIndex={active ? 0 : -1}
      aria-setsize={props.setSize}
      aria-posinset={index + 1}
      aria-labelledby={titleId}
      onFocus={(event) => {
        if (event.target === event.currentTarget) props.onFocusRow(index);
      }}
      onKeyDown={(event) => {
        if (event.target !== event.currentTarget) return;
        if (event.key === 'Enter') {
          event.preventDefault();
          props.onOpen(bookmark);
        } else if (event.key === 'Delete') {
          event.preventDefault();
          props.onRemove(bookmark);
        }
      }}
    >
      <div class="row-main">
        <a
          id={titleId}
          class="title"
          href={bookmark.url ?? '#'}
          target="_blank"
          rel="noreferrer"
          tabIndex={-1}
          title={bookmark.title}
          onClick={(event) => {
            event.preventDefault();
            props.onOpen(bookmark);
          }}
        >
          {bookmark.read ? null : <span class="unread-dot" aria-label="Unread" role="img" />}
          {bookmark.title}
        </a>
        <div class="meta">{meta.join(' · ')}</div>
        {editing ? null : (
          <div class="extras">
            {topics.map((label) => (
              <span class="chip topic" key={`t-${label}`}>
                {label}
              </span>
            ))}
            {bookmark.tags.map((tag) => (
              <span class="chip tag" key={`g-${tag}`}>
                #{tag}
              </span>
            ))}
            {bookmark.note ? <span class="note">{bookmark.note}</span> : null}
          </div>
        )}
      </div>
      <div class="row-actions">
        <button
          type="button"
          tabIndex={active ? 0 : -1}
          aria-pressed={bookmark.read}
          title={bookmark.read ? 'Mark as unread' : 'Mark as read'}
          onClick={() => props.onToggleRead(bookmark)}
        >
          Read
        </button>
        <button
          type="button"
          tabIndex={active ? 0 : -1}
          aria-expanded={editing}
          onClick={() => (editing ? props.onCancelEdit() : props.onStartEdit(bookmark))}
        >
          Edit<span class="visually-hidden"> tags and note</span>
        </button>
        <button type="button" tabIndex={active ? 0 : -1} onClick={() => props.onRemove(bookmark)}>
          Remove
        </button>
      </div>
      {editing ? <RowEditor {...props} /> : null}
    </li>
  );
}

function RowEditor({ bookmark, index, onSaveEdit, onCancelEdit }: SavedPaperRowProps) {
  const [tagsText, setTagsText] = useState(bookmark.tags.join(', '));
  const [note, setNote] = useState(bookmark.note);
  const firstField = useRef<HTMLInputElement>(null);
  useEffect(() => firstField.current?.focus(), []);
  const submit = (event: Event) => {
    event.preventDefault();
    onSaveEdit(bookmark, tagsText, note);
  };
  return (
    <form
      class="editor"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onCancelEdit();
        }
      }}
    >
      <label for={`tags-${index}`}>Tags (comma-separated)</label>
      <input
        id={`tags-${index}`}
        ref={firstField}
        value={tagsText}
        onInput={(event) => setTagsText(event.currentTarget.value)}
      />
      <label for={`note-${index}`}>Note</label>
      <textarea
        id={`note-${index}`}
        rows={2}
        maxLength={10_000}
        value={note}
        onInput={(event) => setNote(event.currentTarget.value)}
      />
      <div class="editor-actions">
        <button type="submit">Save</button>
        <button type="button" onClick={onCancelEdit}>
          Cancel
        </button>
      </div>
    </form>
  );
}
