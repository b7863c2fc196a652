import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import type { CslItem } from './csl';

/**
 * citation-js, the one place it is called. It maps CSL to BibLaTeX and RIS fields and escapes
 * BibTeX values; PaperLens serialises the records itself (see bibtex.ts, ris.ts for why).
 */
export interface CitationRecord {
  type: string;
  label: string;
  properties: Record<string, string>;
}

export function toBiblatexRecords(items: CslItem[]): CitationRecord[] {
  return new Cite(items).format('biblatex', { format: 'object' }) as CitationRecord[];
}

export function toRisRecords(items: CslItem[]): Record<string, string | string[]>[] {
  return new Cite(items).format('ris', { format: 'object' }) as Record<string, string | string[]>[];
}

/** CSL-JSON as citation-js normalises it (the form Zotero and pandoc read). */
export function toCslData(items: CslItem[]): Record<string, unknown>[] {
  const data = new Cite(items).format('data', { format: 'object' }) as Record<string, unknown>[];
  // citation-js keeps its own bookkeeping in underscore fields; they are not CSL.
  return data.map((item) => Object.fromEntries(Object.entries(item).filter(([key]) => !key.startsWith('_'))));
}
