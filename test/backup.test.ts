import { describe, expect, test } from 'vitest';
import {
  type Backup,
  createBackup,
  mergeBookmark,
  mergeLibrary,
  mergeTopic,
  parseBackup,
  serializeBackup,
} from '../lib/backup';
import { type Bookmark, BookmarkSchema } from '../lib/bookmark';
import { type Topic, TopicSchema } from '../lib/topics/topic';

const NOW = new Date('2026-11-28T12:00:00.000Z');

function bookmark(fields: Partial<Bookmark> & { id: string }): Bookmark {
  return BookmarkSchema.parse({
    title: `Title of ${fields.id}`,
    addedAt: '2026-01-01T00:00:00.000Z',
    ...fields,
  });
}

function topic(fields: Partial<Topic> & { id: string }): Topic {
  return TopicSchema.parse({ label: fields.id, terms: [fields.id], ...fields });
}

function backupText(fields: Record<string, unknown>): string {
  return JSON.stringify({ format: 'paperlight-backup', version: 1, ...fields }, null, 2);
}

function parseOk(text: string): Backup {
  const result = parseBackup(text);
  if (!result.ok) throw new Error(`expected a valid backup, got: ${result.error}`);
  return result.backup;
}

function parseError(text: string): string {
  const result = parseBackup(text);
  if (result.ok) throw new Error('expected the backup to be refused');
  return result.error;
}

