import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { test } from 'vitest';
import { type Bookmark, BookmarkSchema } from '../lib/bookmark';
import { EXPORT_FORMAT_IDS, EXPORT_FORMATS, renderExport } from '../lib/export';
import { toCsl } from '../lib/export/csl';
import { TopicSchema } from '../lib/topics/topic';
import { type BenchRow, medianMs, printTable } from './measure';

// The goal: each format exports 10,000 papers in under 500 ms, so the popup never freezes.
const GOAL_MS = 500;
const PAPERS = 10_000;

function library(): Bookmark[] {
  return Array.from({ length: PAPERS }, (_, i) =>
    BookmarkSchema.parse({
      id: `arxiv:25${String(1 + (i % 12)).padStart(2, '0')}.${String(i).padStart(5, '0')}`,
      title: `Efficient {Sparse} Attention for 100% Long-Context & Multi-Modal Models, part ${i}`,
      authors: ['Ada Lovelace', 'Alan M. Turing', 'Grace Hopper', 'Émile Çelik'],
      abstract: 'We study how key-value caches grow with context length. '.repeat(12),
      url: `https://arxiv.org/abs/25${String(1 + (i % 12)).padStart(2, '0')}.${String(i).padStart(5, '0')}`,
      published: '2025-09-02',
      addedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      tags: ['llm', i % 2 ? 'read-later' : '=formula'],
      note: i % 3 ? '' : 'Compare with section 4.\nCheck the appendix.',
      topics: ['kv-cache'],
      extras: { subjects: ['Machine Learning (cs.LG)'] },
    }),
  );
}

test('export 10,000 papers per format', async () => {
  const bookmarks = library();
  const topics = [TopicSchema.parse({ id: 'kv-cache', label: 'KV cache', terms: ['KV cache'] })];
  const rows: BenchRow[] = [{ name: `goal (${GOAL_MS} ms)`, ms: GOAL_MS }];
  for (const id of EXPORT_FORMAT_IDS) {
    let bytes = 0;
    const ms = await medianMs(() => {
      bytes = renderExport(id, bookmarks, topics).length;
    }, 5);
    rows.push({
      name: `${EXPORT_FORMATS[id].label}: ${PAPERS.toLocaleString('en')} papers`,
      ms,
      reference: `goal (${GOAL_MS} ms)`,
      note: `${(bytes / 1e6).toFixed(1)} M chars, ${(ms / GOAL_MS).toFixed(2)} of the goal`,
    });
  }
  // Why RIS is written by hand: citation-js's own RIS output of the same papers, same run.
  const citationJsRis = 'RIS via citation-js (not used)';
  rows.push({
    name: citationJsRis,
    ms: await medianMs(
      () =>
        new Cite(
          bookmarks.map((bookmark) => toCsl(bookmark)),
          { forceType: '@csl/list+object' },
        ).format('ris'),
      5,
    ),
    reference: `goal (${GOAL_MS} ms)`,
  });
  const ris = rows.find((row) => row.name.startsWith('RIS:'));
  if (ris)
    ris.note = `${ris.note}; ${(rows.at(-1)?.ms ?? 0) / ris.ms >= 1 ? ((rows.at(-1)?.ms ?? 0) / ris.ms).toFixed(1) : '<1'}× faster than citation-js`;
  printTable('Export, median of 5 runs (ratio = goal ÷ time: above 1× meets the goal)', rows);
});
