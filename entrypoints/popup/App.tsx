import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { SavedPaperList } from '../../components/SavedPaperList';
import type { Bookmark } from '../../lib/bookmark';
import { isChangeEvent, request } from '../../lib/messenger';

export function PopupApp() {
  const [bookmarks, setBookmarks] = useState<Bookmark[] | undefined>();
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    const load = () =>
      request('bookmarks/list', {})
        .then(setBookmarks)
        .catch((e: unknown) => setError(String(e)));
    void load();
    const onMessage = (message: unknown) => {
      if (isChangeEvent(message) && message.type === 'changed/bookmarks') void load();
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, []);

  const shown = useMemo(() => {
    const needle = query.trim().toLowerCase();
    if (!bookmarks || !needle) return bookmarks ?? [];
    return bookmarks.filter((b) => `${b.title} ${b.authors.join(' ')}`.toLowerCase().includes(needle));
  }, [bookmarks, query]);

  return (
    <main class="popup">
      <header>
        <h1>Paperlight</h1>
        <input
          type="search"
          placeholder="Search saved papers"
          aria-label="Search saved papers"
          value={query}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
      </header>
      {error ? <p role="alert">{error}</p> : null}
      {bookmarks === undefined ? null : bookmarks.length === 0 ? (
        <p class="empty">
          No saved papers yet. Open <a href="https://huggingface.co/papers">Hugging Face Papers</a> or an
          arXiv listing and press <strong>Save</strong> on any paper.
        </p>
      ) : (
        <SavedPaperList bookmarks={shown} />
      )}
    </main>
  );
}
