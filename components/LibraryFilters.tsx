import type { Topic } from '../lib/topics/topic';
import { READ_LABELS, type ReadFilter, SORT_LABELS, type SortKey, type ViewOptions } from './library-view';

export interface LibraryFiltersProps {
  view: ViewOptions;
  topics: readonly Topic[];
  tags: readonly string[];
  onChange(view: ViewOptions): void;
}

/** Search as you type, and the topic, tag, read-state and sort selectors, each labelled. */
export function LibraryFilters({ view, topics, tags, onChange }: LibraryFiltersProps) {
  const set = <K extends keyof ViewOptions>(key: K, value: ViewOptions[K]) =>
    onChange({ ...view, [key]: value });
  return (
    <div class="filters">
      <input
        type="search"
        class="search"
        placeholder="Search title, authors, abstract, tags, notes"
        aria-label="Search saved papers"
        value={view.query}
        onInput={(event) => set('query', event.currentTarget.value)}
      />
      <div class="selects">
        <label>
          Topic
          <select value={view.topic} onChange={(event) => set('topic', event.currentTarget.value)}>
            <option value="">Any</option>
            {topics.map((topic) => (
              <option key={topic.id} value={topic.id}>
                {topic.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tag
          <select value={view.tag} onChange={(event) => set('tag', event.currentTarget.value)}>
            <option value="">Any</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        </label>
        <label>
          Show
          <select
            value={view.read}
            onChange={(event) => set('read', event.currentTarget.value as ReadFilter)}
          >
            {Object.entries(READ_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sort
          <select value={view.sort} onChange={(event) => set('sort', event.currentTarget.value as SortKey)}>
            {Object.entries(SORT_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
