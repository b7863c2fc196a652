import type { EntryData, PaperEntry } from '../model';
import { ADAPTERS } from './registry';
import { LIMITS } from './text';
import type { Detection, SiteAdapter } from './types';

export type { Detection, SiteAdapter } from './types';

export function adapterFor(url: URL): SiteAdapter | null {
  return ADAPTERS.find((adapter) => adapter.matches(url)) ?? null;
}

/**
 * Every paper on the page, deduplicated by canonical id (cross-lists and repeated sections appear once).
 * Never throws: a malformed entry is skipped and counted, an adapter failure yields what was found so far.
 */
export function detectPage(doc: Document, pageUrl: string | URL, adapter?: SiteAdapter | null): Detection {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return { site: null, entries: [], skipped: 0, truncated: false };
  }
  const chosen = adapter === undefined ? adapterFor(url) : adapter;
  const detection: Detection = { site: chosen?.site ?? null, entries: [], skipped: 0, truncated: false };
  if (!chosen) return detection;
  const seen = new Set<string>();
  const collector = {
    add(build: () => PaperEntry | null) {
      if (detection.entries.length >= LIMITS.entriesPerPage) {
        detection.truncated = true;
        return;
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
    },
  };
  try {
    chosen.detect(doc, url, collector);
  } catch {
    detection.skipped++;
  }
  return detection;
}

/** The entry as it crosses messaging and JSON output: no DOM reference. */
export function entryData(entry: PaperEntry): EntryData {
  const { element: _element, ...data } = entry;
  return data;
}
