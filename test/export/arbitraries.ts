import fc from 'fast-check';
import { type Bookmark, BookmarkSchema } from '../../lib/bookmark';
import { type Topic, TopicSchema } from '../../lib/topics/topic';

/** Pieces that break naive exporters: TeX specials, quotes, line breaks, scripts, formulas, markup. */
export const HOSTILE_PIECES = [
  '{',
  '}',
  '\\',
  '%',
  '&',
  '#',
  '_',
  '$',
  '~',
  '^',
  '"',
  "'",
  ',',
  ';',
  '\n',
  '\r\n',
  '\t',
  '  ',
  '🙂',
  '👩‍🔬',
  'שלום עולם',
  'مرحبا',
  '\u202e',
  '<script>alert(1)</script>',
  '=HYPERLINK("http://evil.example","click")',
  '+1',
  '-2',
  '@SUM(A1)',
  'ER  - ',
  'TY  - JOUR',
  '\\par',
  '{\\"u}',
  ' and ',
  '[link](javascript:x)',
  '*bold*',
  '`code`',
  'Müller',
  'Ångström',
];

export const hostileString = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.string({ unit: 'grapheme', maxLength: 8 })), {
    maxLength: 6,
  })
  .map((pieces) => pieces.join(''));

/** Hostile, but with something visible in it: titles and labels are required and non-empty. */
export const hostileText = fc
  .tuple(hostileString, fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,8}$/), hostileString)
  .map(([before, word, after]) => `${before}${word}${after}`);

const arxivNewId = fc
  .tuple(fc.integer({ min: 7, max: 30 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 99999 }))
  .map(
    ([yy, mm, n]) =>
      `arxiv:${String(yy).padStart(2, '0')}${String(mm).padStart(2, '0')}.${String(n).padStart(5, '0')}`,
  );
const arxivOldId = fc
  .tuple(fc.constantFrom('hep-th', 'math.GT', 'cond-mat', 'astro-ph'), fc.integer({ min: 0, max: 9_999_999 }))
  .map(([archive, n]) => `arxiv:${archive}/${String(n).padStart(7, '0')}`);
const doiId = fc
  .tuple(
    fc.integer({ min: 1000, max: 99999 }),
    fc.stringMatching(/^[a-z0-9](?:[a-z0-9._;()/:-]{0,18}[a-z0-9])?$/),
  )
  .map(([prefix, suffix]) => `doi:10.${prefix}/${suffix}`);
const otherId = fc.stringMatching(/^[A-Za-z0-9_-]{4,12}$/).map((forum) => `openreview:${forum}`);

export const paperId = fc.oneof(arxivNewId, arxivOldId, doiId, otherId);

const isoTime = fc
  .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2030, 0, 1) })
  .map((ms) => new Date(ms).toISOString());
const isoDate = isoTime.map((time) => time.slice(0, 10));

const BOOKMARK_KEYS = new Set([...Object.keys(BookmarkSchema.shape), '__proto__']);

/** Fields a newer Paperlight might write: they must survive untouched. */
const unknownFields = fc.dictionary(
  fc
    .string({ minLength: 1, maxLength: 10 })
    .filter((key) => !BOOKMARK_KEYS.has(key) && key !== 'constructor'),
  // Through JSON once: fast-check's JSON values include -0, which no JSON file can hold.
  fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.parse(JSON.stringify(value)) as unknown),
  { maxKeys: 2 },
);

const extras = fc.dictionary(
  fc.constantFrom('upvotes', 'subjects', 'primaryClass', 'github', 'comments'),
  fc.oneof(hostileString, fc.integer(), fc.boolean(), fc.array(hostileString, { maxLength: 3 })),
  { maxKeys: 3 },
);

export const bookmarkArbitrary: fc.Arbitrary<Bookmark> = fc
  .record(
    {
      id: paperId,
      title: hostileText,
      authors: fc.array(hostileText, { maxLength: 5 }),
      abstract: hostileString,
      url: fc.webUrl(),
      published: isoDate,
      source: fc.constantFrom('arxiv', 'huggingface', 'openreview'),
      extras,
      addedAt: isoTime,
      updatedAt: isoTime,
      tags: fc.array(hostileText, { maxLength: 4 }),
      note: hostileString,
      topics: fc.array(fc.constantFrom('kv-cache', 'diffusion', 'rtl-טקסט'), { maxLength: 2 }),
      read: fc.boolean(),
      savedFrom: fc.webUrl(),
    },
    { requiredKeys: ['id', 'title', 'authors', 'addedAt', 'tags', 'note', 'topics', 'read'] },
  )
  .chain((known) => unknownFields.map((unknown) => BookmarkSchema.parse({ ...unknown, ...known })));

export const topicArbitrary: fc.Arbitrary<Topic> = fc
  .record(
    {
      id: fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/),
      label: hostileText,
      color: fc.stringMatching(/^#[0-9a-f]{6}$/),
      terms: fc.array(hostileString, { maxLength: 4 }),
      enabled: fc.boolean(),
      updatedAt: isoTime,
    },
    { requiredKeys: ['id', 'label', 'terms'] },
  )
  .map((topic) => TopicSchema.parse(topic));

export const libraryArbitrary = fc.record({
  topics: fc.uniqueArray(topicArbitrary, { selector: (topic) => topic.id, maxLength: 4 }),
  bookmarks: fc.uniqueArray(bookmarkArbitrary, { selector: (bookmark) => bookmark.id, maxLength: 12 }),
});
