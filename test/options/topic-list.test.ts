import { describe, expect, it } from 'vitest';
import {
  addTopic,
  mergeStoredTopics,
  moveTopic,
  nextColor,
  PALETTE,
  removeTopic,
  restoreTopic,
  uniqueTopicId,
  updateTopic,
} from '../../entrypoints/options/topic-list';
import type { Topic } from '../../lib/topics/topic';

const NOW = new Date('2026-11-28T12:00:00.000Z');
const topic = (id: string, extra: Partial<Topic> = {}): Topic => ({
  id,
  label: id.toUpperCase(),
  color: '#f4b400',
  terms: [id],
  enabled: true,
  ...extra,
});
const ids = (topics: readonly Topic[]) => topics.map((t) => t.id);

describe('topic list edits', () => {
  it('derives ids from labels and numbers repeats', () => {
    expect(uniqueTopicId('RAG', [])).toBe('rag');
    expect(uniqueTopicId('RAG', ['rag'])).toBe('rag-2');
    expect(uniqueTopicId('rag!', ['rag', 'rag-2'])).toBe('rag-3');
    expect(uniqueTopicId('  ', [])).toBe('topic');
  });

  it('adds a topic at the end with a free palette colour, enabled and stamped', () => {
    const list = addTopic([topic('rag')], { label: ' KV cache ', terms: ['KV cache'] }, NOW);
    expect(list[1]).toEqual({
      id: 'kv-cache',
      label: 'KV cache',
      color: PALETTE[1]?.color,
      terms: ['KV cache'],
      enabled: true,
      updatedAt: NOW.toISOString(),
    });
  });

  it('cycles the palette once every colour is taken', () => {
    const all = PALETTE.map(({ color }, i) => topic(`t${i}`, { color }));
    expect(PALETTE.map(({ color }) => color)).toContain(nextColor(all));
    expect(new Set(PALETTE.map(({ color }) => color)).size).toBe(PALETTE.length);
  });

  it('stamps only the edited topic', () => {
    const list = updateTopic([topic('a'), topic('b')], 'b', { label: 'Bee' }, NOW);
    expect(list[0]).toEqual(topic('a'));
    expect(list[1]).toEqual({ ...topic('b'), label: 'Bee', updatedAt: NOW.toISOString() });
  });

  it('moves within bounds', () => {
    const list = [topic('a'), topic('b'), topic('c')];
    expect(ids(moveTopic(list, 'c', -1))).toEqual(['a', 'c', 'b']);
    expect(ids(moveTopic(list, 'a', -1))).toEqual(['a', 'b', 'c']);
    expect(ids(moveTopic(list, 'a', 5))).toEqual(['b', 'c', 'a']);
    expect(ids(list)).toEqual(['a', 'b', 'c']);
  });

  it('restores a removed topic in place, under a fresh id if its own was taken meanwhile', () => {
    const list = [topic('a'), topic('b'), topic('c')];
    const { topics, removed } = removeTopic(list, 'b');
    expect(ids(topics)).toEqual(['a', 'c']);
    if (!removed) throw new Error('nothing removed');
    expect(ids(restoreTopic(topics, removed, NOW))).toEqual(['a', 'b', 'c']);
    expect(ids(restoreTopic([topic('b')], removed, NOW))).toEqual(['b', 'b-2']);
    expect(removeTopic(list, 'zzz').removed).toBeUndefined();
  });
});

describe('merging a stored list into one with pending edits', () => {
  const none = { edited: new Set<string>(), removed: new Set<string>(), reordered: false };

  it('takes the stored list when nothing is pending here', () => {
    const stored = [topic('b'), topic('a', { label: 'Other' })];
    expect(mergeStoredTopics(stored, [topic('a'), topic('b')], none)).toEqual(stored);
  });

  it('keeps edited and added topics and deletions, takes everything else from the store', () => {
    const local = [topic('a', { label: 'Mine' }), topic('b'), topic('new')];
    const stored = [
      topic('a', { label: 'Theirs' }),
      topic('b', { label: 'B theirs' }),
      topic('c'),
      topic('gone'),
    ];
    const merged = mergeStoredTopics(stored, local, {
      edited: new Set(['a', 'new']),
      removed: new Set(['gone']),
      reordered: false,
    });
    expect(merged.map((t) => [t.id, t.label])).toEqual([
      ['a', 'Mine'],
      ['b', 'B theirs'],
      ['c', 'C'],
      ['new', 'NEW'],
    ]);
  });

  it('keeps a local reorder, appending topics only the store has', () => {
    const merged = mergeStoredTopics([topic('a'), topic('b'), topic('c')], [topic('b'), topic('a')], {
      ...none,
      reordered: true,
    });
    expect(ids(merged)).toEqual(['b', 'a', 'c']);
  });

  it('drops a topic deleted elsewhere unless this page edited it', () => {
    const local = [topic('a'), topic('b')];
    expect(ids(mergeStoredTopics([topic('b')], local, { ...none, edited: new Set(['b']) }))).toEqual(['b']);
    expect(ids(mergeStoredTopics([topic('b')], local, { ...none, edited: new Set(['a']) }))).toEqual([
      'b',
      'a',
    ]);
  });
});
