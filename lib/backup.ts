import { type ZodError, z } from 'zod';
import { type Bookmark, BookmarkSchema } from './bookmark';
import { locateJsonError } from './import/json-error';
import { type Topic, TopicSchema } from './topics/topic';

/**
 * The backup file of CONTRACT.md §3. Only `format`, `version`, `topics[].id|label|terms` and
 * `bookmarks[].id|title` are required; the rest is optional on import and filled with defaults.
 * Loose objects at every level: a newer version's fields pass through an import and export unchanged.
 */
export const BACKUP_FORMAT = 'paperlight-backup';
export const BACKUP_VERSION = 1;

/**
 * A backup's bookmark. `addedAt` gets no default here: a made-up "now" would make an entry without
 * dates look like the newest edit and win over the user's own data in a merge. Adding it to the
 * library fills it in (mergeLibrary validates with BookmarkSchema).
 */
export const BackupBookmarkSchema = BookmarkSchema.extend({ addedAt: z.string().optional() });

export const BackupSchema = z.looseObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.string().optional(),
  topics: z.array(TopicSchema).default([]),
  bookmarks: z.array(BackupBookmarkSchema).default([]),
});
export type Backup = z.infer<typeof BackupSchema>;

export type ParseBackupResult =
  | {
      ok: true;
      backup: Backup;
      /**
       * The file's entries as written, before defaults: what to merge. A field the file leaves out
       * must not count as an edit (a default `tags: []` would wipe the user's tags).
       */
      entries: { topics: unknown[]; bookmarks: unknown[] };
    }
  | { ok: false; error: string };

/** How many schema problems an error message lists before summarising the rest. */
const MAX_LISTED_ISSUES = 5;

/** `['bookmarks', 3, 'title']` → `bookmarks[3].title`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index ? '.' : ''}${String(key)}`))
    .join('');
}

/** Zod issues as `path: problem` lines, the first few only. */
export function describeIssues(error: ZodError, pathPrefix: readonly PropertyKey[] = []): string {
  const lines = error.issues.slice(0, MAX_LISTED_ISSUES).map((issue) => {
    const path = formatPath([...pathPrefix, ...issue.path]) || '(top level)';
    const missing = issue.code === 'invalid_type' && issue.message.endsWith('received undefined');
    return `${path}: ${missing ? 'required' : issue.message}`;
  });
  const more = error.issues.length - MAX_LISTED_ISSUES;
  if (more > 0) lines.push(`and ${more} more problem${more === 1 ? '' : 's'}`);
  return lines.join('; ');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first repeated id in `items`, as an error naming both places. */
function findDuplicateId(kind: 'topics' | 'bookmarks', items: readonly { id: string }[]): string | undefined {
  const firstIndex = new Map<string, number>();
  for (const [index, item] of items.entries()) {
    const earlier = firstIndex.get(item.id);
    if (earlier !== undefined) {
      return `${kind}[${index}].id: ${JSON.stringify(item.id)} repeats ${kind}[${earlier}].id`;
    }
    firstIndex.set(item.id, index);
  }
  return undefined;
}

/**
 * Reads a backup file. Never throws: an invalid file yields one message naming what is wrong
 * (line and column for broken JSON, the path for a schema problem). A file that repeats an id is
 * refused whole, since which of the two entries the user meant is unknowable.
 */
export function parseBackup(text: string): ParseBackupResult {
  const fail = (error: string): ParseBackupResult => ({ ok: false, error });
  try {
    const body = text.replace(/^\uFEFF/, '');
    if (!body.trim()) return fail('The file is empty.');
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch {
      const where = locateJsonError(body);
      return fail(
        where
          ? `Not valid JSON: line ${where.line}, column ${where.column}: ${where.problem}.`
          : 'Not valid JSON.',
      );
    }
    if (!isPlainObject(data)) {
      return fail(`Not a Paperlight backup: expected a JSON object with "format": "${BACKUP_FORMAT}".`);
    }
    if (data.format !== BACKUP_FORMAT) {
      const found = data.format === undefined ? 'missing' : JSON.stringify(data.format);
      return fail(`Not a Paperlight backup: "format" is ${found}, expected "${BACKUP_FORMAT}".`);
    }
    if (data.version !== BACKUP_VERSION) {
      if (typeof data.version === 'number' && data.version > BACKUP_VERSION) {
        return fail(
          `This backup is version ${data.version}, written by a newer Paperlight; this one reads version ${BACKUP_VERSION}. Update the extension and import it again.`,
        );
      }
      const found = data.version === undefined ? 'missing' : JSON.stringify(data.version);
      return fail(`Unsupported backup: "version" is ${found}, expected ${BACKUP_VERSION}.`);
    }
    const parsed = BackupSchema.safeParse(data);
    if (!parsed.success) return fail(`Invalid backup: ${describeIssues(parsed.error)}.`);
    const duplicate =
      findDuplicateId('topics', parsed.data.topics) ?? findDuplicateId('bookmarks', parsed.data.bookmarks);
    if (duplicate) return fail(`Invalid backup: ${duplicate}.`);
    const entries = {
      topics: Array.isArray(data.topics) ? data.topics : [],
      bookmarks: Array.isArray(data.bookmarks) ? data.bookmarks : [],
    };
    return { ok: true, backup: parsed.data, entries };
  } catch (error) {
    return fail(`Could not read the backup: ${error instanceof Error ? error.message : String(error)}.`);
  }
}

/** Fills defaults; an entry the schema rejects is written as it is rather than lost. */
function withDefaults<T>(schema: z.ZodType<T>, item: T): T {
  const parsed = schema.safeParse(item);
  return parsed.success ? parsed.data : item;
}

/**
 * The backup of a library. Every field that has a default is written; optional fields without a
 * value (an abstract a page never showed) are left out, as JSON has no "undefined".
 */
export function createBackup(topics: readonly Topic[], bookmarks: readonly Bookmark[], now: Date): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    topics: topics.map((topic) => withDefaults(TopicSchema, topic)),
    bookmarks: bookmarks.map((bookmark) => withDefaults(BookmarkSchema, bookmark)),
  };
}

