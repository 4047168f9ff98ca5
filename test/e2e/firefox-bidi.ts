import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Drives Firefox over WebDriver BiDi, with no geckodriver: Firefox's own remote agent speaks BiDi
 * on a WebSocket. Only the commands and events the Firefox tests use are typed here.
 */

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** A string as BiDi carries bodies and header values. */
interface BidiString {
  type: 'string';
  value: string;
}

export interface BidiRequest {
  request: string;
  url: string;
  method: string;
}

/** A value returned from `script.evaluate`; nodes carry the `sharedId` that input actions target. */
export interface RemoteValue {
  type: string;
  value?: unknown;
  sharedId?: string;
}

export type EvaluateResult =
  | { type: 'success'; result: RemoteValue }
  | { type: 'exception'; exceptionDetails: { text: string } };

type PointerAction =
  | { type: 'pointerMove'; x: number; y: number; origin: { type: 'element'; element: { sharedId: string } } }
  | { type: 'pointerDown' | 'pointerUp'; button: number };

/** Command name → [parameters, result]. */
interface Commands {
  'session.new': [{ capabilities: object }, { sessionId: string }];
  'session.subscribe': [{ events: string[] }, { subscription?: string }];
  'browser.close': [Record<string, never>, Record<string, never>];
  'webExtension.install': [{ extensionData: { type: 'path'; path: string } }, { extension: string }];
  'browsingContext.getTree': [Record<string, never>, { contexts: { context: string; url: string }[] }];
  'browsingContext.navigate': [
    { context: string; url: string; wait: 'none' | 'interactive' | 'complete' },
    { navigation: string | null; url: string },
  ];
  'browsingContext.reload': [
    { context: string; wait: 'none' | 'interactive' | 'complete' },
    { navigation: string | null; url: string },
  ];
  'network.addIntercept': [
    { phases: 'beforeRequestSent'[]; urlPatterns?: { type: 'string'; pattern: string }[] },
    { intercept: string },
  ];
  'network.provideResponse': [
    {
      request: string;
      statusCode: number;
      reasonPhrase: string;
      headers: { name: string; value: BidiString }[];
      body: BidiString;
    },
    Record<string, never>,
  ];
  'network.failRequest': [{ request: string }, Record<string, never>];
  'script.evaluate': [
    { expression: string; target: { context: string }; awaitPromise: boolean },
    EvaluateResult,
  ];
  'input.performActions': [
    { context: string; actions: { type: 'pointer'; id: string; actions: PointerAction[] }[] },
    Record<string, never>,
  ];
}

/** Event name → parameters. */
interface Events {
  'network.beforeRequestSent': { context: string | null; isBlocked: boolean; request: BidiRequest };
  'log.entryAdded': { type: string; level: string; text: string | null; source: { context?: string } };
}

type Message =
  | { type: 'success'; id: number; result: unknown }
  | { type: 'error'; id: number | null; error: string; message: string }
  | { type: 'event'; method: string; params: unknown };

export class BidiConnection {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { method: string; resolve(result: unknown): void; reject(error: Error): void }
  >();
  private readonly listeners = new Map<string, Set<(params: unknown) => void>>();

  private constructor(private readonly socket: WebSocket) {
    socket.addEventListener('message', (event) => this.receive(JSON.parse(String(event.data)) as Message));
    socket.addEventListener('close', () => {
      for (const { method, reject } of this.pending.values())
        reject(new Error(`${method}: connection closed`));
      this.pending.clear();
    });
  }

  static connect(url: string): Promise<BidiConnection> {
    if (typeof WebSocket === 'undefined') {
      throw new Error('No global WebSocket: on Node 20 run with NODE_OPTIONS=--experimental-websocket');
    }
    const socket = new WebSocket(url);
    return new Promise((resolve, reject) => {
      socket.addEventListener('open', () => resolve(new BidiConnection(socket)), { once: true });
      socket.addEventListener('error', () => reject(new Error(`Cannot connect to ${url}`)), { once: true });
    });
  }

  send<M extends keyof Commands>(method: M, params: Commands[M][0]): Promise<Commands[M][1]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { method, resolve: resolve as (result: unknown) => void, reject });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Calls `listener` on every `method` event (once subscribed to with `session.subscribe`). */
  on<E extends keyof Events>(method: E, listener: (params: Events[E]) => void): void {
    const forMethod = this.listeners.get(method) ?? new Set();
    this.listeners.set(method, forMethod);
    forMethod.add(listener as (params: unknown) => void);
  }

  close(): void {
    this.socket.close();
  }

  private receive(message: Message): void {
    if (message.type === 'event') {
      for (const listener of this.listeners.get(message.method) ?? []) listener(message.params);
      return;
    }
    if (message.type === 'success') {
      this.settle(message.id)?.resolve(message.result);
      return;
    }
    // An error without an id answers a message Firefox could not read as a command at all.
    if (message.id === null) throw new Error(`BiDi error without a command: ${message.message}`);
    const waiting = this.settle(message.id);
    waiting?.reject(new Error(`${waiting.method}: ${message.error}: ${message.message}`));
  }

  private settle(id: number) {
    const waiting = this.pending.get(id);
    this.pending.delete(id);
    return waiting;
  }
}

