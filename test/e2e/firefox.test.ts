import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BidiConnection,
  FIREFOX,
  type FirefoxSession,
  launchFirefox,
  type RemoteValue,
} from './firefox-bidi';
import { ownFixture, REPO_ROOT } from './harness';

const EXTENSION_DIR = join(REPO_ROOT, '.output/firefox-mv2');
const HF_URL = 'https://huggingface.co/papers/date/2026-09-28';
const IDS = ['arxiv:2609.24517', 'arxiv:2609.19876', 'arxiv:2609.31002'];
const SAVED_ID = 'arxiv:2609.19876';

const hasFirefox = existsSync(FIREFOX);

/** What the page shows of one card: its id, and the pressed state of each bookmark control in it. */
interface CardState {
  id: string | null;
  /** UI hosts of ours whose shadow root the page cannot see (the contract says open: none). */
  hiddenShadowRoots: number;
  toggles: (string | null)[];
}

/**
 * Runs in the page: every marked card with its bookmark controls, in the light DOM or in the open
 * shadow roots of our UI hosts.
 */
const READ_CARDS = `JSON.stringify([...document.querySelectorAll('[data-paperlight-id]')].map((card) => {
  const hosts = [...card.querySelectorAll('[data-paperlight-ui]')];
  const scopes = [card, ...hosts.flatMap((host) => (host.shadowRoot ? [host.shadowRoot] : []))];
  return {
    id: card.getAttribute('data-paperlight-id'),
    hiddenShadowRoots: hosts.filter((host) => !host.shadowRoot).length,
    toggles: scopes.flatMap((scope) =>
      [...scope.querySelectorAll('[data-paperlight-action="bookmark"]')].map((b) => b.getAttribute('aria-pressed')),
    ),
  };
}))`;

/** Runs in the page: the bookmark control of card `id`, scrolled into view for a pointer to reach. */
function findToggle(id: string): string {
  return `(() => {
    const card = document.querySelector('[data-paperlight-id=${JSON.stringify(id)}]');
    const scopes = [card, ...[...card.querySelectorAll('[data-paperlight-ui]')].map((host) => host.shadowRoot)];
    const toggle = scopes.map((scope) => scope?.querySelector('[data-paperlight-action="bookmark"]')).find(Boolean);
    toggle.scrollIntoView({ block: 'center' });
    return toggle;
  })()`;
}

async function evaluate(bidi: BidiConnection, context: string, expression: string): Promise<RemoteValue> {
  const evaluated = await bidi.send('script.evaluate', {
    expression,
    target: { context },
    awaitPromise: true,
  });
  if (evaluated.type === 'exception') throw new Error(`In the page: ${evaluated.exceptionDetails.text}`);
  return evaluated.result;
}

async function readCards(bidi: BidiConnection, context: string): Promise<CardState[]> {
  const result = await evaluate(bidi, context, READ_CARDS);
  return JSON.parse(String(result.value)) as CardState[];
}

/** A user's click: the pointer moves onto the element's centre, presses and releases (trusted events). */
async function click(bidi: BidiConnection, context: string, element: RemoteValue): Promise<void> {
  if (!element.sharedId) throw new Error(`Not an element: ${JSON.stringify(element)}`);
  await bidi.send('input.performActions', {
    context,
    actions: [
      {
        type: 'pointer',
        id: 'mouse',
        actions: [
          {
            type: 'pointerMove',
            x: 0,
            y: 0,
            origin: { type: 'element', element: { sharedId: element.sharedId } },
          },
          { type: 'pointerDown', button: 0 },
          { type: 'pointerUp', button: 0 },
        ],
      },
    ],
  });
}

function cardsShowing(saved: string[]): CardState[] {
  return IDS.map((id) => ({
    id,
    hiddenShadowRoots: 0,
    toggles: [saved.includes(id) ? 'true' : 'false'],
  }));
}

describe.skipIf(!hasFirefox)(
  hasFirefox
    ? 'the Firefox build in Firefox ESR'
    : `the Firefox build in Firefox ESR: skipped, no ${FIREFOX}`,
  () => {
    let firefox: FirefoxSession;
    let context: string;
    const html = hasFirefox ? ownFixture('sites/hf-daily.html') : '';
    /** Page requests refused because nothing here serves them. */
    const refused: string[] = [];
    const serveErrors: string[] = [];
    const pageErrors: string[] = [];

    beforeAll(async () => {
      if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
        throw new Error(`No Firefox build at ${EXTENSION_DIR}: run \`npm run build:firefox\` first`);
      }
      firefox = await launchFirefox();
      const { bidi } = firefox;
      await bidi.send('session.subscribe', { events: ['network.beforeRequestSent', 'log.entryAdded'] });
      bidi.on('log.entryAdded', (entry) => {
        if (entry.type === 'javascript') pageErrors.push(entry.text ?? '');
      });
      bidi.on('network.beforeRequestSent', ({ isBlocked, request }) => {
        if (!isBlocked) return;
        if (request.url === HF_URL) {
          bidi
            .send('network.provideResponse', {
              request: request.request,
              statusCode: 200,
              reasonPhrase: 'OK',
              headers: [
                { name: 'Content-Type', value: { type: 'string', value: 'text/html; charset=utf-8' } },
              ],
              body: { type: 'string', value: html },
            })
            .catch((error: Error) => serveErrors.push(error.message));
        } else {
          refused.push(request.url);
          // The request may already be gone (its page navigated away): nothing left to refuse.
          bidi.send('network.failRequest', { request: request.request }).catch(() => undefined);
        }
      });
      // Every page request stops here; the listener above serves the fixture and fails the rest.
      await bidi.send('network.addIntercept', { phases: ['beforeRequestSent'] });
      await bidi.send('webExtension.install', { extensionData: { type: 'path', path: EXTENSION_DIR } });
      const { contexts } = await bidi.send('browsingContext.getTree', {});
      const [tab] = contexts;
      if (!tab) throw new Error('Firefox opened no tab');
      context = tab.context;
    });
    afterAll(() => firefox?.close());

    it('marks the 3 cards, saves one with a real click, and shows it saved after a reload', async () => {
      const { bidi } = firefox;
      await bidi.send('browsingContext.navigate', { context, url: HF_URL, wait: 'complete' });
      await expect.poll(() => readCards(bidi, context), { timeout: 10_000 }).toEqual(cardsShowing([]));

      await click(bidi, context, await evaluate(bidi, context, findToggle(SAVED_ID)));
      await expect
        .poll(() => readCards(bidi, context), { timeout: 10_000 })
        .toEqual(cardsShowing([SAVED_ID]));

      await bidi.send('browsingContext.reload', { context, wait: 'complete' });
      await expect
        .poll(() => readCards(bidi, context), { timeout: 10_000 })
        .toEqual(cardsShowing([SAVED_ID]));

      expect(serveErrors).toEqual([]);
      expect(pageErrors).toEqual([]);
      // The only refused requests are the page's own images and its favicon, none from us.
      const pageOwn = (url: string) => html.includes(url) || url === 'https://huggingface.co/favicon.ico';
      expect(refused.filter((url) => !pageOwn(url))).toEqual([]);
      expect(firefox.leaked).toEqual([]);
    });
  },
);