export function serializeBackup(backup: Backup): string {
  return `${JSON.stringify(backup, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// Merging an incoming library (an imported backup or BibTeX file) into the current one.

export interface Library {
  topics: Topic[];
  bookmarks: Bookmark[];
}

export interface MergeCounts {
  added: number;
  updated: number;
  unchanged: number;
}

export interface Refusal {
  kind: 'topic' | 'bookmark';
  id?: string;
  reason: string;
}

/** Totals over both kinds at the top, and the same counts per kind. */
export interface MergeReport extends MergeCounts {
  topics: MergeCounts;
  bookmarks: MergeCounts;
  refused: Refusal[];
}

export interface MergeResult {
  /** Topics to put (added or changed), in incoming order. */
  topics: Topic[];
  /** Bookmarks to put (added or changed), in incoming order. */
  bookmarks: Bookmark[];
  report: MergeReport;
}

export interface IncomingLibrary {
  topics?: readonly unknown[];
  bookmarks?: readonly unknown[];
  /** Entries an importer already refused (a BibTeX entry with no usable id): carried into the report. */
  refused?: readonly Refusal[];
}

type JsonRecord = Record<string, unknown>;

/** Fields the user edits: the newer version wins even when it emptied them (a cleared note). */
const BOOKMARK_USER_FIELDS = new Set(['tags', 'note', 'read']);
const TOPIC_USER_FIELDS = new Set(['label', 'color', 'terms', 'enabled']);

function timeOf(iso: unknown): number {
  const time = typeof iso === 'string' ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length);
}

/** Deep equality of JSON-like values; key order and keys holding `undefined` do not matter. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, index) => jsonEqual(item, b[index]))
    );
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keysA = Object.keys(a).filter((key) => a[key] !== undefined);
  const keysB = Object.keys(b).filter((key) => b[key] !== undefined);
  return keysA.length === keysB.length && keysA.every((key) => jsonEqual(a[key], b[key]));
}

function setField(record: JsonRecord, key: string, value: unknown): void {
  // defineProperty, not assignment: a `__proto__` key from a file stays data, never a prototype.
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * One record from two versions of it. The version edited last (`editTime`) is "newer"; on a tie the
 * current one is. User fields come from the newer version as they are; every other field (metadata,
 * unknown fields) from the newer version unless it is blank there, so metadata is filled in, never
 * blanked. `extras` merge key by key, newer winning.
 */
function mergeRecord(
  current: JsonRecord,
  incoming: JsonRecord,
  editTime: (record: JsonRecord) => number,
  userFields: ReadonlySet<string>,
): JsonRecord {
  const incomingIsNewer = editTime(incoming) > editTime(current);
  const newer = incomingIsNewer ? incoming : current;
  const older = incomingIsNewer ? current : incoming;
  const merged: JsonRecord = {};
  for (const key of new Set([...Object.keys(current), ...Object.keys(incoming)])) {
    let value: unknown;
    if (key === 'id') value = current.id;
    else if (userFields.has(key)) value = key in newer ? newer[key] : older[key];
    else if (key === 'extras' && isPlainObject(newer.extras) && isPlainObject(older.extras)) {
      value = { ...older.extras, ...newer.extras };
    } else value = isBlank(newer[key]) && !isBlank(older[key]) ? older[key] : (newer[key] ?? older[key]);
    if (value !== undefined) setField(merged, key, value);
  }
  return merged;
}

const bookmarkEditTime = (bookmark: JsonRecord) => timeOf(bookmark.updatedAt ?? bookmark.addedAt);
const topicEditTime = (topic: JsonRecord) => timeOf(topic.updatedAt);

/**
 * Two versions of a saved paper: newest edit wins per field (see mergeRecord); tags are taken from
 * the newer version, not unioned, so removing a tag on one machine is not undone by an older copy.
 * `addedAt` keeps the earliest save, `updatedAt` the latest edit.
 */
export function mergeBookmark(current: Bookmark, incoming: Bookmark): Bookmark {
  const merged = mergeRecord(current, incoming, bookmarkEditTime, BOOKMARK_USER_FIELDS) as Bookmark;
  const added = [current.addedAt, incoming.addedAt].filter((at) => timeOf(at) > Number.NEGATIVE_INFINITY);
  if (added.length) merged.addedAt = added.reduce((a, b) => (timeOf(b) < timeOf(a) ? b : a));
  if (current.updatedAt !== undefined || incoming.updatedAt !== undefined) {
    merged.updatedAt =
      timeOf(incoming.updatedAt) > timeOf(current.updatedAt) ? incoming.updatedAt : current.updatedAt;
  }
  return merged;
}

/**
 * Two versions of a topic: the one with the later `updatedAt` wins field by field; without
 * timestamps to tell, the current topic is kept and only its missing fields are filled in.
 */
export function mergeTopic(current: Topic, incoming: Topic): Topic {
  return mergeRecord(current, incoming, topicEditTime, TOPIC_USER_FIELDS) as Topic;
}

function onlyFieldsIn<T extends object>(item: T, raw: unknown): T {
  const given = isPlainObject(raw) ? raw : {};
  const picked = {} as T;
  for (const [key, value] of Object.entries(item)) {
    if (Object.hasOwn(given, key)) setField(picked as JsonRecord, key, value);
  }
  return picked;
}

function mergeKind<T extends { id: string }>(
  kind: Refusal['kind'],
  current: readonly T[],
  incoming: readonly unknown[],
  schema: z.ZodType<T>,
  merge: (current: T, incoming: T) => T,
  refused: Refusal[],
): { put: T[]; counts: MergeCounts } {
  const currentById = new Map(current.map((item) => [item.id, item]));
  // Incoming repeats of an id fold into one result, so the id is counted once.
  const result = new Map<string, { item: T; status: keyof MergeCounts }>();
  for (const raw of incoming) {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const id = isPlainObject(raw) && typeof raw.id === 'string' && raw.id ? raw.id : undefined;
      refused.push({ kind, ...(id ? { id } : {}), reason: describeIssues(parsed.error) });
      continue;
    }
    const item = parsed.data;
    const existing = currentById.get(item.id);
    const previous = result.get(item.id);
    const base = previous?.item ?? existing;
    if (!base) {
      result.set(item.id, { item, status: 'added' });
      continue;
    }
    // Into an existing entry only what the file says counts: a default the schema filled in (an
    // `addedAt` of now, empty tags) is no edit and must not win over the user's data.
    const merged = merge(base, onlyFieldsIn(item, raw));
    const status =
      previous?.status === 'added' ? 'added' : jsonEqual(merged, existing) ? 'unchanged' : 'updated';
    result.set(item.id, { item: merged, status });
  }
  const counts: MergeCounts = { added: 0, updated: 0, unchanged: 0 };
  const put: T[] = [];
  for (const { item, status } of result.values()) {
    counts[status]++;
    if (status !== 'unchanged') put.push(item);
  }
  return { put, counts };
}

/**
 * Merges an incoming library into the current one by id. Pure: returns what to put and a report;
 * never deletes. Incoming entries are validated one by one (an invalid one is refused with a reason,
 * the others still merge); whole-file validation is parseBackup's job.
 */
export function mergeLibrary(current: Library, incoming: IncomingLibrary): MergeResult {
  const refused: Refusal[] = [...(incoming.refused ?? [])];
  const topics = mergeKind('topic', current.topics, incoming.topics ?? [], TopicSchema, mergeTopic, refused);
  const bookmarks = mergeKind(
    'bookmark',
    current.bookmarks,
    incoming.bookmarks ?? [],
    BookmarkSchema,
    mergeBookmark,
    refused,
  );
  return {
    topics: topics.put,
    bookmarks: bookmarks.put,
    report: {
      added: topics.counts.added + bookmarks.counts.added,
      updated: topics.counts.updated + bookmarks.counts.updated,
      unchanged: topics.counts.unchanged + bookmarks.counts.unchanged,
      topics: topics.counts,
      bookmarks: bookmarks.counts,
      refused,
    },
  };
}
