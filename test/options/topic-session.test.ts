import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TopicSession, type TopicSessionState } from '../../entrypoints/options/topic-session';
import type { Topic } from '../../lib/topics/topic';

const topic = (id: string, terms: string[] = [id]): Topic => ({
  id,
  label: id,
  color: '#f4b400',
  terms,
  enabled: true,
});

/** A save the test resolves or rejects by hand, to see what happens while it is in flight. */
function controlledSaves() {
  const calls: { topics: Topic[]; resolve(): void; reject(error: Error): void }[] = [];
  const save = (topics: Topic[]) =>
    new Promise<unknown>((resolve, reject) => {
      calls.push({ topics, resolve: () => resolve(topics), reject });
    });
  return { calls, save };
}

describe('TopicSession', () => {
  let states: TopicSessionState[];
  const last = () => states[states.length - 1];
  beforeEach(() => {
    vi.useFakeTimers();
    states = [];
  });
  afterEach(() => vi.useRealTimers());

  it('waits for a pause in typing, then saves once', async () => {
    const { calls, save } = controlledSaves();
    const session = new TopicSession({ save, onState: (s) => states.push(s) });
    session.receiveStored([topic('a')]);
    session.apply([topic('a', ['x'])], { edited: ['a'], immediate: false });
    await vi.advanceTimersByTimeAsync(200);
    session.apply([topic('a', ['xy'])], { edited: ['a'], immediate: false });
    await vi.advanceTimersByTimeAsync(299);
    expect(calls).toHaveLength(0);
    expect(last()?.status).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map((c) => c.topics[0]?.terms)).toEqual([['xy']]);
    calls[0]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(last()?.status).toBe('saved');
  });

  it('saves structural changes at once and one write at a time, the later edits after', async () => {
    const { calls, save } = controlledSaves();
    const session = new TopicSession({ save, onState: (s) => states.push(s) });
    session.receiveStored([]);
    session.apply([topic('a')], { edited: ['a'], immediate: true });
    session.apply([topic('a'), topic('b')], { edited: ['b'], immediate: true });
    expect(calls).toHaveLength(1);
    calls[0]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.topics.map((t) => t.id))).toEqual([['a'], ['a', 'b']]);
    expect(last()?.status).toBe('saving');
    calls[1]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(last()?.status).toBe('saved');
    expect(session.hasPendingEdits).toBe(false);
  });

  it('keeps the edits and says why when a save fails, and retries on flush', async () => {
    const { calls, save } = controlledSaves();
    const session = new TopicSession({ save, onState: (s) => states.push(s) });
    session.receiveStored([]);
    session.apply([topic('a')], { edited: ['a'], immediate: true });
    calls[0]?.reject(new Error('Invalid topics/replace request: topics.0.color: must be a #rrggbb colour'));
    await vi.advanceTimersByTimeAsync(0);
    expect(last()).toEqual({
      topics: [topic('a')],
      status: 'failed',
      error: 'Invalid topics/replace request: topics.0.color: must be a #rrggbb colour',
    });
    // A stored list arriving meanwhile does not take the unsaved topic away.
    session.receiveStored([]);
    expect(last()?.topics).toEqual([topic('a')]);
    session.flush();
    expect(calls).toHaveLength(2);
    calls[1]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(last()).toEqual({ topics: [topic('a')], status: 'saved' });
  });

  it('merges a stored change that arrives mid-edit, keeping the edit and saving the union', async () => {
    const { calls, save } = controlledSaves();
    const session = new TopicSession({ save, onState: (s) => states.push(s) });
    session.receiveStored([topic('a'), topic('b')]);
    session.apply([topic('a', ['typing']), topic('b')], { edited: ['a'], immediate: false });
    // Another window renamed b and added c.
    session.receiveStored([topic('a'), { ...topic('b'), label: 'Bee' }, topic('c')]);
    expect(last()?.topics).toEqual([topic('a', ['typing']), { ...topic('b'), label: 'Bee' }, topic('c')]);
    await vi.advanceTimersByTimeAsync(300);
    expect(calls[0]?.topics.map((t) => [t.id, t.label, t.terms])).toEqual([
      ['a', 'a', ['typing']],
      ['b', 'Bee', ['b']],
      ['c', 'c', ['c']],
    ]);
  });

  it('keeps an edit made while its save is in flight pending after that save succeeds', async () => {
    const { calls, save } = controlledSaves();
    const session = new TopicSession({ save, onState: (s) => states.push(s) });
    session.receiveStored([topic('a')]);
    session.apply([topic('a', ['one'])], { edited: ['a'], immediate: true });
    session.apply([topic('a', ['one', 'two'])], { edited: ['a'], immediate: false });
    calls[0]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    // The broadcast of the first save must not undo "two".
    session.receiveStored([topic('a', ['one'])]);
    expect(last()?.topics?.[0]?.terms).toEqual(['one', 'two']);
    await vi.advanceTimersByTimeAsync(300);
    expect(calls[1]?.topics[0]?.terms).toEqual(['one', 'two']);
  });
});
