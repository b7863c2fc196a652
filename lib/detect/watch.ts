import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { AbstractKind, EntryData, PaperEntry, SiteId } from '../model';
import { adapterFor, detectPageInSlices, entryData } from './index';
import { GENERIC_ADAPTER } from './registry';

export interface PageBatch {
  url: string;
  site: SiteId;
  entries: EntryData[];
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

/** How long the page must stay quiet after a mutation before it is scanned again. */
const RESCAN_DELAY_MS = 250;

/**
 * Detects the papers on the page now, then again whenever the page changes (single-page navigation,
 * infinite scroll, "show more", opened details). Each paper is handed on once per URL, and again only when a
 * re-scan finds more of its abstract (details opened): only new entries are processed, never twice.
 * Everything stops when the extension context is invalidated.
 */
export function startPageWatch(
  ctx: ContentScriptContext,
  doc: Document,
  onNewEntries: (batch: PageBatch, entries: PaperEntry[]) => unknown,
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
      onNewEntries({ url, site, entries: fresh.map(entryData) }, fresh);
    }, pause);
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

  void scan();
  const observer = new MutationObserver((records) => {
    if (!records.every(onlyPaperLensNodes)) scheduleScan();
  });
  observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());
  ctx.addEventListener(window, 'wxt:locationchange', scheduleScan);
}
