import { cpSync, createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';
import { createInterface } from 'node:readline';
import type { Page, Worker } from 'playwright-core';
import { canonicalId, identityKeys, type Paper } from '../../lib/model';
import { enrichEntry } from '../../lib/pipeline';
import { CHROMIUM_MISSING, EXTENSION_DIR, chromiumPath, launchWithExtension, openPopup, stopServiceWorkers, writeStore, type ExtensionSession } from '../../tests/e2e/harness';
import { HAS_SHARED, sharedPath } from '../../tests/helpers/shared';
import { printTable, type Figures, type Part } from '../lib/report';
import { median } from '../lib/stats';

/**
 * The popup with 10,000 saved papers, in Chromium with the built extension (`npm run bench` builds it):
 *  - first paint: navigation start → the first rows of the list laid out and painted (median of runs),
 *    with the service worker running and, as after the browser stopped it when idle, stopped;
 *  - beside it, the paint of a static copy of the popup's first screen (its markup and stylesheet, no
 *    script), served by the extension like the popup: the floor under the popup's first paint here;
 *  - a search keystroke: the input event → the list re-rendered and laid out, for each prefix of
 *    queries a researcher would type, once the search index is built.
 * The papers are real arXiv titles and abstracts from ../shared, enriched by the same pipeline the
 * background uses, written straight into the extension's IndexedDB from its service worker.
 */

const PAPERS = 10_000;
const FIRST_PAINT_RUNS = 7;
/** The static copy of the popup's first screen, written into the bench's copy of the built extension. */
const STATIC_FIRST_SCREEN = 'first-screen-static.html';
const STOPPED_WORKER_RUNS = 5;
const QUERIES = ['transformer', 'graph neural network', 'diffusion', 'reinforcement learning', 'quantum error', 'galaxy cluster', 'language model reasoning', 'cs.LG'];
const USER_TAGS = ['to-read', 'reading-group', 'thesis', 'baseline', 'cite'];
const DAY = 86_400_000;

async function realPapers(count: number): Promise<Paper[]> {
  const lines = createInterface({ input: createReadStream(sharedPath('data/arxiv-abstracts/arxiv_daily_2025-2026.jsonl')) });
  const papers: Paper[] = [];
  const now = Date.now();
  for await (const line of lines) {
    if (papers.length >= count) break;
    const row = JSON.parse(line) as { id: string; title: string; abstract: string; categories?: string | string[] };
    const subjects = (Array.isArray(row.categories) ? row.categories : (row.categories ?? '').split(/\s+/)).filter(Boolean).slice(0, 8);
    const id = canonicalId.arxiv(row.id);
    const enriched = enrichEntry({ id, aliases: [], title: row.title, authors: [], abstract: row.abstract, abstractKind: 'full', url: `https://arxiv.org/abs/${row.id}`, subjects, site: 'arxiv' });
    const i = papers.length;
    // Spread over two years of saving, a few personal tags and notes, a third read.
    const savedAt = now - Math.floor((i / count) * 730 * DAY);
    papers.push({
      ...enriched,
      sites: ['arxiv'],
      artifacts: [],
      saved: true,
      savedAt,
      firstSeenAt: savedAt,
      lastSeenAt: savedAt,
      seen: [{ site: 'arxiv', url: 'https://arxiv.org/list/cs.LG/new', at: savedAt }],
      userTags: i % 7 === 0 ? [USER_TAGS[i % USER_TAGS.length]!] : [],
      note: i % 11 === 0 ? 'compare with our baseline before the group meeting' : '',
      read: i % 3 === 0,
    });
  }
  return papers;
}

/** Writes papers into the extension's own database, in the worker, 1,000 per transaction. */
async function seed(worker: Worker, papers: Paper[]): Promise<void> {
  for (let i = 0; i < papers.length; i += 1000) {
    await writeStore(worker, 'papers', papers.slice(i, i + 1000).map((paper) => ({ ...paper, keys: identityKeys(paper) })));
  }
}

/**
 * Runs in the page before its scripts: notes when the first rows are in the DOM and then painted, and,
 * when asked (`keepMarkup`: once, as it costs a serialisation of the page), the markup they are first
 * shown in.
 */
function watchFirstRows(keepMarkup: boolean): void {
  const w = window as unknown as { __firstRows?: number; __firstRowsPainted?: number; __firstScreenHtml?: string };
  new MutationObserver((_changes, observer) => {
    if (w.__firstRows !== undefined || !document.querySelector('.paper-list > .paper')) return;
    w.__firstRows = performance.now();
    // eslint-disable-next-line no-restricted-properties -- read, not written: the bench's copy of the popup's own markup
    if (keepMarkup) w.__firstScreenHtml = document.documentElement.outerHTML;
    observer.disconnect();
    // The frame that shows them: after the next animation frame's paint.
    requestAnimationFrame(() => setTimeout(() => (w.__firstRowsPainted = performance.now()), 0));
  }).observe(document, { childList: true, subtree: true });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const part: Part = {
  title: `Popup with ${PAPERS.toLocaleString()} saved papers (Chromium, built extension)`,
  async run(): Promise<Figures> {
    if (!HAS_SHARED) {
      console.log('skipped: ../shared (real arXiv abstracts) is absent');
      return {};
    }
    if (!chromiumPath()) {
      console.log(`skipped: ${CHROMIUM_MISSING}`);
      return {};
    }
    const papers = await realPapers(PAPERS);
    // A copy of the build, so the static first screen written into it never reaches a zip.
    const extensionDir = mkdtempSync(path.join(os.tmpdir(), 'paperlens-bench-popup-'));
    cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
    const session = await launchWithExtension({ extensionDir });
    try {
      // The background creates the database (at its current version) on the popup's first message.
      const first = await openPopup(session);
      await first.waitForSelector('.empty');
      await first.close();
      const seedStart = performance.now();
      await seed(session.worker, papers);
      console.log(`seeded ${papers.length} papers in ${Math.round(performance.now() - seedStart)} ms`);

      const firstRows: number[] = [];
      const firstPaints: number[] = [];
      // The page's own first paint (header, before any paper): the floor the list paint sits on.
      const contentfulPaints: number[] = [];
      const allLoaded: number[] = [];
      const allIndexed: number[] = [];
      const staticPaints: number[] = [];
      const staticContentfulPaints: number[] = [];
      let page: Page | undefined;
      for (let run = 0; run < FIRST_PAINT_RUNS; run++) {
        if (page) {
          if (run === 1) writeStaticFirstScreen(await page.evaluate(() => (window as unknown as { __firstScreenHtml: string }).__firstScreenHtml), extensionDir);
          await page.close();
          // A user does not reopen the popup within milliseconds: let the closed one's teardown finish.
          await pause(1000);
          const floor = await openStaticFirstScreen(session);
          staticPaints.push(floor.painted);
          staticContentfulPaints.push(floor.fcp);
          await pause(1000);
        }
        const opened = await openTimedPopup(session, run === 0);
        page = opened.page;
        firstRows.push(opened.times.rows);
        contentfulPaints.push(opened.times.fcp);
        firstPaints.push(opened.times.painted);
        allLoaded.push(opened.times.loaded);
        allIndexed.push(opened.times.ready);
      }
      // The last popup stays open, fully loaded and indexed, for the typing test.
      const keystrokes = await measureKeystrokes(page!);
      await page!.close();
      // The browser stops an idle extension's service worker after 30 s: a popup opened later starts it again.
      const stoppedWorkerPaints: number[] = [];
      for (let run = 0; run < STOPPED_WORKER_RUNS; run++) {
        await stopServiceWorkers(session.context);
        await pause(1000);
        const opened = await openTimedPopup(session);
        stoppedWorkerPaints.push(opened.times.painted);
        await opened.page.close();
        await pause(1000);
      }
      const table = [
        ['page first contentful paint (ms)', contentfulPaints],
        ['first rows in DOM (ms)', firstRows],
        ['first rows painted (ms)', firstPaints],
        ['first rows painted, worker stopped (ms)', stoppedWorkerPaints],
        ['static copy of the first screen, no script: painted (ms)', staticPaints],
        ['static copy of the first screen, no script: first contentful paint (ms)', staticContentfulPaints],
        ['all 10,000 loaded (ms, upper bound)', allLoaded],
        ['all indexed (ms, upper bound)', allIndexed],
        [`keystroke → list updated (ms, n=${keystrokes.length})`, keystrokes],
      ] as const;
      printTable(table.map(([measure, values]) => ({ measure, median: Number(median(values).toFixed(1)), p95: Number(percentile(values, 95).toFixed(1)), max: Number(Math.max(...values).toFixed(1)) })));
      return {
        papers: papers.length,
        // Other work on the machine slows every figure: note how busy it was.
        load_average_1m: Number(os.loadavg()[0]!.toFixed(1)),
        first_paint_ms: Number(median(firstPaints).toFixed(1)),
        first_paint_worker_stopped_ms: Number(median(stoppedWorkerPaints).toFixed(1)),
        first_rows_dom_ms: Number(median(firstRows).toFixed(1)),
        static_first_screen_paint_ms: Number(median(staticPaints).toFixed(1)),
        static_first_screen_fcp_ms: Number(median(staticContentfulPaints).toFixed(1)),
        page_fcp_ms: Number(median(contentfulPaints).toFixed(1)),
        all_loaded_ms: Number(median(allLoaded).toFixed(1)),
        all_indexed_ms: Number(median(allIndexed).toFixed(1)),
        keystroke_median_ms: Number(median(keystrokes).toFixed(2)),
        keystroke_p95_ms: Number(percentile(keystrokes, 95).toFixed(2)),
        keystroke_max_ms: Number(Math.max(...keystrokes).toFixed(2)),
      };
    } finally {
      await session.close();
      rmSync(extensionDir, { recursive: true, force: true });
    }
  },
};

/** Opens one of the extension's pages (`file`) and waits until its first rows are painted. */
async function openUntilRowsPainted(session: ExtensionSession, file: string, keepMarkup = false): Promise<Page> {
  const page = await session.context.newPage();
  await page.addInitScript(watchFirstRows, keepMarkup);
  await page.goto(`chrome-extension://${session.extensionId}/${file}`);
  await page.waitForFunction(() => (window as unknown as { __firstRowsPainted?: number }).__firstRowsPainted !== undefined);
  return page;
}

/**
 * Opens the popup and waits until its whole list is loaded and indexed; the page is left open.
 * `keepMarkup`: keep the markup of its first screen, for writeStaticFirstScreen.
 */
async function openTimedPopup(session: ExtensionSession, keepMarkup = false) {
  const page = await openUntilRowsPainted(session, 'popup.html', keepMarkup);
  await page.waitForFunction(() => !document.querySelector('.list-status')?.textContent?.includes('loading'), undefined, { timeout: 60_000 });
  const loaded = await page.evaluate(() => performance.now());
  await page.waitForSelector('.list-scroll[aria-busy="false"]', { timeout: 60_000 });
  const times = await page.evaluate(() => {
    const w = window as unknown as { __firstRows: number; __firstRowsPainted: number };
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
    return { rows: w.__firstRows, painted: w.__firstRowsPainted, ready: performance.now(), fcp };
  });
  return { page, times: { ...times, loaded } };
}

/**
 * The popup's markup as its first rows were shown, without its scripts: the same first screen,
 * stylesheet and extension origin, with nothing to fetch, compile or run before it is painted.
 */
function writeStaticFirstScreen(firstScreenHtml: string, extensionDir: string): void {
  const html = firstScreenHtml.replace(/<script\b[^>]*><\/script>/g, '').replace(/<link rel="modulepreload"[^>]*>/g, '');
  writeFileSync(path.join(extensionDir, STATIC_FIRST_SCREEN), `<!DOCTYPE html>\n${html}`);
}

/** Opens the static first screen and times its paint as the popup's is timed. */
async function openStaticFirstScreen(session: ExtensionSession): Promise<{ painted: number; fcp: number }> {
  const page = await openUntilRowsPainted(session, STATIC_FIRST_SCREEN);
  // The paint timing entry is queued once the frame is presented, which may be after the rows' frame ran.
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
  const times = await page.evaluate(() => ({
    painted: (window as unknown as { __firstRowsPainted: number }).__firstRowsPainted,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
  }));
  await page.close();
  return times;
}

/**
 * Types each query a character at a time into the search field, inside the page: from the input
 * event to the list re-rendered (Preact renders in a microtask) and laid out (forced by reading a
 * layout property). The next task starts only after that, as a user's next key would.
 */
async function measureKeystrokes(page: Page): Promise<number[]> {
  // tsx compiles named functions with esbuild's `__name` helper, which the page does not have.
  await page.evaluate('globalThis.__name = (fn) => fn');
  return page.evaluate(async (queries) => {
    const input = document.querySelector<HTMLInputElement>('input.search')!;
    const nextTask = () => new Promise<void>((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
    const times: number[] = [];
    for (const query of queries) {
      for (let n = 1; n <= query.length; n++) {
        const t0 = performance.now();
        input.value = query.slice(0, n);
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
        await nextTask();
        void document.body.offsetHeight;
        times.push(performance.now() - t0);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      input.value = '';
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return times;
  }, QUERIES);
}

export default part;
