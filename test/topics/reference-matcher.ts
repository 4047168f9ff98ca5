/**
 * A deliberately simple implementation of the matching rules in lib/topics/matcher.ts, written
 * from the rules and not from that code: try every term at every position. The property tests
 * compare the fast matcher with it.
 */
import type { TopicMatch } from '../../lib/topics/matcher';

export interface ReferenceTopic {
  id: string;
  terms: string[];
  enabled?: boolean;
}

const WORD_CHAR = /^[\p{L}\p{M}\p{N}_]$/u;
const UNSPACED =
  /^[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}]$/u;
const SEPARATOR = /^[\s\-\u2010-\u2013]$/u;

function fold(unit: string): string {
  const lower = unit.toLowerCase().charAt(0);
  return lower === 'ς' ? 'σ' : lower;
}

function lastCodePoint(text: string): string {
  return Array.from(text).pop() ?? '';
}

function isBoundary(text: string, index: number): boolean {
  if (index <= 0 || index >= text.length) return true;
  const before = lastCodePoint(text.slice(Math.max(0, index - 2), index));
  const after = Array.from(text.slice(index, index + 2))[0] ?? '';
  if (UNSPACED.test(before) || UNSPACED.test(after)) return true;
  return !(WORD_CHAR.test(before) && WORD_CHAR.test(after));
}

/** Where the words of a term match starting at `start` (before any plural), or -1. */
function matchWords(text: string, start: number, words: string[]): number {
  let position = start;
  for (const [index, word] of words.entries()) {
    if (index > 0) {
      const before = position;
      while (position < text.length && SEPARATOR.test(text.charAt(position))) position++;
      if (position === before) return -1;
    }
    for (const unit of word) {
      for (let k = 0; k < unit.length; k++) {
        if (position >= text.length || fold(text.charAt(position)) !== fold(unit.charAt(k))) return -1;
        position++;
      }
    }
  }
  return position;
}

export function referenceMatches(topics: ReferenceTopic[], text: string): TopicMatch[] {
  const found: TopicMatch[] = [];
  const order = new Map<string, number>();
  const seen = new Set<string>();
  for (const topic of topics) {
    // The first topic with an id is the one that counts, enabled or not.
    if (seen.has(topic.id)) continue;
    seen.add(topic.id);
    if (topic.enabled === false) continue;
    order.set(topic.id, order.size);
    for (const term of topic.terms) {
      const words = term
        .normalize('NFC')
        .split(/[\s\-\u2010-\u2013]+/u)
        .filter(Boolean);
      if (words.length === 0 || /^\/.+\/[dgimsuvy]*$/s.test(term.trim())) continue;
      const lastWord = words[words.length - 1] ?? '';
      const lastChar = lastCodePoint(lastWord);
      const plural = /^[\p{L}\p{M}]$/u.test(lastChar) && !UNSPACED.test(lastChar);
      for (let start = 0; start < text.length; start++) {
        if (!isBoundary(text, start)) continue;
        const end = matchWords(text, start, words);
        if (end < 0) continue;
        const ends = plural ? [end + 2, end + 1, end] : [end];
        const suffixes = ['es', 's', ''];
        const chosen = ends.find((candidate, i) => {
          const suffix = plural ? (suffixes[i] ?? '') : '';
          const written = Array.from(text.slice(end, candidate), fold).join('');
          return written === suffix && candidate <= text.length && isBoundary(text, candidate);
        });
        if (chosen !== undefined) found.push({ start, end: chosen, topicId: topic.id });
      }
    }
  }
  const rank = (id: string) => order.get(id) ?? 0;
  const kept: TopicMatch[] = [];
  for (const id of order.keys()) {
    const mine = found.filter((m) => m.topicId === id).sort((a, b) => a.start - b.start || b.end - a.end);
    let end = 0;
    for (const match of mine) {
      if (match.start < end) continue;
      kept.push(match);
      end = match.end;
    }
  }
  return kept.sort((a, b) => a.start - b.start || b.end - a.end || rank(a.topicId) - rank(b.topicId));
}