describe('parseBackup', () => {
  test('reads the example of CONTRACT.md §3', () => {
    const backup = parseOk(`{
      "format": "paperlight-backup",
      "version": 1,
      "exportedAt": "2026-11-28T12:00:00.000Z",
      "topics": [
        {"id": "kv-cache", "label": "KV cache", "color": "#f4b400", "terms": ["KV cache", "key-value cache"], "enabled": true}
      ],
      "bookmarks": [
        {"id": "arxiv:2509.02560", "title": "FastVGGT: ...", "authors": ["A. Author"], "abstract": "...",
         "url": "https://arxiv.org/abs/2509.02560", "published": "2025-09-02", "addedAt": "2026-11-28T12:00:00.000Z",
         "tags": ["3d"], "note": "", "topics": ["kv-cache"]}
      ]
    }`);
    expect(backup.topics[0]).toMatchObject({ id: 'kv-cache', terms: ['KV cache', 'key-value cache'] });
    expect(backup.bookmarks[0]).toMatchObject({ id: 'arxiv:2509.02560', tags: ['3d'], topics: ['kv-cache'] });
  });

  test('needs only the required fields and fills the rest with defaults', () => {
    const backup = parseOk(
      backupText({
        topics: [{ id: 't', label: 'T', terms: [] }],
        bookmarks: [{ id: 'arxiv:1', title: 'A' }],
      }),
    );
    expect(backup.topics[0]).toEqual({ id: 't', label: 'T', terms: [], color: '#f4b400', enabled: true });
    expect(backup.bookmarks[0]).toMatchObject({ authors: [], tags: [], note: '', topics: [], read: false });
    expect(parseOk(backupText({})).bookmarks).toEqual([]);
  });

  test('keeps unknown fields at every level', () => {
    const backup = parseOk(
      backupText({
        device: 'laptop',
        topics: [{ id: 't', label: 'T', terms: [], future: { nested: [1, 2] } }],
        bookmarks: [{ id: 'arxiv:1', title: 'A', rating: 5, extras: { subjects: ['cs.CV'] } }],
      }),
    );
    expect(backup).toMatchObject({ device: 'laptop' });
    expect(backup.topics[0]).toMatchObject({ future: { nested: [1, 2] } });
    expect(backup.bookmarks[0]).toMatchObject({ rating: 5, extras: { subjects: ['cs.CV'] } });
  });

  test('broken JSON: names the line and column', () => {
    expect(parseError('{\n  "format": "paperlight-backup",\n  "version": 1,\n}')).toBe(
      'Not valid JSON: line 4, column 1: expected a property name in double quotes, found "}".',
    );
    expect(parseError('{"format": "paperlight-backup",\n "topics": [')).toMatch(
      /^Not valid JSON: line 2, column 13: /,
    );
    expect(parseError('{"note": "two\nlines"}')).toMatch(
      /line 1, column 14: line break or control character/,
    );
    expect(parseError('{} x')).toMatch(/line 1, column 4: unexpected "x" after the end/);
    expect(parseError('   ')).toBe('The file is empty.');
  });

  test('a byte order mark is not an error', () => {
    expect(parseOk(`\uFEFF${backupText({})}`).format).toBe('paperlight-backup');
  });

  test('wrong format or version: says so', () => {
    expect(parseError('[]')).toMatch(/^Not a Paperlight backup: expected a JSON object/);
    expect(parseError('{"version": 1}')).toBe(
      'Not a Paperlight backup: "format" is missing, expected "paperlight-backup".',
    );
    expect(parseError('{"format": "zotero", "version": 1}')).toMatch(/"format" is "zotero"/);
    expect(parseError('{"format": "paperlight-backup", "version": 2}')).toMatch(
      /^This backup is version 2, written by a newer Paperlight/,
    );
    expect(parseError('{"format": "paperlight-backup"}')).toBe(
      'Unsupported backup: "version" is missing, expected 1.',
    );
    expect(parseError('{"format": "paperlight-backup", "version": "1"}')).toMatch(/"version" is "1"/);
  });

  test('schema problems: names the path', () => {
    const bookmarks = [0, 1, 2].map((i) => ({ id: `arxiv:${i}`, title: 'T' }));
    expect(parseError(backupText({ bookmarks: [...bookmarks, { id: 'arxiv:3' }] }))).toBe(
      'Invalid backup: bookmarks[3].title: required.',
    );
    expect(parseError(backupText({ topics: [{ id: 't', label: 'T', terms: 'kv' }] }))).toMatch(
      /^Invalid backup: topics\[0\]\.terms: Invalid input: expected array, received string/,
    );
    expect(parseError(backupText({ bookmarks: {} }))).toMatch(/^Invalid backup: bookmarks: /);
  });

  test('lists the first few problems and counts the rest', () => {
    const bookmarks = Array.from({ length: 8 }, (_, i) => ({ id: `arxiv:${i}` }));
    const error = parseError(backupText({ bookmarks }));
    expect(error).toContain('bookmarks[4].title: required; and 3 more problems');
    expect(error).not.toContain('bookmarks[5]');
  });

  test('refuses a file that repeats an id', () => {
    const bookmarks = [
      { id: 'arxiv:1', title: 'A' },
      { id: 'arxiv:2', title: 'B' },
      { id: 'arxiv:1', title: 'C' },
    ];
    expect(parseError(backupText({ bookmarks }))).toBe(
      'Invalid backup: bookmarks[2].id: "arxiv:1" repeats bookmarks[0].id.',
    );
    const topics = [topic({ id: 't' }), topic({ id: 't' })];
    expect(parseError(backupText({ topics }))).toMatch(/topics\[1\]\.id: "t" repeats topics\[0\]\.id/);
  });

  test('a __proto__ key in the file stays inert', () => {
    const backup = parseOk(
      '{"format":"paperlight-backup","version":1,"bookmarks":[{"id":"a","title":"t","__proto__":{"polluted":true}}]}',
    );
    expect(Object.getPrototypeOf(backup.bookmarks[0])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('createBackup and serializeBackup', () => {
  test('writes the format, version, date and every defaulted field', () => {
    const raw = {
      id: 'arxiv:2509.02560',
      title: 'FastVGGT',
      addedAt: '2026-11-28T12:00:00.000Z',
    } as Bookmark;
    const backup = createBackup([{ id: 't', label: 'T', terms: ['x'] } as Topic], [raw], NOW);
    expect(backup).toMatchObject({
      format: 'paperlight-backup',
      version: 1,
      exportedAt: '2026-11-28T12:00:00.000Z',
    });
    expect(backup.topics[0]).toEqual({ id: 't', label: 'T', terms: ['x'], color: '#f4b400', enabled: true });
    expect(backup.bookmarks[0]).toEqual({ ...raw, authors: [], tags: [], note: '', topics: [], read: false });
  });

  test('serializes to pretty JSON that reads back the same', () => {
    const backup = createBackup([topic({ id: 't' })], [bookmark({ id: 'arxiv:1', note: 'a\n"b"' })], NOW);
    const text = serializeBackup(backup);
    expect(text).toMatch(/^\{\n {2}"format": "paperlight-backup",\n {2}"version": 1,\n/);
    expect(text.endsWith('}\n')).toBe(true);
    expect(parseOk(text)).toEqual(backup);
  });
});

describe('mergeBookmark', () => {
  const base = bookmark({
    id: 'arxiv:1',
    title: 'Old title',
    abstract: 'An abstract',
    addedAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-02-01T00:00:00.000Z',
    tags: ['a', 'b'],
    note: 'my note',
  });

  test('the newer edit wins for user fields, even when it emptied them', () => {
    const newer = { ...base, updatedAt: '2026-03-01T00:00:00.000Z', tags: ['a'], note: '', read: true };
    expect(mergeBookmark(base, newer)).toMatchObject({ tags: ['a'], note: '', read: true });
    // Same result whichever side is current: it is the edit time that decides.
    expect(mergeBookmark(newer, base)).toMatchObject({ tags: ['a'], note: '', read: true });
  });

  test('an older copy changes nothing', () => {
    const older = { ...base, updatedAt: '2025-12-01T00:00:00.000Z', tags: ['z'], note: 'stale' };
    expect(mergeBookmark(base, older)).toEqual(base);
  });

  test('metadata is filled in when missing and never blanked', () => {
    const newerWithoutAbstract = { ...base, updatedAt: '2026-03-01T00:00:00.000Z', abstract: '' };
    expect(mergeBookmark(base, newerWithoutAbstract).abstract).toBe('An abstract');
    const { abstract: _dropped, ...withoutAbstract } = base;
    const olderWithAbstract = {
      ...base,
      updatedAt: '2025-01-01T00:00:00.000Z',
      url: 'https://arxiv.org/abs/1',
    };
    expect(mergeBookmark(withoutAbstract, olderWithAbstract)).toMatchObject({
      abstract: 'An abstract',
      url: 'https://arxiv.org/abs/1',
    });
  });

  test('keeps the first save date, the last edit date, unknown fields and extras from both', () => {
    const other = {
      ...base,
      addedAt: '2025-06-01T00:00:00.000Z',
      updatedAt: '2026-05-01T00:00:00.000Z',
      rating: 4,
      extras: { subjects: ['cs.CV'] },
    };
    const merged = mergeBookmark(
      { ...base, extras: { upvotes: 3, subjects: ['cs.LG'] }, colour: 'red' },
      other,
    );
    expect(merged).toMatchObject({
      addedAt: '2025-06-01T00:00:00.000Z',
      updatedAt: '2026-05-01T00:00:00.000Z',
      rating: 4,
      colour: 'red',
      extras: { upvotes: 3, subjects: ['cs.CV'] },
    });
  });

  test('without updatedAt the save date tells which is newer', () => {
    const a = bookmark({ id: 'x', addedAt: '2026-01-01T00:00:00.000Z', tags: ['old'] });
    const b = bookmark({ id: 'x', addedAt: '2026-02-01T00:00:00.000Z', tags: ['new'] });
    expect(mergeBookmark(a, b)).toMatchObject({ tags: ['new'], addedAt: '2026-01-01T00:00:00.000Z' });
  });
});

describe('mergeTopic', () => {
  test('the later updatedAt wins; without one the current topic is kept', () => {
    const current = topic({ id: 't', label: 'Mine', terms: ['a'], updatedAt: '2026-01-01T00:00:00.000Z' });
    const newer = topic({ id: 't', label: 'Theirs', terms: [], updatedAt: '2026-02-01T00:00:00.000Z' });
    expect(mergeTopic(current, newer)).toMatchObject({ label: 'Theirs', terms: [] });
    const undated = topic({ id: 't', label: 'Undated', terms: ['b'], note: 'extra' });
    expect(mergeTopic(current, undated)).toMatchObject({ label: 'Mine', terms: ['a'], note: 'extra' });
  });
});

describe('mergeLibrary', () => {
  test('adds, updates, leaves alone and reports per kind and in total', () => {
    const current = {
      topics: [topic({ id: 'kept' })],
      bookmarks: [
        bookmark({ id: 'arxiv:1', tags: ['x'], updatedAt: '2026-01-01T00:00:00.000Z' }),
        bookmark({ id: 'arxiv:2' }),
      ],
    };
    const incoming = {
      topics: [topic({ id: 'kept' }), topic({ id: 'new' })],
      bookmarks: [
        { ...current.bookmarks[0], tags: ['x', 'y'], updatedAt: '2026-02-01T00:00:00.000Z' },
        current.bookmarks[1],
        bookmark({ id: 'arxiv:3' }),
      ],
    };
    const result = mergeLibrary(current, incoming);
    expect(result.topics.map((t) => t.id)).toEqual(['new']);
    expect(result.bookmarks.map((b) => b.id)).toEqual(['arxiv:1', 'arxiv:3']);
    expect(result.bookmarks[0]?.tags).toEqual(['x', 'y']);
    expect(result.report).toEqual({
      added: 2,
      updated: 1,
      unchanged: 2,
      topics: { added: 1, updated: 0, unchanged: 1 },
      bookmarks: { added: 1, updated: 1, unchanged: 1 },
      refused: [],
    });
  });

  test('never deletes: what the incoming library lacks is not touched', () => {
    const current = { topics: [topic({ id: 't' })], bookmarks: [bookmark({ id: 'arxiv:1' })] };
    const result = mergeLibrary(current, { topics: [], bookmarks: [] });
    expect(result).toMatchObject({
      topics: [],
      bookmarks: [],
      report: { added: 0, updated: 0, unchanged: 0 },
    });
  });

  test('refuses invalid entries one by one and carries an importer refusals along', () => {
    const result = mergeLibrary(
      { topics: [], bookmarks: [] },
      {
        bookmarks: [{ id: 'arxiv:1', title: '' }, { title: 'no id' }, bookmark({ id: 'arxiv:2' })],
        refused: [{ kind: 'bookmark', reason: 'line 3: no arXiv id or DOI' }],
      },
    );
    expect(result.bookmarks.map((b) => b.id)).toEqual(['arxiv:2']);
    expect(result.report.refused).toEqual([
      { kind: 'bookmark', reason: 'line 3: no arXiv id or DOI' },
      { kind: 'bookmark', id: 'arxiv:1', reason: 'title: Too small: expected string to have >=1 characters' },
      { kind: 'bookmark', reason: 'id: required' },
    ]);
  });

  test('a backup entry without dates does not count as the newest edit', () => {
    const current = { topics: [], bookmarks: [bookmark({ id: 'arxiv:1', tags: ['keep'], note: 'mine' })] };
    const parsed = parseOk(
      backupText({ bookmarks: [{ id: 'arxiv:1', title: 'Title of arxiv:1', tags: [] }] }),
    );
    expect(parsed.bookmarks[0]?.addedAt).toBeUndefined();
    const result = mergeLibrary(current, parsed);
    expect(result.report.bookmarks).toEqual({ added: 0, updated: 0, unchanged: 1 });
    const added = mergeLibrary({ topics: [], bookmarks: [] }, parsed).bookmarks[0];
    expect(Date.parse(added?.addedAt ?? '')).toBeGreaterThan(Date.parse('2026-01-01'));
  });

  test('defaults the schema fills in are no edits: a bare entry does not wipe tags', () => {
    const current = { topics: [], bookmarks: [bookmark({ id: 'arxiv:1', tags: ['keep'], note: 'mine' })] };
    const result = mergeLibrary(current, {
      bookmarks: [{ id: 'arxiv:1', title: 'Title of arxiv:1', abstract: 'New' }],
    });
    expect(result.bookmarks).toEqual([{ ...current.bookmarks[0], abstract: 'New' }]);
    expect(result.report.bookmarks).toEqual({ added: 0, updated: 1, unchanged: 0 });
  });

  test('repeats of an id in the incoming library fold into one entry', () => {
    const result = mergeLibrary(
      { topics: [], bookmarks: [] },
      {
        bookmarks: [
          { id: 'arxiv:1', title: 'A', addedAt: '2026-01-01T00:00:00.000Z' },
          { id: 'arxiv:1', title: 'A', abstract: 'more', addedAt: '2026-01-02T00:00:00.000Z' },
        ],
      },
    );
    expect(result.bookmarks).toHaveLength(1);
    expect(result.bookmarks[0]).toMatchObject({ abstract: 'more', addedAt: '2026-01-01T00:00:00.000Z' });
    expect(result.report.bookmarks).toEqual({ added: 1, updated: 0, unchanged: 0 });
  });

  test('into an empty library: the incoming library, as it was', () => {
    const topics = [topic({ id: 't', kind: 'custom' })];
    const bookmarks = [bookmark({ id: 'arxiv:1', extras: { upvotes: 2 } }), bookmark({ id: 'doi:10.1/x' })];
    const result = mergeLibrary({ topics: [], bookmarks: [] }, { topics, bookmarks });
    expect(result.topics).toEqual(topics);
    expect(result.bookmarks).toEqual(bookmarks);
  });
});
