import { type Topic, topicIdFromLabel } from '../../lib/topics/topic';

/**
 * Pure edits of the ordered topic list the options page works on. Each returns a new list and
 * leaves its input alone, so the page can compare, undo and merge versions.
 */

/** Distinct, readable highlight colours; the first unused one goes to a new topic. */
export const PALETTE: readonly { name: string; color: string }[] = [
  { name: 'Amber', color: '#f4b400' },
  { name: 'Green', color: '#34a853' },
  { name: 'Blue', color: '#4285f4' },
  { name: 'Red', color: '#ea4335' },
  { name: 'Purple', color: '#a142f4' },
  { name: 'Teal', color: '#00acc1' },
  { name: 'Orange', color: '#ff6d01' },
  { name: 'Pink', color: '#e91e63' },
];

/** `base`, or `base-2`, `base-3`… : the first id no topic in `taken` has. */
export function uniqueTopicId(label: string, taken: Iterable<string>): string {
  const ids = new Set(taken);
  const base = topicIdFromLabel(label);
  if (!ids.has(base)) return base;
  let n = 2;
  while (ids.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/** The first palette colour no topic uses yet (cycling once all are taken). */
export function nextColor(topics: readonly Topic[]): string {
  const used = new Set(topics.map((topic) => topic.color.toLowerCase()));
  const free = PALETTE.find(({ color }) => !used.has(color));
  return (free ?? PALETTE[topics.length % PALETTE.length] ?? PALETTE[0])?.color ?? '#f4b400';
}

export interface NewTopic {
  label: string;
  terms: readonly string[];
  color?: string;
}

export function addTopic(topics: readonly Topic[], input: NewTopic, now: Date): Topic[] {
  const topic: Topic = {
    id: uniqueTopicId(
      input.label,
      topics.map((t) => t.id),
    ),
    label: input.label.trim(),
    color: input.color ?? nextColor(topics),
    terms: [...input.terms],
    enabled: true,
    updatedAt: now.toISOString(),
  };
  return [...topics, topic];
}

/** Applies `change` to the topic `id` and stamps it as edited now. */
export function updateTopic(
  topics: readonly Topic[],
  id: string,
  change: Partial<Omit<Topic, 'id'>>,
  now: Date,
): Topic[] {
  return topics.map((topic) =>
    topic.id === id ? { ...topic, ...change, updatedAt: now.toISOString() } : topic,
  );
}

/** Moves the topic `id` by `offset` places, clamped to the list. */
export function moveTopic(topics: readonly Topic[], id: string, offset: number): Topic[] {
  const from = topics.findIndex((topic) => topic.id === id);
  if (from < 0) return [...topics];
  const to = Math.min(topics.length - 1, Math.max(0, from + offset));
  const next = [...topics];
  const [moved] = next.splice(from, 1);
  if (moved) next.splice(to, 0, moved);
  return next;
}

export interface RemovedTopic {
  topic: Topic;
  index: number;
}

export function removeTopic(
  topics: readonly Topic[],
  id: string,
): { topics: Topic[]; removed?: RemovedTopic } {
  const index = topics.findIndex((topic) => topic.id === id);
  const topic = topics[index];
  if (!topic) return { topics: [...topics] };
  return { topics: topics.filter((t) => t.id !== id), removed: { topic, index } };
}

/**
 * Puts a removed topic back where it was. If a topic with its id appeared meanwhile (another
 * window, an import), the restored one gets a fresh id rather than overwriting it.
 */
export function restoreTopic(topics: readonly Topic[], { topic, index }: RemovedTopic, now: Date): Topic[] {
  const taken = topics.map((t) => t.id);
  const id = taken.includes(topic.id) ? uniqueTopicId(topic.label, taken) : topic.id;
  const next = [...topics];
  next.splice(Math.min(index, next.length), 0, { ...topic, id, updatedAt: now.toISOString() });
  return next;
}

/**
 * Another window (or an import) changed the stored list while this page has unsaved edits. The
 * result takes the stored list, except for what this page is editing: its edited and added topics
 * win, its deletions stay deleted, and its order wins if it reordered.
 */
export function mergeStoredTopics(
  stored: readonly Topic[],
  local: readonly Topic[],
  pending: { edited: ReadonlySet<string>; removed: ReadonlySet<string>; reordered: boolean },
): Topic[] {
  const localById = new Map(local.map((topic) => [topic.id, topic]));
  const storedById = new Map(stored.map((topic) => [topic.id, topic]));
  const pick = (id: string): Topic | undefined => {
    if (pending.removed.has(id)) return undefined;
    if (pending.edited.has(id)) return localById.get(id) ?? storedById.get(id);
    return storedById.get(id);
  };
  const order = pending.reordered
    ? [...local.map((t) => t.id), ...stored.map((t) => t.id)]
    : [...stored.map((t) => t.id), ...local.filter((t) => pending.edited.has(t.id)).map((t) => t.id)];
  const merged: Topic[] = [];
  const placed = new Set<string>();
  for (const id of order) {
    if (placed.has(id)) continue;
    placed.add(id);
    // A topic this page neither edited nor still has, and the store no longer has, was deleted elsewhere.
    const topic = pick(id);
    if (topic) merged.push(topic);
  }
  return merged;
}
