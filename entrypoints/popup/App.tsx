import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { ExportButtons } from '../../components/ExportButtons';
import { LibraryFilters } from '../../components/LibraryFilters';
import {
  allTags,
  createNarrowingFilter,
  DEFAULT_VIEW,
  parseTags,
  READ_LABELS,
  SORT_LABELS,
  sortBookmarks,
  type ViewOptions,
  warmHaystacks,
} from '../../components/library-view';
import { SavedPaperList } from '../../components/SavedPaperList';
import type { Bookmark } from '../../lib/bookmark';
import { type CurrentPaper, currentPaper } from './current-tab';
import { useLibrary } from './use-library';

/** Marks the first paint of saved rows (User Timing), which the popup benchmark reads. */
function markFirstRows(): void {
  requestAnimationFrame(() => setTimeout(() => performance.mark('paperlight:first-rows'), 0));
}

export function PopupApp() {
  const library = useLibrary();
  const { bookmarks = [], topics } = library;
  const [view, setView] = useState<ViewOptions>(DEFAULT_VIEW);
  const [editingId, setEditingId] = useState<string | undefined>();
  const [here, setHere] = useState<CurrentPaper | undefined>();

  useEffect(() => {
    currentPaper()
      .then(setHere)
      .catch(() => setHere(undefined));
  }, []);

  // Sorted once per library change or sort key; each keystroke then only filters.
  const sorted = useMemo(
    () => (view.sort === 'saved' ? bookmarks : sortBookmarks(bookmarks, view.sort)),
    [bookmarks, view.sort],
  );
  const [narrowingFilter] = useState(createNarrowingFilter);
  const shown = useMemo(() => narrowingFilter(sorted, view), [narrowingFilter, sorted, view]);
  useEffect(() => {
    if (!library.complete) return;
    const warming = new AbortController();
    warmHaystacks(bookmarks, warming.signal);
    return () => warming.abort();
  }, [library.complete, bookmarks]);
  const tags = useMemo(() => allTags(bookmarks), [bookmarks]);
  const topicLabels = useMemo(() => new Map(topics.map((t) => [t.id, t.label])), [topics]);

  const hasRows = shown.length > 0;
  useEffect(() => {
    if (hasRows && !performance.getEntriesByName('paperlight:first-rows').length) markFirstRows();
  }, [hasRows]);

  const activeFilters = [
    view.query.trim() && `search “${view.query.trim()}”`,
    view.topic && `topic ${topicLabels.get(view.topic) ?? view.topic}`,
    view.tag && `tag #${view.tag}`,
    view.read !== 'all' && READ_LABELS[view.read].toLowerCase(),
  ].filter((f): f is string => Boolean(f));
  const filtered = activeFilters.length > 0;
  const hereSaved = here ? bookmarks.some((b) => b.id === here.paper.id) : false;

  const open = (bookmark: Bookmark) => {
    const url = bookmark.url ?? bookmark.pdfUrl;
    if (url) void browser.tabs.create({ url });
  };

  return (
    <main class="popup">
      <header class="top">
        <h1>Paperlight</h1>
        {here ? (
          <button
            type="button"
            class="save-here"
            disabled={hereSaved}
            title={here.paper.title}
            onClick={() => void library.save(here.paper, here.url)}
          >
            {hereSaved ? 'This paper is saved' : 'Save this paper'}
          </button>
        ) : null}
        <button type="button" class="open-options" onClick={() => void browser.runtime.openOptionsPage()}>
          Topics &amp; settings
        </button>
      </header>
      <LibraryFilters view={view} topics={topics} tags={tags} onChange={setView} />
      <p class="summary" aria-live="polite">
        <span class="count">
          {library.complete
            ? filtered
              ? `${shown.length} of ${bookmarks.length} papers`
              : `${bookmarks.length} ${bookmarks.length === 1 ? 'paper' : 'papers'}`
            : 'Loading…'}
        </span>
        {filtered ? <span class="active-filters">: {activeFilters.join(', ')}</span> : null}
        <span class="sort-note"> · sorted by {SORT_LABELS[view.sort].toLowerCase()}</span>
        {filtered ? (
          <button
            type="button"
            class="link-button"
            onClick={() => setView({ ...DEFAULT_VIEW, sort: view.sort })}
          >
            Clear filters
          </button>
        ) : null}
      </p>
      {library.error ? (
        <div class="message error" role="alert">
          {library.error}
          <button type="button" class="link-button" onClick={library.dismissError}>
            Dismiss
          </button>
        </div>
      ) : null}
      <div class="message undo" role="status">
        {library.lastRemoved ? (
          <>
            Removed “{library.lastRemoved.bookmark.title}”.{' '}
            <button type="button" class="link-button" onClick={() => void library.undo()}>
              Undo
            </button>
          </>
        ) : null}
      </div>
      {library.bookmarks === undefined ? null : bookmarks.length === 0 && library.complete ? (
        <p class="empty">
          No saved papers yet. Open <a href="https://huggingface.co/papers">Hugging Face Papers</a> or an
          arXiv listing and press <strong>Save</strong> on any paper.
        </p>
      ) : (
        <SavedPaperList
          bookmarks={shown}
          label={filtered ? 'Saved papers matching the filters' : 'Saved papers'}
          editingId={editingId}
          topicLabels={topicLabels}
          onOpen={open}
          onToggleRead={(b) => void library.update(b.id, { read: !b.read })}
          onRemove={(b) => {
            if (editingId === b.id) setEditingId(undefined);
            void library.remove(b.id);
          }}
          onStartEdit={(b) => setEditingId(b.id)}
          onCancelEdit={() => setEditingId(undefined)}
          onSaveEdit={(b, tagsText, note) => {
            setEditingId(undefined);
            void library.update(b.id, { tags: parseTags(tagsText), note: note.trim() });
          }}
        />
      )}
      {library.complete && bookmarks.length ? (
        <ExportButtons shown={shown} all={bookmarks} topics={topics} filtered={filtered} />
      ) : null}
    </main>
  );
}
