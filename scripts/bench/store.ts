/**
 * The library's store and exports (issue #6), in Chromium: the store on Chromium's own IndexedDB and
 * the exports, in a page, as the extension runs them (scripts/bench/store-in-page/page.ts, bundled).
 *
 * Papers are the real ones detected on our own arXiv fixture page (and ../shared's real pages when
 * present), copied with fresh ids as needed, each saved with a tag, some with a note.
 *
 * Measures: recording a 500-paper page batch into an empty store and into a library of 10,000 saved
 * papers (half of the batch already known), listing the 10,000 (and the first 50), exporting them to
 * every format with the longest gap between progress calls, and a full backup imported twice.
 * Targets: batch < 300 ms, BibTeX export of 10,000 < 2 s.
 */
import path from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import { build, type Plugin } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { realisticEntries } from '../../tests/unit/store/data';
import { printTable, type Part } from '../lib/report';
import { median } from '../lib/stats';
import type { StoreBench } from './store-in-page/page';

const LIBRARY = 10_000;
const BATCH = 500;
const RUNS = 5;
const ORIGIN = 'https://bench.paperlens.test/';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';

/**
 * citation-js imports node-fetch for fetching remote citations, which PaperLens never does; the
 * extension's Vite build stubs Node's built-ins for the browser, and this does the same for esbuild.
 */
const noNodeFetch: Plugin = {
  name: 'no-node-fetch',
  setup(build) {
    build.onResolve({ filter: /^node-fetch$/ }, () => ({ path: 'node-fetch', namespace: 'stub' }));
    build.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default undefined; export const Headers = undefined;', loader: 'js' }));
  },
};

async function bundlePage(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(import.meta.dirname, 'store-in-page/page.ts')],
    plugins: [noNodeFetch],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    write: false,
  });
  return result.outputFiles[0]!.text;
}

/** Calls one method of the page's bench object, as its own task. */
function call<K extends keyof StoreBench>(page: Page, method: K, ...args: Parameters<StoreBench[K]>): Promise<Awaited<ReturnType<StoreBench[K]>>> {
  return page.evaluate(
    ([name, params]) => {
      const bench = (window as unknown as { __storeBench: Record<string, (...a: unknown[]) => unknown> }).__storeBench;
      return bench[name]!(...params);
    },
    [method, args] as [string, unknown[]],
  ) as Promise<Awaited<ReturnType<StoreBench[K]>>>;
}

const part: Part = {
  title: 'Store and export in Chromium (real IndexedDB): page batch, list, export, backup',
  async run() {
    const source = realisticEntries().flatMap((page) => page.entries);
    const script = await bundlePage();
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: false,
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    try {
      const page = await browser.newPage();
      // IndexedDB needs a real origin: serve an empty page at one.
      await page.route(`${ORIGIN}**`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>store bench</title>' }));
      await page.goto(ORIGIN);
      await page.addScriptTag({ content: script });
      await call(page, 'setSource', source);

      const empty: number[] = [];
      for (let run = 0; run < RUNS; run++) empty.push(await call(page, 'batchIntoEmpty', BATCH, run));
      const stored = await call(page, 'fillLibrary', LIBRARY, BATCH);
      const full: number[] = [];
      for (let run = 0; run < RUNS; run++) full.push(await call(page, 'batchIntoLibrary', BATCH, LIBRARY - BATCH / 2 + run * BATCH));
      const listAll = await call(page, 'list');
      const listFirst = await call(page, 'list', 50);
      const exports = await call(page, 'exports', LIBRARY);
      const backup = await call(page, 'backupAndImport');

      printTable([
        { task: `record a ${BATCH}-paper batch, empty store (median of ${RUNS})`, ms: median(empty), min_ms: Math.min(...empty), target: '< 300' },
        { task: `record a ${BATCH}-paper batch into ${stored} stored, half known (median of ${RUNS})`, ms: median(full), min_ms: Math.min(...full), target: '< 300' },
        { task: `list ${listAll.count} saved papers`, ms: listAll.ms, min_ms: '', target: '' },
        { task: `list the first ${listFirst.count} saved papers`, ms: listFirst.ms, min_ms: '', target: '' },
      ]);
      printTable(
        exports.map((e) => ({
          export: `${e.count} papers to ${e.format}`,
          ms: e.ms,
          MB: e.bytes / 1e6,
          progress_calls: e.progressCalls,
          longest_gap_ms: e.longestGapMs,
          target: e.format === 'bibtex' ? '< 2000' : '',
        })),
      );
      printTable([
        { task: `full backup of ${backup.papers} papers (${(backup.bytes / 1e6).toFixed(1)} MB)`, ms: backup.backupMs },
        { task: `import it into an empty library (${backup.added} added)`, ms: backup.importMs },
        { task: `import it again (${backup.unchanged} unchanged)`, ms: backup.reimportMs },
      ]);
      console.log(`load average while measuring: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} cores`);

      const figures: Record<string, number> = {
        batch_500_empty_ms: median(empty),
        batch_500_empty_min_ms: Math.min(...empty),
        batch_500_into_10k_ms: median(full),
        batch_500_into_10k_min_ms: Math.min(...full),
        list_10k_ms: listAll.ms,
        list_first_50_ms: listFirst.ms,
        backup_ms: backup.backupMs,
        import_ms: backup.importMs,
        reimport_ms: backup.reimportMs,
      };
      for (const e of exports) {
        const name = e.format.replace('-', '_');
        figures[`export_10k_${name}_ms`] = e.ms;
        figures[`export_10k_${name}_longest_gap_ms`] = e.longestGapMs;
      }
      return figures;
    } finally {
      await browser.close();
    }
  },
};

export default part;
