/** Files the extension's pages hand to the browser: exports and backups. */

/** `paperlight-2026-11-28.<extension>`: the user's local date, so the name matches their calendar. */
export function datedFilename(extension: string, now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `paperlight-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.${extension}`;
}

/** Saves `text` as a file: a Blob URL on an `<a download>`, clicked, then released. */
export function saveFile(text: string, filename: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked well after the click: the download reads the URL asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
