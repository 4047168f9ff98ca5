import { useEffect, useRef, useState } from 'preact/hooks';

export interface UndoToastProps {
  /** What happened ("Deleted KV cache"); `undefined` hides the toast. */
  message: string | undefined;
  /** Changes with each new offer, which restarts the clock even if the message reads the same. */
  offerId: number;
  onUndo(): void;
  /** The offer expired or was closed. */
  onDismiss(): void;
  durationMs?: number;
}

/**
 * A snackbar offering to undo the last action for a while. The clock stops while the pointer or
 * keyboard focus is on it, so nobody loses the offer while reaching for it (WCAG 2.2.1).
 */
export function UndoToast({ message, offerId, onUndo, onDismiss, durationMs = 10_000 }: UndoToastProps) {
  const [paused, setPaused] = useState(false);
  const onDismissRef = useRef(onDismiss);
  onDismissRef.current = onDismiss;

  useEffect(() => {
    if (message === undefined || paused) return;
    const timer = setTimeout(() => onDismissRef.current(), durationMs);
    return () => clearTimeout(timer);
  }, [message, offerId, paused, durationMs]);

  return (
    // Always in the DOM: a live region announces content that appears in it, not one that appears.
    <div
      class="toast-region"
      role="status"
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocusIn={() => setPaused(true)}
      onFocusOut={() => setPaused(false)}
    >
      {message !== undefined ? (
        <div class="toast">
          <span>{message}</span>
          <button type="button" onClick={onUndo}>
            Undo
          </button>
          <button type="button" aria-label="Dismiss" onClick={onDismiss}>
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}
