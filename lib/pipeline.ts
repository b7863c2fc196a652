import { classifyEntry, type ClassifyOptions } from './classify';
import { extractArtifacts, extractResults } from './extract';
import type { Artifact, EntryData, ResultClaim, Tag } from './model';

/** An entry with what the background worker adds: tags, results and artifacts. */
export interface EnrichedEntry extends EntryData {
  tags: Tag[];
  results: ResultClaim[];
  /** Code, data, models and project pages the entry points to (absent on entries enriched before extraction existed). */
  artifacts?: Artifact[];
}

/**
 * The background's work on one detected paper, shared by the service worker and the `enrich` CLI so
 * both give the same answer.
 */
export function enrichEntry(entry: EntryData, options: ClassifyOptions = {}): EnrichedEntry {
  return { ...entry, tags: classifyEntry(entry, options), results: extractResults(entry.abstract), artifacts: extractArtifacts(entry) };
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
  artifacts: Artifact[];
  aliases: string[];
  pdfUrl?: string;
  venue?: string;
  year?: number;
  entryType?: EntryData['entryType'];
}

export function paperJson(paper: EnrichedEntry): PaperJson {
  const { id, title, authors, abstract, abstractKind, url, subjects, tags, results, aliases, pdfUrl, venue, year, entryType } = paper;
  const artifacts = paper.artifacts ?? [];
  return { id, title, authors, abstract, abstractKind, url, subjects, tags, results, artifacts, aliases, pdfUrl, venue, year, entryType };
}
