/**
 * Lets the page run (input, rendering) before our next chunk of work: `scheduler.yield` where it
 * exists (the continuation keeps its place in line), else a message, which unlike a nested
 * `setTimeout` is not clamped to 4 ms.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}
