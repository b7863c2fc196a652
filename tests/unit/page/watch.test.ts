// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://arxiv.org/list/cs.LG/new"}
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { detectLoadedEntries, detectPage, detectPageInSlices } from '../../../lib/detect/index';
import { arxiv } from '../../../lib/detect/sites/arxiv';
import { startPageWatch } from '../../../lib/detect/watch';
import type { PaperEntry } from '../../../lib/model';
import { CHIPS_TAG } from '../../../lib/page/host';
import { startPageEnrichment } from '../../../lib/page/start';
import { LISTING_URL, writeListing } from './listing';

const titles = (n: number) => Array.from({ length: n }, (_, i) => `Paper ${i + 1}`);
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let ctx: ContentScriptContext | undefined;
const happyDomIntersectionObserver = globalThis.IntersectionObserver;
afterEach(() => {
  ctx?.abort();
  ctx = undefined;
  vi.restoreAllMocks();
  globalThis.IntersectionObserver = happyDomIntersectionObserver;
  document.body.replaceChildren();
});

describe('detection in slices', () => {
  it('finds what detectPage finds, in page order, a slice at a time, each after a pause', async () => {
    writeListing(document, titles(300));
    const slices: PaperEntry[][] = [];
    let pauses = 0;
    const detection = await detectPageInSlices(document, LISTING_URL, undefined, (_site, entries) => slices.push(entries), async () => void pauses++, 0);
    expect(detection.entries.map((e) => e.id)).toEqual(detectPage(document, LISTING_URL).entries.map((e) => e.id));
    expect(slices.flat().map((e) => e.id)).toEqual(detection.entries.map((e) => e.id));
    expect(slices.length).toBeGreaterThan(1);
    // Finding the entries and the first slice are tasks of their own too, apart from the caller's.
    expect(pauses).toBe(slices.length + 1);
  });
});

describe('detection while the page loads', () => {
  it('reads at most the first entries asked for, and never the last one parsed, which may be cut off', () => {
    writeListing(document, titles(5));
    expect(detectLoadedEntries(document, LISTING_URL, arxiv, 40).entries.map((e) => e.title)).toEqual(titles(4));
    expect(detectLoadedEntries(document, LISTING_URL, arxiv, 2).entries.map((e) => e.title)).toEqual(titles(2));
    writeListing(document, titles(1));
    expect(detectLoadedEntries(document, LISTING_URL, arxiv, 40).entries).toEqual([]);
  });
});

/**
 * A listing of `n` entries still being parsed (happy-dom's `readyState` is always "complete", so it is
 * made to read as `page.state` until the test ends), watched from now on; `batches` holds the titles handed on.
 */
function watchLoadingListing(n: number) {
  const page = { state: 'loading' as DocumentReadyState, batches: [] as string[][] };
  vi.spyOn(document, 'readyState', 'get').mockImplementation(() => page.state);
  writeListing(document, titles(n));
  ctx = new ContentScriptContext('content');
  startPageWatch(ctx, document, (_batch, entries) => void page.batches.push(entries.map((e) => e.title)));
  return page;
}

describe('page watch', () => {
  it('hands on the first entries of a listing while it loads, and the rest once it has loaded, each once', async () => {
    const page = watchLoadingListing(3);
    const { batches } = page;
    await wait(150);
    // Entry 3 is the last parsed so far: it waits.
    expect(batches).toEqual([['Paper 1', 'Paper 2']]);
    writeListing(document, titles(6));
    await wait(150);
    expect(batches).toEqual([['Paper 1', 'Paper 2'], ['Paper 3', 'Paper 4', 'Paper 5']]);
    page.state = 'complete';
    window.dispatchEvent(new Event('load'));
    // Not inside the load event: work in its listeners holds back the page's load.
    expect(batches).toHaveLength(2);
    await wait(50);
    expect(batches).toEqual([['Paper 1', 'Paper 2'], ['Paper 3', 'Paper 4', 'Paper 5'], ['Paper 6']]);
  });

  it('waits for the parsed page on sites whose pages scripts build or rebuild', async () => {
    vi.spyOn(arxiv, 'readWhileLoading', 'get').mockReturnValue(false);
    const page = watchLoadingListing(3);
    const { batches } = page;
    await wait(150);
    expect(batches).toEqual([]);
    page.state = 'interactive';
    document.dispatchEvent(new Event('DOMContentLoaded'));
    await wait(50);
    expect(batches).toEqual([titles(3)]);
  });

  it('scans again when the page adds entries, not when PaperLens adds its rows', async () => {
    writeListing(document, titles(3));
    ctx = new ContentScriptContext('content');
    const batches: PaperEntry[][] = [];
    // Each scan starts with the arXiv adapter looking up div#dlpage, whose children are the listing's dls.
    let scans = 0;
    const byId = document.getElementById.bind(document);
    vi.spyOn(document, 'getElementById').mockImplementation((id: string) => {
      if (id === 'dlpage') scans++;
      return byId(id);
    });
    startPageWatch(ctx, document, (_batch, entries) => void batches.push(entries));
    await wait(50);
    expect(batches.flat()).toHaveLength(3);
    expect(scans).toBe(1);
    // Rows added by PaperLens: no rescan (a rescan re-reads every entry of the page).
    document.querySelector('dd')!.append(document.createElement(CHIPS_TAG));
    await wait(400);
    expect(scans).toBe(1);
    expect(batches).toHaveLength(1);
    // The page shows one more entry: it is found, and only it.
    writeListing(document, titles(4));
    await wait(400);
    expect(batches).toHaveLength(2);
    expect(batches[1]!.map((e) => e.title)).toEqual(['Paper 4']);
  });

  it('removes every row and the bar when the extension context goes away', async () => {
    writeListing(document, titles(5));
    // happy-dom lays nothing out: every observed entry is reported in view.
    globalThis.IntersectionObserver = class {
      constructor(private readonly report: (records: { isIntersecting: boolean; target: Element }[]) => void) {}
      observe(target: Element) {
        queueMicrotask(() => this.report([{ isIntersecting: true, target }]));
      }
      unobserve() {}
      disconnect() {}
    } as unknown as typeof IntersectionObserver;
    ctx = new ContentScriptContext('content');
    startPageEnrichment(ctx);
    await wait(800);
    expect(document.querySelectorAll(CHIPS_TAG).length).toBe(5);
    ctx.abort();
    expect(document.querySelectorAll('paperlens-chips, paperlens-bar')).toHaveLength(0);
  });
});