/**
 * Prefs for a quiet start on a closed network: no updates, telemetry, safe browsing lists, remote
 * settings, captive-portal or connectivity probes, push, or speculative connections. The remote
 * agent sets several of these itself; they are listed so the profile does not depend on that.
 */
const QUIET_PREFS: Record<string, boolean | number | string> = {
  'app.update.enabled': false,
  'app.update.disabledForTesting': true,
  'app.normandy.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.aboutwelcome.enabled': false,
  'browser.newtabpage.enabled': false,
  'browser.search.update': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.downloads.remote.enabled': false,
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.safebrowsing.provider.google4.updateURL': '',
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.server': '',
  // Honoured on release builds only with MOZ_REMOTE_SETTINGS_DEVTOOLS=1 in the environment (below):
  // without it Firefox 153 retries firefox.settings.services.mozilla.com many times a second.
  'services.settings.server': 'data:,#remote-settings-off',
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.blocklist.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.http.speculative-parallel-limit': 0,
  'network.prefetch-next': false,
  'network.trr.mode': 5,
  'dom.push.connection.enabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
};

/** Proxy prefs sending every http(s) connection Firefox opens to `port` on this machine. */
function proxyPrefs(port: number): Record<string, boolean | number | string> {
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': port,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': port,
    'network.proxy.share_proxy_settings': true,
  };
}

/**
 * A proxy that answers nothing: it records the first line of each connection (`CONNECT host:443
 * HTTP/1.1`) and hangs up. BiDi interception sees only requests of pages; Firefox's own traffic and
 * an extension's background requests would pass it by, but not this.
 */
async function startSinkhole(): Promise<{ port: number; attempts: string[]; close(): Promise<void> }> {
  const attempts: string[] = [];
  const server = createServer((socket) => {
    socket.once('data', (chunk) => {
      attempts.push(chunk.toString('latin1').replace(/\r\n[\s\S]*/, ''));
      socket.destroy();
    });
    socket.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    attempts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface FirefoxSession {
  bidi: BidiConnection;
  /**
   * Connections that reached the network layer without a page request being intercepted:
   * Firefox's own traffic or an extension's. They were refused; a quiet run has none.
   */
  leaked: string[];
  /** Ends the session, stops Firefox (its whole process group) and deletes the profile. */
  close(): Promise<void>;
}

/** Reads Firefox's stderr until the remote agent says where it listens. */
function listeningUrl(firefox: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Firefox did not start BiDi:\n${seen}`)), timeoutMs);
    firefox.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(`${match[1]}/session`);
      }
    });
    firefox.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Firefox exited (${code}) before BiDi started:\n${seen}`));
    });
    firefox.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/**
 * Starts headless Firefox on a fresh, quiet profile whose only way out is the sinkhole, with BiDi
 * on a port Firefox picks itself (port 0: no race for a free port), and opens a session.
 */
export async function launchFirefox(): Promise<FirefoxSession> {
  const sinkhole = await startSinkhole();
  const profile = mkdtempSync(join(tmpdir(), 'paperlight-firefox-'));
  writeFileSync(
    join(profile, 'user.js'),
    Object.entries({ ...QUIET_PREFS, ...proxyPrefs(sinkhole.port) })
      .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});\n`)
      .join(''),
  );
  // Its own process group, so that closing kills every content process with it.
  const firefox = spawn(
    FIREFOX,
    ['--headless', '--no-remote', '--remote-debugging-port=0', '--profile', profile, 'about:blank'],
    {
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1', MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    },
  );
  const exited = new Promise<void>((resolve) => {
    firefox.once('exit', () => resolve());
    firefox.once('error', () => resolve());
  });
  const stop = async () => {
    // The whole group even when the main process is gone: content processes may outlive it.
    if (firefox.pid !== undefined) {
      try {
        process.kill(-firefox.pid, 'SIGKILL');
      } catch {
        // The group is already gone.
      }
    }
    await exited;
    await sinkhole.close();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const bidi = await BidiConnection.connect(await listeningUrl(firefox, 20_000));
    await bidi.send('session.new', { capabilities: {} });
    return {
      bidi,
      leaked: sinkhole.attempts,
      async close() {
        // A polite close first, so Firefox does not leave a crash report; the kill catches the rest.
        await Promise.race([
          bidi.send('browser.close', {}).catch(() => undefined),
          new Promise((resolve) => setTimeout(resolve, 2_000)),
        ]);
        bidi.close();
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3_000))]);
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
