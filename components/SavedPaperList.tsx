import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Bookmark } from '../lib/bookmark';
import { type RowActions, SavedPaperRow } from './SavedPaperRow';
import { VirtualList } from './VirtualList';

export const ROW_HEIGHT = 76;
export const EDITING_ROW_HEIGHT = 220;

export interface SavedPaperListProps extends RowActions {
  bookmarks: readonly Bookmark[];
  editingId: string | undefined;
  topicLabels: ReadonlyMap<string, string>;
  label: string;
}

/**
 * The saved papers as a keyboard-navigable list: one row is in the tab order at a time (roving
 * tabindex); arrow keys, Page Up/Down, Home and End move it, Enter opens, Delete removes. Only the
 * rows in view are rendered.
 */
export function SavedPaperList(props: SavedPaperListProps) {
  const { bookmarks, editingId } = props;
  const [activeId, setActiveId] = useState<string | undefined>();
  const [scrollToIndex, setScrollToIndex] = useState<number | undefined>();
  const focusPending = useRef(false);
  const listRef = useRef<HTMLDivElement>(null);

  const found = activeId === undefined ? -1 : bookmarks.findIndex((b) => b.id === activeId);
  const activeIndex = found === -1 ? 0 : found;
  const editingIndex = editingId === undefined ? -1 : bookmarks.findIndex((b) => b.id === editingId);

  const moveTo = (index: number) => {
    const target = Math.max(0, Math.min(bookmarks.length - 1, index));
    const bookmark = bookmarks[target];
    if (!bookmark) return;
    focusPending.current = true;
    setActiveId(bookmark.id);
    setScrollToIndex(target);
  };

  // The row to focus may only exist after the list has scrolled and re-rendered.
  useLayoutEffect(() => {
    if (!focusPending.current) return;
    const row = listRef.current?.querySelector<HTMLElement>(`li[data-index="${activeIndex}"]`);
    if (row) {
      focusPending.current = false;
      row.focus();
    }
  });

  const onKeyDown = (event: KeyboardEvent) => {
    const row = event.target as HTMLElement;
    if (!row.matches('li[data-index]')) return;
    const page = Math.max(1, Math.floor((listRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + page,
      PageUp: activeIndex - page,
      Home: 0,
      End: bookmarks.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    moveTo(target);
  };

  return (
    <div ref={listRef} class="list-frame">
      <VirtualList
        items={bookmarks}
        rowHeight={ROW_HEIGHT}
        expanded={editingIndex >= 0 ? { index: editingIndex, height: EDITING_ROW_HEIGHT } : undefined}
        scrollToIndex={scrollToIndex}
        viewportClass="list-viewport"
        listProps={{ class: 'saved-list', 'aria-label': props.label, onKeyDown }}
        renderRow={(bookmark, index, style) => (
          <SavedPaperRow
            key={bookmark.id}
            {...props}
            bookmark={bookmark}
            index={index}
            setSize={bookmarks.length}
            active={index === activeIndex}
            editing={bookmark.id === editingId}
            style={style}
            onFocusRow={(i) => setActiveId(bookmarks[i]?.id)}
          />
        )}
      />
    </div>
  );
}
