import { useState } from 'preact/hooks';

export interface SyncStatusView {
  at: string;
  state: 'synced' | 'off' | 'waiting' | 'failed' | 'needs-confirmation';
  message: string;
  usage?: { bytes: number; items: number; quotaBytes: number; maxItems: number };
}

export interface SyncPanelProps {
  /** The sync setting; `undefined` while loading. */
  enabled: boolean | undefined;
  /** The last sync's outcome; `null` before the first one. */
  status: SyncStatusView | null | undefined;
  onToggle(enabled: boolean): Promise<void>;
  /** Syncs now; `confirmRemovals` lets a sync that removes many papers everywhere go ahead. */
  onSyncNow(confirmRemovals: boolean): Promise<void>;
}

const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0)} KB`;
}

/** Whether saved papers and topics follow the user through the browser's sync, how it went, and its quota. */
export function SyncPanel({ enabled, status, onToggle, onSyncNow }: SyncPanelProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  // The switch shows the user's choice at once, while it is saved; a refused save puts it back.
  const [choice, setChoice] = useState<boolean | undefined>();
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    } finally {
      setBusy(false);
    }
  };
  const problem = status?.state === 'failed' || status?.state === 'needs-confirmation';
  return (
    <section class="sync" aria-labelledby="sync-heading">
      <h2 id="sync-heading">Sync across devices</h2>
      <label>
        <input
          type="checkbox"
          checked={choice ?? enabled ?? false}
          disabled={enabled === undefined || busy}
          aria-describedby="sync-description"
          onChange={(event) => {
            const checked = event.currentTarget.checked;
            setChoice(checked);
            void run(() => onToggle(checked)).finally(() => setChoice(undefined));
          }}
        />{' '}
        Sync saved papers and topics
      </label>
      <p id="sync-description" class="hint">
        Through your browser account's own sync storage: ids, tags, notes, read state and topics (abstracts
        stay on each device). Nothing goes to any other server.
      </p>
      {status ? (
        <div class="sync-status" data-paperlight-sync-state={status.state}>
          <p role={problem ? 'alert' : undefined} class={problem ? 'error' : undefined}>
            {status.message} <span class="hint">({time.format(new Date(status.at))})</span>
          </p>
          {status.usage ? (
            <p class="sync-usage">
              <label>
                Sync storage used{' '}
                <meter
                  min={0}
                  max={status.usage.quotaBytes}
                  high={status.usage.quotaBytes * 0.8}
                  value={status.usage.bytes}
                >
                  {Math.round((100 * status.usage.bytes) / status.usage.quotaBytes)}%
                </meter>
              </label>{' '}
              {kilobytes(status.usage.bytes)} of {kilobytes(status.usage.quotaBytes)}, {status.usage.items} of{' '}
              {status.usage.maxItems} items
            </p>
          ) : null}
        </div>
      ) : enabled ? (
        <p class="hint">Not synced yet.</p>
      ) : null}
      {enabled ? (
        <p class="sync-actions">
          <button type="button" disabled={busy} onClick={() => run(() => onSyncNow(false))}>
            {busy ? 'Syncing…' : 'Sync now'}
          </button>{' '}
          {status?.state === 'needs-confirmation' ? (
            <button type="button" class="danger" disabled={busy} onClick={() => run(() => onSyncNow(true))}>
              Remove them on every device
            </button>
          ) : null}
        </p>
      ) : null}
      {error ? (
        <p role="alert" class="error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
