import type { Bookmark } from '../bookmark';
import type { Topic } from '../topics/topic';
import { oneLine, urlOf, yearOf } from './fields';

export type MarkdownGrouping = 'topic' | 'tag' | 'none';

/**
 * Plain text that Markdown renders as itself: punctuation Markdown or HTML would act on is
 * backslash-escaped (so a title `<script>` stays text in any renderer), line breaks become spaces.
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text).replace(/[\\`*_{}[\]()<>#+\-.!|~&]/g, '\\$&');
}

/** A link target Markdown cannot misread: spaces, parentheses and angle brackets percent-encoded. */
function linkTarget(url: string): string {
  // encodeURIComponent leaves parentheses alone, and they would end the link early.
  return url.replace(
    /[\s()<>]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

function item(bookmark: Bookmark): string {
  const url = urlOf(bookmark);
  const title = escapeMarkdown(bookmark.title);
  const year = yearOf(bookmark);
  const authors = bookmark.authors.length
    ? bookmark.authors.length > 3
      ? `${escapeMarkdown(bookmark.authors.slice(0, 3).join(', '))} et al.`
      : escapeMarkdown(bookmark.authors.join(', '))
    : '';
  const byline = [authors, year].filter(Boolean).join(', ');
  const tags = bookmark.tags.map((tag) => `\`${oneLine(tag).replace(/`/g, "'")}\``).join(' ');
  let line = `- [${bookmark.read ? 'x' : ' '}] ${url ? `[${title}](${linkTarget(url)})` : title}`;
  if (byline) line += ` — ${byline}`;
  if (tags) line += ` ${tags}`;
  const note = oneLine(bookmark.note);
  return note ? `${line}\n  > ${escapeMarkdown(note)}` : line;
}

/** Groups in first-seen order; papers in none of them under "Other". */
function groups(
  bookmarks: readonly Bookmark[],
  groupBy: MarkdownGrouping,
  topics: readonly Topic[],
): [string, Bookmark[]][] {
  if (groupBy === 'none') return [['', [...bookmarks]]];
  const label = new Map(topics.map((topic) => [topic.id, topic.label]));
  const byGroup = new Map<string, Bookmark[]>();
  // Topics come in the user's topic order; tags in the order papers first use them.
  if (groupBy === 'topic') for (const topic of topics) byGroup.set(topic.label, []);
  const other: Bookmark[] = [];
  for (const bookmark of bookmarks) {
    const names =
      groupBy === 'topic' ? bookmark.topics.map((id) => label.get(id) ?? id) : bookmark.tags.map(oneLine);
    if (!names.length) other.push(bookmark);
    for (const name of new Set(names)) {
      const list = byGroup.get(name) ?? [];
      list.push(bookmark);
      byGroup.set(name, list);
    }
  }
  const result = [...byGroup].filter(([, list]) => list.length);
  if (other.length) result.push([result.length ? 'Other' : '', other]);
  return result;
}

/** A reading list: one checklist item per paper (checked when read), linked, grouped by topic or tag. */
export function renderMarkdown(
  bookmarks: readonly Bookmark[],
  topics: readonly Topic[] = [],
  groupBy: MarkdownGrouping = 'topic',
): string {
  const sections = groups(bookmarks, groupBy, topics).map(([name, list]) => {
    const items = list.map(item).join('\n');
    return name ? `## ${escapeMarkdown(name)}\n\n${items}` : items;
  });
  return `# Reading list\n\n${sections.join('\n\n')}\n`;
}
