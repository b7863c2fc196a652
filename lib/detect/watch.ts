import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { AbstractKind, PaperEntry, SiteId } from '../model';
import { adapterFor, detectLoadedEntries, detectPageInSlices } from './index';
import { GENERIC_ADAPTER } from './registry';
import type { SiteAdapter } from './types';

/** Where entries were found. */
export interface PageOrigin {
  url: string;
  site: SiteId;
}

/** PaperLens's own in-page hosts (lib/page/host.ts): adding them is no reason to scan the page again. */
const OWN_NODE = /^PAPERLENS-/;

function onlyPaperLensNodes(record: MutationRecord): boolean {
  const nodes = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
  return nodes.length > 0 && nodes.every((node) => OWN_NODE.test(node.nodeName));
}

/** How much of its abstract an entry carries: a re-scan that finds more hands the entry on again. */
const ABSTRACT_RANK: Record<AbstractKind, number> = { none: 0, snippet: 1, full: 2 };

/**
 * The entries not handed on yet, or handed on with less of their abstract than they now carry (an
 * OpenReview note whose "Show details" was opened). Records what it returns in `handled`.
 */
export function newOrImproved(handled: Map<string, number>, entries: PaperEntry[]): PaperEntry[] {
  const fresh = entries.filter((entry) => (handled.get(entry.id) ?? -1) < ABSTRACT_RANK[entry.abstractKind]);
  for (const entry of fresh) handled.set(entry.id, ABSTRACT_RANK[entry.abstractKind]);
  return fresh;
}

/**
 * Time spent building entries in each slice of a whole-page read. The slice's entries are then handed on
 * (an IntersectionObserver target and map entries each), which costs about as much again, and the page's
 * own work (a garbage collection) can land in the same task: profiled after the load of a 2,000-entry
 * listing, 15 ms of building made 26–42 ms tasks.
 */
export const SCAN_SLICE_MS = 8;
/** How long the page must stay quiet after a mutation before it is scanned again. */
const RESCAN_DELAY_MS = 250;
/** While a page is loading, its first entries are looked for this often. */
const LOADING_POLL_MS = 50;
/** Entries read while the page loads: a few screens' worth. The rest are read once it has loaded. */
export const LOADING_ENTRIES = 40;
/** A page read while loading is read whole at its load event, or this long after DOMContentLoaded at the latest. */
const LOAD_WAIT_MS = 1000;

/**
 * Detects the papers on the page once its DOM is parsed, then again whenever the page changes
 * (single-page navigation, infinite scroll, "show more", opened details). Each paper is handed on once
 * per URL, and again only when a re-scan finds more of its abstract (details opened): only new entries
 * are processed, never twice. Everything stops when the extension context is invalidated.
 *
 * On sites whose entries can be read while loading (`readWhileLoading`), the first screens' entries are
 * handed on while the parser is still at work, so their rows come with the page and are inserted while
 * little of it is laid out below them; the whole page is read after its load event, so a 2,000-entry
 * listing's reading does not hold the load back.
 */
export function startPageWatch(
  ctx: ContentScriptContext,
  doc: Document,
  onNewEntries: (origin: PageOrigin, entries: PaperEntry[]) => unknown,
): void {
  let handled = new Map<string, number>();
  let handledUrl = doc.location.href;

  // One scan at a time: a change during a scan asks for another once it is done.
  let scanning = false;
  let scanAgain = false;
  const pause = () => new Promise<void>((resume) => ctx.setTimeout(resume, 0));

  const scan = async () => {
    if (scanning) {
      scanAgain = true;
      return;
    }
    scanning = true;
    const url = doc.location.href;
    if (url !== handledUrl) {
      handled = new Map();
      handledUrl = url;
    }
    // The content script runs on the supported sites and, beyond them, only on origins the user enabled
    // (lib/background/extraSites.ts): there the generic reader (citation meta, JSON-LD, COinS, id links) applies.
    await detectPageInSlices(doc, url, adapterFor(new URL(url)) ?? GENERIC_ADAPTER, (site, entries) => {
      if (ctx.isInvalid) return;
      const fresh = newOrImproved(handled, entries);
      if (!fresh.length) return;
      onNewEntries({ url, site }, fresh);
    }, pause, SCAN_SLICE_MS);
    scanning = false;
    if (scanAgain) {
      scanAgain = false;
      scheduleScan();
    }
  };

  let timer: number | undefined;
  const scheduleScan = () => {
    if (timer !== undefined) return;
    timer = ctx.setTimeout(() => {
      timer = undefined;
      void scan();
    }, RESCAN_DELAY_MS);
  };

  const readFirstEntries = (adapter: SiteAdapter) => {
    if (ctx.isInvalid || doc.readyState !== 'loading') return;
    const url = doc.location.href;
    const detection = detectLoadedEntries(doc, url, adapter, LOADING_ENTRIES);
    const fresh = newOrImproved(handled, detection.entries);
    if (fresh.length && detection.site) onNewEntries({ url, site: detection.site }, fresh);
    if (detection.entries.length < LOADING_ENTRIES) ctx.setTimeout(() => readFirstEntries(adapter), LOADING_POLL_MS);
  };

  const watchWholePage = () => {
    if (ctx.isInvalid) return;
    void scan();
    const observer = new MutationObserver((records) => {
      if (!records.every(onlyPaperLensNodes)) scheduleScan();
    });
    observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });
    ctx.onInvalidated(() => observer.disconnect());
    ctx.addEventListener(window, 'wxt:locationchange', scheduleScan);
  };

  const adapter = adapterFor(new URL(doc.location.href));
  if (adapter?.readWhileLoading && doc.readyState === 'loading') {
    ctx.setTimeout(() => readFirstEntries(adapter), LOADING_POLL_MS);
    whenLoaded(ctx, doc, watchWholePage);
  } else {
    whenParsed(ctx, doc, watchWholePage);
  }
}

/** Runs `run` once the document is parsed (DOMContentLoaded), at once if it already is. */
export function whenParsed(ctx: ContentScriptContext, doc: Document, run: () => void): void {
  if (doc.readyState !== 'loading') run();
  else ctx.addEventListener(doc, 'DOMContentLoaded', run, { once: true });
}

/**
 * Runs `run` once, in a task of its own after the page's load event, or LOAD_WAIT_MS after
 * DOMContentLoaded, whichever comes first: work done inside the load event's listeners holds back the
 * page's load (its loadEventEnd).
 */
export function whenLoaded(ctx: ContentScriptContext, doc: Document, run: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    run();
  };
  if (doc.readyState === 'complete') return once();
  ctx.addEventListener(doc.defaultView ?? window, 'load', () => ctx.setTimeout(once, 0), { once: true });
  whenParsed(ctx, doc, () => ctx.setTimeout(once, LOAD_WAIT_MS));
}
