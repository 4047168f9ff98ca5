import { describe, expect, it } from 'vitest';
import { openDatabase } from '../lib/db';
import { listingKey, recordVisit, SAME_VISIT_MS, SEEN_TTL_MS } from '../lib/seen';

const HOUR = 60 * 60_000;
const T0 = Date.parse('2026-11-20T08:00:00.000Z');

describe('listingKey', () => {
  it('ignores paging and display size, keeps what selects the listing', () => {
    expect(listingKey('https://arxiv.org/list/cs.CL/pastweek?skip=25&show=2000')).toBe(
      'arxiv.org/list/cs.CL/pastweek',
    );
    expect(listingKey('https://arxiv.org/list/cs.CL/new/')).toBe('arxiv.org/list/cs.CL/new');
    expect(listingKey('https://huggingface.co/papers?q=kv%20cache&p=2')).toBe(
      'huggingface.co/papers?q=kv+cache',
    );
  });
});

describe('recordVisit', () => {
  it('marks nothing new on a first visit, then what appeared since the previous visit', async () => {
    const db = await openDatabase(`seen-${Math.random()}`);
    const listing = 'arxiv.org/list/cs.CL/new';
    expect(await recordVisit(db, listing, ['a', 'b'], T0)).toEqual({ newIds: [], seenIds: [] });

    const nextDay = T0 + 24 * HOUR;
    expect(await recordVisit(db, listing, ['b', 'c', 'd'], nextDay)).toEqual({
      newIds: ['c', 'd'],
      seenIds: ['b'],
    });
    // A reload in the same visit keeps the same answer.
    expect(await recordVisit(db, listing, ['b', 'c', 'd'], nextDay + SAME_VISIT_MS / 2)).toEqual({
      newIds: ['c', 'd'],
      seenIds: ['b'],
    });
    // The visit after that: c and d were seen before.
    const later = nextDay + 3 * HOUR;
    expect(await recordVisit(db, listing, ['c', 'd', 'e'], later)).toEqual({
      newIds: ['e'],
      seenIds: ['c', 'd'],
    });
  });

  it('a paper first seen on another listing is not new here, but is seen', async () => {
    const db = await openDatabase(`seen-${Math.random()}`);
    await recordVisit(db, 'huggingface.co/papers', ['x'], T0);
    await recordVisit(db, 'arxiv.org/list/cs.CL/new', ['y'], T0);
    const result = await recordVisit(db, 'arxiv.org/list/cs.CL/new', ['x', 'y', 'z'], T0 + 2 * HOUR);
    expect(result).toEqual({ newIds: ['z'], seenIds: ['x', 'y'] });
  });

  it('forgets papers not shown for a long time (bounded storage)', async () => {
    const db = await openDatabase(`seen-${Math.random()}`);
    await recordVisit(db, 'l', ['old', 'kept'], T0);
    await recordVisit(db, 'l', ['kept'], T0 + SEEN_TTL_MS - HOUR);
    await recordVisit(db, 'l', ['other'], T0 + SEEN_TTL_MS + HOUR);
    expect((await db.getAllKeys('seen')).sort()).toEqual(['kept', 'other']);
  });
});
