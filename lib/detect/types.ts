import type { PaperEntry, SiteId } from '../model';

/**
 * One site, one adapter file in lib/detect/sites/. Adding a site means writing an adapter, its tests
 * and fixtures, and one line in the registry (lib/detect/registry.ts).
 */
export interface SiteAdapter {
  site: SiteId;
  /** Does this adapter read pages at this URL? */
  matches(url: URL): boolean;
  /**
   * The site serves its entries as finished markup, one after the other, that no script of the page
   * rebuilds (no hydration): its first entries can be read while the rest of the page is still loading.
   */
  readWhileLoading?: boolean;
  /**
   * Every paper on the page. May throw on a malformed entry only through `each`, which skips it;
   * `detectPage` catches anything else, so an adapter bug yields fewer papers, never a broken page.
   */
  detect(doc: Document, url: URL, each: EntryCollector): void;
}

/** Adds entries one by one so a malformed one is skipped and counted, never fatal. */
export interface EntryCollector {
  /** Returns false once the caller has all the entries it wants: an adapter may stop walking the page then. */
  add(build: () => PaperEntry | null): boolean;
  /**
   * Whether the caller reads the whole page in one task (detectPage): work done once for the whole page
   * (such as one probe for rendered math over the list) then pays. False for a read of the first entries
   * while the page loads, and for a read spread over short tasks (detectPageInSlices), where that work
   * would be one long task of its own: adapters do it per entry instead.
   */
  readonly wholePageAtOnce: boolean;
}

export interface Detection {
  site: SiteId | null;
  entries: PaperEntry[];
  /** Entries skipped because they were malformed. */
  skipped: number;
  /** True when the page had more entries than the cap. */
  truncated: boolean;
}
