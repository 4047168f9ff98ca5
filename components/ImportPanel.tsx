import { useState } from 'preact/hooks';
import type { MergeReport } from '../lib/backup';
import { MergeSummary } from './MergeSummary';

export interface ImportPanelProps {
  onImport(file: File): Promise<MergeReport>;
}

type ImportState =
  | { kind: 'idle' }
  | { kind: 'working'; name: string }
  | { kind: 'done'; name: string; report: MergeReport }
  | { kind: 'failed'; name: string; error: string };

/** Takes a Paperlight backup (or a BibTeX file) and says what was added, updated and refused. */
export function ImportPanel({ onImport }: ImportPanelProps) {
  const [state, setState] = useState<ImportState>({ kind: 'idle' });

  const onChange = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setState({ kind: 'working', name: file.name });
    try {
      setState({ kind: 'done', name: file.name, report: await onImport(file) });
    } catch (error) {
      setState({
        kind: 'failed',
        name: file.name,
        error: error instanceof Error ? error.message : String(error),
      });
    } finally {
      input.value = '';
    }
  };

  return (
    <section class="import" aria-labelledby="import-heading">
      <h2 id="import-heading">Import</h2>
      <p>
        A Paperlight backup (.json) or a BibTeX file (.bib). Importing adds and updates papers; it never
        deletes.
      </p>
      <label>
        Choose a file <input type="file" accept=".json,.bib,.bibtex,application/json" onChange={onChange} />
      </label>
      {/* One live region: polite for progress and reports, assertive (alert) for a failure. */}
      <div role={state.kind === 'failed' ? 'alert' : 'status'} data-paperlight-import-status={state.kind}>
        {state.kind === 'working' ? `Importing ${state.name}…` : null}
        {state.kind === 'done' ? (
          <MergeSummary heading={`Imported ${state.name}`} report={state.report} />
        ) : null}
        {state.kind === 'failed' ? (
          <p class="error">
            {state.name} was not imported, and nothing changed: {state.error}
          </p>
        ) : null}
      </div>
    </section>
  );
}
