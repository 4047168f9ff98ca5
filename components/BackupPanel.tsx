import { useState } from 'preact/hooks';

export interface BackupPanelProps {
  /** Builds the backup and hands it to the browser as a download; resolves with the file name. */
  onDownload(): Promise<string>;
}

type DownloadState =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'done'; filename: string }
  | { kind: 'failed'; error: string };

/** Saves the whole library (papers and topics) as a JSON backup that the import panel takes back. */
export function BackupPanel({ onDownload }: BackupPanelProps) {
  const [state, setState] = useState<DownloadState>({ kind: 'idle' });
  const download = async () => {
    setState({ kind: 'working' });
    try {
      setState({ kind: 'done', filename: await onDownload() });
    } catch (error) {
      setState({ kind: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <section class="backup" aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backup</h2>
      <p>Everything Paperlight keeps (saved papers, their notes and tags, and your topics) in one file.</p>
      <button type="button" onClick={download} disabled={state.kind === 'working'}>
        Download backup (JSON)
      </button>
      {/* One live region: polite for progress and reports, assertive (alert) for a failure. */}
      <div role={state.kind === 'failed' ? 'alert' : 'status'} data-paperlight-backup-status={state.kind}>
        {state.kind === 'done' ? ` Saved as ${state.filename}.` : null}
        {state.kind === 'failed' ? (
          <span class="error"> Could not create the backup: {state.error}</span>
        ) : null}
      </div>
    </section>
  );
}
