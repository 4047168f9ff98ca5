import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

/**
 * Drives the built extension in Debian's Chromium. Pages are served at their real URLs from
 * fixture files through request routing, and every other request is aborted: content scripts match
 * exactly as in the wild, and nothing leaves the machine.
 */

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
/** The built extension; `PAPERLIGHT_EXTENSION_DIR` points elsewhere (a build kept apart from `npm run build`). */
export const EXTENSION_DIR = process.env.PAPERLIGHT_EXTENSION_DIR ?? join(REPO_ROOT, '.output/chrome-mv3');
export const SHARED_FIXTURES = resolve(REPO_ROOT, '../shared/fixtures');
export const OWN_FIXTURES = join(REPO_ROOT, 'test/fixtures');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const hasSharedFixtures = existsSync(SHARED_FIXTURES);

/**
 * Chromium flags for every real-browser run here: no sandbox (CI runs as root), no GPU, and none
 * of Chromium's own background traffic (this machine's network is closed; and nothing may leave).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function sharedFixture(relativePath: string): string {
  return readFileSync(join(SHARED_FIXTURES, relativePath), 'utf8');
}

export function ownFixture(relativePath: string): string {
  return readFileSync(join(OWN_FIXTURES, relativePath), 'utf8');
}

/** The one extension API the tests call from inside an extension page. */
interface ExtensionPageGlobals {
  chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
}

/** Sends a protocol message to the background from an extension page, as the popup or options page does. */
export function sendFromExtensionPage(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate(
    (sent) => (globalThis as unknown as ExtensionPageGlobals).chrome.runtime.sendMessage(sent),
    message,
  );
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** Serves `html` at `url` from now on (until replaced). */
  serve(url: string, html: string): void;
  /** Opens `url` (which must be served) and waits for the DOM. */
  open(url: string): Promise<Page>;
  openPopup(): Promise<Page>;
  openOptions(): Promise<Page>;
  /**
   * Stops the extension's service worker, as Chrome does to idle MV3 workers, and waits until it is
   * gone. Fails if there was no worker to stop: a test that "survives" a no-op proves nothing.
   */
  killServiceWorker(): Promise<void>;
  /** Requests that were aborted because nothing serves them: proof of what tried to leave. */
  aborted: string[];
  close(): Promise<void>;
}

export async function launchWithExtension(): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npm run build\` first`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'paperlight-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
    ],
  });
  const pages = new Map<string, string>();
  const aborted: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('chrome-extension://')) return route.continue();
    const html = pages.get(url);
    if (html === undefined) {
      aborted.push(url);
      return route.abort('blockedbyclient');
    }
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  });

  const worker: Worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;

  const extensionPage = async (path: string) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/${path}`);
    return page;
  };

  return {
    context,
    extensionId,
    aborted,
    serve(url, html) {
      pages.set(url, html);
    },
    async open(url) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      return page;
    },
    openPopup: () => extensionPage('popup.html'),
    openOptions: () => extensionPage('options.html'),
    async killServiceWorker() {
      // A persistent context has no Browser object; a blank page's CDP session reaches every target.
      const blank = await context.newPage();
      const cdp = await context.newCDPSession(blank);
      const isOurWorker = (info: { type: string; url: string }) =>
        info.type === 'service_worker' && info.url.startsWith(`chrome-extension://${extensionId}/`);
      const { targetInfos } = await cdp.send('Target.getTargets');
      const workers = targetInfos.filter(isOurWorker);
      if (!workers.length) throw new Error('No running service worker to stop');
      for (const info of workers) {
        await cdp.send('Target.closeTarget', { targetId: info.targetId });
      }
      for (let attempt = 0; attempt < 100; attempt++) {
        const { targetInfos: now } = await cdp.send('Target.getTargets');
        if (!now.some(isOurWorker)) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await cdp.detach();
      await blank.close();
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
