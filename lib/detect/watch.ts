import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { EntryData, PaperEntry, SiteId } from '../model';
import { adapterFor, detectPage, entryData } from './index';

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

/** How long the page must stay quiet after a mutation before it is scanned again. */
const RESCAN_DELAY_MS = 250;

/**
 * Detects the papers on the page now, then again whenever the page changes (single-page navigation,
 * infinite scroll, "show more", opened details). Each paper is handed on once per URL: only new entries
 * are processed, never twice. Everything stops when the extension context is invalidated.
 */
export function startPageWatch(
  ctx: ContentScriptContext,
  doc: Document,
  onNewEntries: (batch: PageBatch, entries: PaperEntry[]) => unknown,
): void {
  let handled = new Set<string>();
  let handledUrl = doc.location.href;

  const scan = () => {
    const url = doc.location.href;
    if (url !== handledUrl) {
      handled = new Set();
      handledUrl = url;
    }
    const detection = detectPage(doc, url, adapterFor(new URL(url)));
    if (!detection.site) return;
    const fresh = detection.entries.filter((entry) => !handled.has(entry.id));
    if (!fresh.length) return;
    for (const entry of fresh) handled.add(entry.id);
    onNewEntries({ url, site: detection.site, entries: fresh.map(entryData) }, fresh);
  };

  let timer: number | undefined;
  const scheduleScan = () => {
    if (timer !== undefined) return;
    timer = ctx.setTimeout(() => {
      timer = undefined;
      scan();
    }, RESCAN_DELAY_MS);
  };

  scan();
  const observer = new MutationObserver((records) => {
    if (!records.every(onlyPaperLensNodes)) scheduleScan();
  });
  observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());
  ctx.addEventListener(window, 'wxt:locationchange', scheduleScan);
}
