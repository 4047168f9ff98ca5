import { useState } from 'preact/hooks';
import type { Bookmark } from '../lib/bookmark';
import { saveFile } from '../lib/download';
import type { Topic } from '../lib/topics/topic';

/** The contract's button names (CONTRACT.md §4), in the registry's order. */
const FORMATS = [
  ['bibtex', 'BibTeX'],
  ['ris', 'RIS'],
  ['csl-json', 'CSL-JSON'],
  ['csv', 'CSV'],
  ['markdown', 'Markdown'],
  ['json', 'JSON'],
] as const;

export interface ExportButtonsProps {
  /** What the current search and filters show. */
  shown: readonly Bookmark[];
  all: readonly Bookmark[];
  topics: readonly Topic[];
  filtered: boolean;
}

/**
 * One button per export format. The formats (and citation-js behind them) load on the first click,
 * so the popup opens without them.
 */
export function ExportButtons({ shown, all, topics, filtered }: ExportButtonsProps) {
  const [scope, setScope] = useState<'shown' | 'all'>('shown');
  const [error, setError] = useState<string | undefined>();
  const papers = scope === 'shown' && filtered ? shown : all;

  const run = async (format: (typeof FORMATS)[number][0]) => {
    setError(undefined);
    try {
      const { EXPORT_FORMATS, exportFilename, renderExport } = await import('../lib/export');
      saveFile(renderExport(format, papers, topics), exportFilename(format), EXPORT_FORMATS[format].mimeType);
    } catch (e) {
      setError(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <section class="export" aria-label="Export">
      <span class="export-label">
        Export{' '}
        {filtered ? (
          <select
            aria-label="Papers to export"
            value={scope}
            onChange={(event) => setScope(event.currentTarget.value as 'shown' | 'all')}
          >
            <option value="shown">{`the ${shown.length} shown`}</option>
            <option value="all">{`all ${all.length}`}</option>
          </select>
        ) : (
          `all ${all.length}`
        )}
      </span>
      <div class="export-buttons">
        {FORMATS.map(([id, label]) => (
          <button type="button" key={id} disabled={!papers.length} onClick={() => void run(id)}>
            {label}
          </button>
        ))}
      </div>
      {error ? <p role="alert">{error}</p> : null}
    </section>
  );
}
