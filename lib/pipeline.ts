import { classifyEntry } from './classify';
import type { EntryData, ResultClaim, Tag } from './model';

/** An entry with what the background worker adds: tags and results. */
export interface EnrichedEntry extends EntryData {
  tags: Tag[];
  results: ResultClaim[];
}

/**
 * The background's work on one detected paper, shared by the service worker and the `enrich` CLI so
 * both give the same answer. Results extraction is not built yet, so `results` stays empty: the UI
 * shows nothing rather than a made-up value.
 */
export function enrichEntry(entry: EntryData): EnrichedEntry {
  return { ...entry, tags: classifyEntry(entry), results: [] };
}

/** One paper in the `enrich` command's JSON output (the contract other tools rely on). */
export interface PaperJson {
  id: string;
  title: string;
  authors: string[];
  abstract: string;
  abstractKind: EntryData['abstractKind'];
  url: string;
  subjects: string[];
  tags: Tag[];
  results: ResultClaim[];
  aliases: string[];
  pdfUrl?: string;
  venue?: string;
  year?: number;
  entryType?: EntryData['entryType'];
}

export function paperJson(paper: EnrichedEntry): PaperJson {
  const { id, title, authors, abstract, abstractKind, url, subjects, tags, results, aliases, pdfUrl, venue, year, entryType } = paper;
  return { id, title, authors, abstract, abstractKind, url, subjects, tags, results, aliases, pdfUrl, venue, year, entryType };
}
