import { describe, expect, test } from 'vitest';
import { type Bookmark, BookmarkSchema } from '../../lib/bookmark';
import { escapeMarkdown, renderMarkdown } from '../../lib/export/markdown';
import { TopicSchema } from '../../lib/topics/topic';

function bookmark(fields: Partial<Bookmark> & { id: string }): Bookmark {
  return BookmarkSchema.parse({ title: 'A paper', addedAt: '2026-01-01T00:00:00.000Z', ...fields });
}

const topics = [
  TopicSchema.parse({ id: 'kv', label: 'KV cache', terms: [] }),
  TopicSchema.parse({ id: 'diff', label: 'Diffusion', terms: [] }),
];
const a = bookmark({
  id: 'arxiv:2509.02560',
  title: 'FastVGGT',
  authors: ['A. One', 'B. Two'],
  published: '2025-09-02',
  topics: ['kv'],
  tags: ['3d'],
  read: true,
  note: 'Read section 3',
});
const b = bookmark({ id: 'openreview:abc', title: 'No link', topics: ['kv', 'diff'], tags: ['3d', 'video'] });
const c = bookmark({ id: 'doi:10.1/x', title: 'Loose', authors: ['W', 'X', 'Y', 'Z'] });

describe('Markdown reading list', () => {
  test('grouped by topic in topic order, papers in none under Other', () => {
    expect(renderMarkdown([a, b, c], topics)).toBe(
      [
        '# Reading list',
        '',
        '## KV cache',
        '',
        '- [x] [FastVGGT](https://arxiv.org/abs/2509.02560) — A\\. One, B\\. Two, 2025 `3d`',
        '  > Read section 3',
        '- [ ] No link `3d` `video`',
        '',
        '## Diffusion',
        '',
        '- [ ] No link `3d` `video`',
        '',
        '## Other',
        '',
        '- [ ] [Loose](https://doi.org/10.1/x) — W, X, Y et al.',
        '',
      ].join('\n'),
    );
  });

  test('grouped by tag, or not at all', () => {
    const byTag = renderMarkdown([a, b, c], topics, 'tag');
    expect(byTag.match(/^## .*/gm)).toEqual(['## 3d', '## video', '## Other']);
    expect(renderMarkdown([a, c], topics, 'none')).not.toContain('##');
  });

  test('titles are text, never markup or HTML', () => {
    expect(escapeMarkdown('<script>alert(1)</script> [x](javascript:y) *b* `c`\nnext')).toBe(
      '\\<script\\>alert\\(1\\)\\</script\\> \\[x\\]\\(javascript:y\\) \\*b\\* \\`c\\` next',
    );
    const evil = bookmark({ id: 'arxiv:1', title: 'T', url: 'https://x.org/a b)(<' });
    expect(renderMarkdown([evil], [], 'none')).toContain('[T](https://x.org/a%20b%29%28%3C)');
  });
});
