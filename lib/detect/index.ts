import type { EntryData, PaperEntry, SiteId } from '../model';
import { ADAPTERS } from './registry';
import { LIMITS } from './text';
import type { Detection, SiteAdapter } from './types';

export type { Detection, SiteAdapter } from './types';

export function adapterFor(url: URL): SiteAdapter | null {
  return ADAPTERS.find((adapter) => adapter.matches(url)) ?? null;
}

type EntryBuilder = () => PaperEntry | null;

/**
 * The adapter's walk over the page: each entry's build is handed to `onEntry` as the walk finds it, with
 * the detection it belongs to, and the walk goes on while `onEntry` returns true. `wholePageAtOnce`: the
 * caller reads every entry in this one task (see EntryCollector).
 */
function walkPage(
  doc: Document,
  pageUrl: string | URL,
  adapter: SiteAdapter | null | undefined,
  wholePageAtOnce: boolean,
  onEntry: (build: EntryBuilder, detection: Detection) => boolean,
): Detection {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return { site: null, entries: [], skipped: 0, truncated: false };
  }
  const chosen = adapter === undefined ? adapterFor(url) : adapter;
  const detection: Detection = { site: chosen?.site ?? null, entries: [], skipped: 0, truncated: false };
  if (!chosen) return detection;
  try {
    chosen.detect(doc, url, { wholePageAtOnce, add: (build) => onEntry(build, detection) });
  } catch {
    detection.skipped++;
  }
  return detection;
}

/**
 * Builds one entry into `detection`: skipped and counted when malformed, left out when its id was seen.
 * Returns false once the page cap is reached (the entry is not built then, and the detection is truncated).
 */
function buildEntry(detection: Detection, build: EntryBuilder, seen: Set<string>): boolean {
  if (detection.entries.length >= LIMITS.entriesPerPage) {
    detection.truncated = true;
    return false;
  }
  let entry: PaperEntry | null;
  try {
    entry = build();
  } catch {
    entry = null;
  }
  if (!entry) detection.skipped++;
  else if (!seen.has(entry.id)) {
    seen.add(entry.id);
    detection.entries.push(entry);
  }
  return true;
}

/**
 * Every paper on the page, deduplicated by canonical id (cross-lists and repeated sections appear once).
 * Never throws: a malformed entry is skipped and counted, an adapter failure yields what was found so far.
 * Each entry is built as the walk reaches it, while its markup was just read: building them after the
 * walk took 5% longer on a 2,000-entry listing.
 */
export function detectPage(doc: Document, pageUrl: string | URL, adapter?: SiteAdapter | null): Detection {
  const seen = new Set<string>();
  return walkPage(doc, pageUrl, adapter, true, (build, detection) => buildEntry(detection, build, seen));
}

/**
 * The first `count` entries of a page that is still loading, and only entries followed by another one:
 * the last entry read may be cut off where the parser has got to. Each entry is built once the walk
 * finds the next, so the last one found is never built.
 */
export function detectLoadedEntries(doc: Document, pageUrl: string | URL, adapter: SiteAdapter, count: number): Detection {
  const seen = new Set<string>();
  let previous: EntryBuilder | null = null;
  let found = 0;
  // One more than asked for, to know the last one asked for is followed by another.
  return walkPage(doc, pageUrl, adapter, false, (build, detection) => {
    if (previous) buildEntry(detection, previous, seen);
    previous = build;
    return ++found <= count;
  });
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
  sliceMs: number,
): Promise<Detection> {
  // Each step is a task of its own, apart from the caller's (a page event such as load) and from each
  // other: finding a 2,000-entry listing's entries takes ~20 ms before any is read, and together with
  // the first slice and the page's own load work it made a long task.
  await pause();
  // The walk finds every entry first (cheap), so the builds (the costly part) can be spread over slices.
  const builders: EntryBuilder[] = [];
  const detection = walkPage(doc, pageUrl, adapter, false, (build) => {
    builders.push(build);
    return true;
  });
  const seen = new Set<string>();
  for (let next = 0; detection.site && next < builders.length; ) {
    await pause();
    const end = performance.now() + sliceMs;
    const before = detection.entries.length;
    // At least one entry a slice, then more until its time is up.
    do {
      next = buildEntry(detection, builders[next]!, seen) ? next + 1 : builders.length;
    } while (next < builders.length && performance.now() <= end);
    if (detection.entries.length > before) onSlice(detection.site, detection.entries.slice(before));
  }
  return detection;
}

/** The entry as it crosses messaging and JSON output: no DOM reference. */
export function entryData(entry: PaperEntry): EntryData {
  const { element: _element, ...data } = entry;
  return data;
}
