import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UndoToast } from '../../components/UndoToast';

describe('UndoToast', () => {
  let root: HTMLElement;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
    vi.useRealTimers();
  });

  const show = (onDismiss: () => void, onUndo = () => {}, offerId = 1) =>
    act(() =>
      render(
        <UndoToast message="Deleted “RAG”." offerId={offerId} onUndo={onUndo} onDismiss={onDismiss} />,
        root,
      ),
    );

  it('offers undo for ten seconds, in a live region', async () => {
    const onDismiss = vi.fn();
    const onUndo = vi.fn();
    show(onDismiss, onUndo);
    expect(root.querySelector('[role="status"]')?.textContent).toContain('Deleted “RAG”.');
    act(() => {
      vi.advanceTimersByTime(9_900);
    });
    expect(onDismiss).not.toHaveBeenCalled();
    act(() => root.querySelector<HTMLButtonElement>('.toast button')?.click());
    expect(onUndo).toHaveBeenCalledOnce();
    act(() => {
      vi.advanceTimersByTime(100);
    });
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it('stops the clock while keyboard focus is on it', async () => {
    const onDismiss = vi.fn();
    show(onDismiss);
    const undo = root.querySelector<HTMLButtonElement>('.toast button');
    act(() => {
      undo?.focus();
      undo?.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    });
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(onDismiss).not.toHaveBeenCalled();
    act(() => {
      undo?.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    });
    act(() => {
      vi.advanceTimersByTime(10_000);
    });
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it('restarts the clock for a new offer', async () => {
    const onDismiss = vi.fn();
    show(onDismiss, undefined, 1);
    act(() => {
      vi.advanceTimersByTime(8_000);
    });
    show(onDismiss, undefined, 2);
    act(() => {
      vi.advanceTimersByTime(8_000);
    });
    expect(onDismiss).not.toHaveBeenCalled();
    act(() => {
      vi.advanceTimersByTime(2_000);
    });
    expect(onDismiss).toHaveBeenCalledOnce();
  });
});
