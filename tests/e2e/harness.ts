import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const EXTENSION_DIR = path.resolve(import.meta.dirname, '../../.output/chrome-mv3');

/** Debian's Chromium (the wrapper script prints a harmless warning, so prefer the binary behind it). */
export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => Boolean(p && existsSync(p))) ?? null;
}

export const CHROMIUM_MISSING = 'No Chromium found. Install one with `sudo apt-get install -y chromium` (Debian/Ubuntu) or set CHROMIUM_PATH.';

export interface ExtensionSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** Launches Chromium with the built extension in a fresh profile (headless unless `headed`). */
export async function launchWithExtension(options: { headed?: boolean; extensionDir?: string } = {}): Promise<ExtensionSession> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(CHROMIUM_MISSING);
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) throw new Error(`No built extension in ${extensionDir}: run \`npm run build\` first.`);
  const profile = mkdtempSync(path.join(os.tmpdir(), 'paperlens-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: false,
    viewport: { width: 1280, height: 900 },
    args: [
      ...(options.headed ? [] : ['--headless=new']),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Serves local files under a site's real URLs (the request never leaves the machine), so the
 * extension's URL matching runs as it does on the real site. Unknown paths get an empty 404.
 */
export async function servePages(context: BrowserContext, origin: string, pages: Record<string, string>): Promise<void> {
  await context.route(`${origin}/**`, (route) => {
    const url = new URL(route.request().url());
    const file = pages[url.pathname + url.search] ?? pages[url.pathname];
    if (!file) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(file) });
  });
}

/** Every record of an object store of the extension's IndexedDB, read inside the service worker. */
export function readStore<T = Record<string, unknown>>(worker: Worker, store: string, dbName = 'paperlens'): Promise<T[]> {
  return worker.evaluate(
    ([name, storeName]) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open(name!);
        let created = false;
        // Not created by the extension yet: reading must not create it (an empty version-1 database
        // would then fail the extension's own upgrade), so the open is abandoned.
        open.onupgradeneeded = () => {
          created = true;
          open.transaction!.abort();
          resolve([]);
        };
        open.onerror = () => (created ? undefined : reject(open.error));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(storeName!)) {
            db.close();
            resolve([]);
            return;
          }
          const request = db.transaction(storeName!, 'readonly').objectStore(storeName!).getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    [dbName, store],
  );
}

/** Puts records into an object store of the extension's IndexedDB, in one transaction, inside the service worker. */
export async function writeStore(worker: Worker, store: string, records: unknown[], dbName = 'paperlens'): Promise<void> {
  // One JSON string crosses to the worker far faster than as many structured objects.
  await worker.evaluate(
    ([name, storeName, json]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name!);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(storeName!, 'readwrite');
          for (const record of JSON.parse(json!) as unknown[]) tx.objectStore(storeName!).put(record);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [dbName, store, JSON.stringify(records)],
  );
}

/** Polls `read` until `done` holds or the time runs out; returns the last value read. */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

/** Stops every service worker, as the browser does to an idle extension's (DevTools' "Stop" button). */
export async function stopServiceWorkers(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await page.close();
}

export async function openPopup(session: ExtensionSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
  return page;
}

/**
 * Sends a message to the background from an extension page, as the popup does (the wire format of
 * @webext-core/messaging), and returns the handler's result.
 */
export async function sendToBackground<T = unknown>(page: Page, type: string, data: unknown = {}): Promise<T> {
  const reply = await page.evaluate(
    ([messageType, messageData]) => chrome.runtime.sendMessage({ id: Date.now(), type: messageType, data: messageData, timestamp: Date.now() }),
    [type, data] as const,
  );
  const { res, err } = (reply ?? {}) as { res?: T; err?: { message?: string } };
  if (err) throw new Error(`${type}: ${err.message ?? 'failed'}`);
  return res as T;
}
