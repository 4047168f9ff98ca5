/**
 * Asks the browser to keep the extension's storage under pressure rather than evict it (with
 * `unlimitedStorage` it is granted without a prompt). Only pages can ask: workers have no `persist`.
 */
export function requestPersistentStorage(): void {
  navigator.storage?.persist?.().catch(() => undefined);
}
