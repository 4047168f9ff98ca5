import type { Bookmark } from '../lib/bookmark';

export interface SavedPaperListProps {
  bookmarks: Bookmark[];
}

/** Saved papers, each opening its paper in a new tab. */
export function SavedPaperList({ bookmarks }: SavedPaperListProps) {
  return (
    <ul class="saved-list">
      {bookmarks.map((bookmark) => (
        <li key={bookmark.id} data-paperlight-saved={bookmark.id}>
          <a href={bookmark.url ?? '#'} target="_blank" rel="noreferrer" class="title">
            {bookmark.title}
          </a>
          {bookmark.authors.length ? <div class="authors">{bookmark.authors.join(', ')}</div> : null}
        </li>
      ))}
    </ul>
  );
}
