import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import type { CslItem } from './csl';

/**
 * citation-js, the one place it is called. It maps CSL to BibLaTeX and RIS fields and escapes
 * BibTeX values; PaperLens serialises the records itself (see bibtex.ts, ris.ts for why).
 *
 * The items are already valid CSL (csl.ts builds them), so they go straight to the output plugins
 * (`plugins.output.format`) rather than through `new Cite()`, whose input parsing and deep copies
 * doubled the time of a 10,000-paper export.
 */
export interface CitationRecord {
  type: string;
  label: string;
  properties: Record<string, string>;
}

export function toBiblatexRecords(items: CslItem[]): CitationRecord[] {
  return plugins.output.format('biblatex', items, { format: 'object' }) as CitationRecord[];
}

export function toRisRecords(items: CslItem[]): Record<string, string | string[]>[] {
  return plugins.output.format('ris', items, { format: 'object' }) as Record<string, string | string[]>[];
}

/** CSL-JSON as citation-js normalises it (the form Zotero and pandoc read). */
export function toCslData(items: CslItem[]): Record<string, unknown>[] {
  const data = plugins.output.format('data', items, { format: 'object' }) as Record<string, unknown>[];
  // citation-js keeps its own bookkeeping in underscore fields; they are not CSL.
  return data.map((item) => Object.fromEntries(Object.entries(item).filter(([key]) => !key.startsWith('_'))));
}
