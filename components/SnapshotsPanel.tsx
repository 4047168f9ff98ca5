import { useState } from 'preact/hooks';
import type { MergeReport } from '../lib/backup';
import { MergeSummary } from './MergeSummary';

export interface SnapshotView {
  createdAt: string;
  reason: string;
  bookmarks: number;
  topics: number;
}

export interface SnapshotsPanelProps {
  /** Newest first; `undefined` while loading. */
  snapshots: readonly SnapshotView[] | undefined;
  onRestore(createdAt: string): Promise<MergeReport>;
}

type RestoreState =
  | { kind: 'idle' }
  | { kind: 'working'; createdAt: string }
  | { kind: 'done'; createdAt: string; report: MergeReport }
  | { kind: 'failed'; createdAt: string; error: string };

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function describe(snapshot: SnapshotView): string {
  const papers = `${snapshot.bookmarks} ${snapshot.bookmarks === 1 ? 'paper' : 'papers'}`;
  const topics = `${snapshot.topics} ${snapshot.topics === 1 ? 'topic' : 'topics'}`;
  return `${when.format(new Date(snapshot.createdAt))}, ${snapshot.reason}: ${papers}, ${topics}`;
}

/**
 * The automatic local copies of the library. Restoring one merges it back, like an import: what
 * it holds returns, and nothing saved since is removed.
 */
export function SnapshotsPanel({ snapshots, onRestore }: SnapshotsPanelProps) {
  const [state, setState] = useState<RestoreState>({ kind: 'idle' });
  const restore = async (snapshot: SnapshotView) => {
    setState({ kind: 'working', createdAt: snapshot.createdAt });
    try {
      setState({ kind: 'done', createdAt: snapshot.createdAt, report: await onRestore(snapshot.createdAt) });
    } catch (error) {
      setState({
        kind: 'failed',
        createdAt: snapshot.createdAt,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  };
  return (
    <section class="snapshots" aria-labelledby="snapshots-heading">
      <h2 id="snapshots-heading">Automatic copies</h2>
      <p>
        Paperlight keeps the last few copies of your library on this device: one a day after changes, and one
        before every import. Restoring a copy brings back what it holds and removes nothing saved since.
      </p>
      {snapshots === undefined ? null : snapshots.length === 0 ? (
        <p class="hint">No copies yet: the first is taken after your next change.</p>
      ) : (
        <ul class="snapshot-list">
          {snapshots.map((snapshot) => (
            <li key={snapshot.createdAt} data-paperlight-snapshot={snapshot.createdAt}>
              <span>{describe(snapshot)}</span>
              <button
                type="button"
                disabled={state.kind === 'working'}
                aria-label={`Restore the copy of ${describe(snapshot)}`}
                onClick={() => restore(snapshot)}
              >
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
      {/* One live region: polite for progress and reports, assertive (alert) for a failure. */}
      <div role={state.kind === 'failed' ? 'alert' : 'status'} data-paperlight-restore-status={state.kind}>
        {state.kind === 'working' ? 'Restoring…' : null}
        {state.kind === 'done' ? (
          <MergeSummary
            heading={`Restored the copy of ${when.format(new Date(state.createdAt))}`}
            report={state.report}
          />
        ) : null}
        {state.kind === 'failed' ? (
          <p class="error">The copy was not restored, and nothing changed: {state.error}</p>
        ) : null}
      </div>
    </section>
  );
}
