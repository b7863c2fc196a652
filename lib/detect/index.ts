import type { EntryData, PaperEntry, SiteId } from '../model';
import { ADAPTERS } from './registry';
import { LIMITS } from './text';
import type { Detection, SiteAdapter } from './types';

export type { Detection, SiteAdapter } from './types';

export function adapterFor(url: URL): SiteAdapter | null {
  return ADAPTERS.find((adapter) => adapter.matches(url)) ?? null;
}

type EntryBuilder = () => PaperEntry | null;

/** The adapter's walk over the page, with each entry's build kept for later (builds are the costly part). */
function pageBuilders(doc: Document, pageUrl: string | URL, adapter?: SiteAdapter | null, wanted = Infinity): { detection: Detection; builders: EntryBuilder[] } {
  const builders: EntryBuilder[] = [];
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return { detection: { site: null, entries: [], skipped: 0, truncated: false }, builders };
  }
  const chosen = adapter === undefined ? adapterFor(url) : adapter;
  const detection: Detection = { site: chosen?.site ?? null, entries: [], skipped: 0, truncated: false };
  if (!chosen) return { detection, builders };
  try {
    chosen.detect(doc, url, { wanted, add: (build) => builders.push(build) < wanted });
  } catch {
    detection.skipped++;
  }
  return { detection, builders };
}

/** Runs `builders` into `detection`, at least one, until `stop()` says so; returns the index of the first builder not run. */
function buildEntries(detection: Detection, builders: EntryBuilder[], from: number, seen: Set<string>, stop: () => boolean): number {
  let i = from;
  for (; i < builders.length && (i === from || !stop()); i++) {
    if (detection.entries.length >= LIMITS.entriesPerPage) {
      detection.truncated = true;
      return builders.length;
    }
    let entry: PaperEntry | null;
    try {
      entry = builders[i]!();
    } catch {
      entry = null;
    }
    if (!entry) detection.skipped++;
    else if (!seen.has(entry.id)) {
      seen.add(entry.id);
      detection.entries.push(entry);
    }
  }
  return i;
}

/**
 * Every paper on the page, deduplicated by canonical id (cross-lists and repeated sections appear once).
 * Never throws: a malformed entry is skipped and counted, an adapter failure yields what was found so far.
 */
export function detectPage(doc: Document, pageUrl: string | URL, adapter?: SiteAdapter | null): Detection {
  const { detection, builders } = pageBuilders(doc, pageUrl, adapter);
  buildEntries(detection, builders, 0, new Set(), () => false);
  return detection;
}

/**
 * The first `count` entries of a page that is still loading, and only entries followed by another one:
 * the last entry read may be cut off where the parser has got to.
 */
export function detectLoadedEntries(doc: Document, pageUrl: string | URL, adapter: SiteAdapter, count: number): Detection {
  // One more than asked for, to know the last one asked for is followed by another.
  const { detection, builders } = pageBuilders(doc, pageUrl, adapter, count + 1);
  buildEntries(detection, builders.slice(0, Math.min(count, builders.length - 1)), 0, new Set(), () => false);
  return detection;
}

/**
 * `detectPage` for a page being shown: entries are built at most `sliceMs` at a time, in page order, each
 * slice handed to `onSlice` as soon as it is built and `pause()` awaited before the next, so a 2,000-entry
 * listing never blocks the main thread for long and the first screen's entries come first.
 */
export async function detectPageInSlices(
  doc: Document,
  pageUrl: string | URL,
  adapter: SiteAdapter | null | undefined,
  onSlice: (site: SiteId, entries: PaperEntry[]) => void,
  pause: () => Promise<void>,
  sliceMs = 15,
): Promise<Detection> {
  // Each step is a task of its own, apart from the caller's (a page event such as load) and from each
  // other: finding a 2,000-entry listing's entries takes ~20 ms before any is read, and together with
  // the first slice and the page's own load work it made a long task.
  await pause();
  const { detection, builders } = pageBuilders(doc, pageUrl, adapter);
  const seen = new Set<string>();
  for (let next = 0; detection.site && next < builders.length; ) {
    await pause();
    const end = performance.now() + sliceMs;
    const before = detection.entries.length;
    next = buildEntries(detection, builders, next, seen, () => performance.now() > end);
    if (detection.entries.length > before) onSlice(detection.site, detection.entries.slice(before));
  }
  return detection;
}

/** The entry as it crosses messaging and JSON output: no DOM reference. */
export function entryData(entry: PaperEntry): EntryData {
  const { element: _element, ...data } = entry;
  return data;
}
