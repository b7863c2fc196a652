import type { Paper, ResultClaim, SiteId } from '../model';
import { readableTex } from '../tex';

/**
 * What the popup and the library page do to a list of papers, as plain functions: the search index,
 * filters, sorting and facets. No DOM here, so all of it is tested directly.
 */

export type SortKey = 'relevance' | 'saved' | 'seen' | 'year' | 'title';
export type ReadFilter = 'all' | 'read' | 'unread';

export interface Filters {
  /** A topic or personal tag, by its lower-cased label (see `tagLabels`). */
  tag: string;
  /** A category tag id, `cs.LG`. */
  category: string;
  site: SiteId | '';
  hasResults: boolean;
  read: ReadFilter;
}

export const NO_FILTERS: Filters = { tag: '', category: '', site: '', hasResults: false, read: 'all' };

export function activeFilterCount(filters: Filters): number {
  return [filters.tag, filters.category, filters.site, filters.hasResults, filters.read !== 'all'].filter(Boolean).length;
}

/**
 * Topic tags and the user's own tags, de-duplicated case-insensitively. A personal tag the model only
 * suggested is not the user's until they accept it, so it does not count here.
 */
export function tagLabels(paper: Paper): string[] {
  const labels = new Map<string, string>();
  for (const tag of paper.tags) if (tag.kind === 'topic') labels.set(tag.label.toLowerCase(), tag.label);
  for (const label of paper.userTags) labels.set(label.toLowerCase(), label);
  return [...labels.values()];
}

export function categoryIds(paper: Paper): string[] {
  return paper.tags.filter((tag) => tag.kind === 'category').map((tag) => tag.id);
}

/** The result to show first: the most confident one, ties to the earliest in the abstract. */
export function keyResult(paper: Paper): ResultClaim | undefined {
  let best: ResultClaim | undefined;
  for (const claim of paper.results) if (!best || claim.confidence > best.confidence) best = claim;
  return best;
}

/** A short line for a claim: "7.3 BLEU on WMT14 vs. Transformer". Only what the claim states. */
export function describeClaim(claim: ResultClaim): string {
  const unit = claim.value && claim.unit && !claim.value.endsWith(claim.unit) ? claim.unit : '';
  // Symbols stick to the number (80.1%, 2.5x); words do not (4.2 points).
  const value = /^[%x×]$/.test(unit) ? claim.value + unit : [claim.value, unit].filter(Boolean).join(' ');
  // A count names what it counts in `subject` ("378 galaxies"); other claims name a metric.
  const head = [value, claim.metric || claim.subject].filter(Boolean).join(' ');
  const parts = [head || (claim.kind === 'sota' ? 'state of the art' : '')];
  if (claim.dataset) parts.push(`on ${claim.dataset}`);
  if (claim.comparator) parts.push(`vs. ${claim.comparator}`);
  return parts.filter(Boolean).join(' ');
}

/**
 * The claim's sentence split around the quoted value, when the offsets (which count in the abstract)
 * point inside the sentence and at the value; otherwise the sentence alone. Each part's TeX is read
 * (lib/tex.ts), after the split, since the offsets count in the sentence as written.
 */
export function quoteParts(claim: ResultClaim, abstract: string): { before: string; value: string; after: string } {
  const sentenceAt = abstract.indexOf(claim.sentence);
  const from = claim.start - sentenceAt;
  const to = claim.end - sentenceAt;
  if (sentenceAt >= 0 && from >= 0 && to > from && to <= claim.sentence.length) {
    return { before: readableTex(claim.sentence.slice(0, from)), value: readableTex(claim.sentence.slice(from, to)), after: readableTex(claim.sentence.slice(to)) };
  }
  return { before: readableTex(claim.sentence), value: '', after: '' };
}

/** Only web links are followed: a page could hand us `javascript:` or `data:` URLs. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

export function matchesFilters(paper: Paper, filters: Filters): boolean {
  if (filters.site && !paper.sites.includes(filters.site)) return false;
  if (filters.hasResults && paper.results.length === 0) return false;
  if (filters.read === 'read' && !paper.read) return false;
  if (filters.read === 'unread' && paper.read) return false;
  if (filters.category && !categoryIds(paper).includes(filters.category)) return false;
  if (filters.tag && !tagLabels(paper).some((label) => label.toLowerCase() === filters.tag)) return false;
  return true;
}

const byTitle = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

const COMPARATORS: Record<Exclude<SortKey, 'relevance'>, (a: Paper, b: Paper) => number> = {
  saved: (a, b) => (b.savedAt ?? 0) - (a.savedAt ?? 0),
  seen: (a, b) => b.lastSeenAt - a.lastSeenAt,
  year: (a, b) => (b.year ?? 0) - (a.year ?? 0) || (b.savedAt ?? b.lastSeenAt) - (a.savedAt ?? a.lastSeenAt),
  title: (a, b) => byTitle.compare(a.title, b.title),
};

/**
 * The list as shown: `papers` filtered, then ordered by search score (`hits`, best first, when a
 * query is active) or by `sort`.
 */
export function visiblePapers(papers: readonly Paper[], filters: Filters, sort: SortKey, hits: readonly Paper[] | null): Paper[] {
  const chosen = (hits ?? papers).filter((paper) => matchesFilters(paper, filters));
  return sort === 'relevance' ? chosen : chosen.sort(COMPARATORS[sort]);
}

export interface Facet {
  value: string;
  label: string;
  count: number;
}

function countFacet(papers: readonly Paper[], valuesOf: (paper: Paper) => { value: string; label: string }[]): Facet[] {
  const counts = new Map<string, Facet>();
  for (const paper of papers) {
    for (const { value, label } of valuesOf(paper)) {
      const facet = counts.get(value);
      if (facet) facet.count++;
      else counts.set(value, { value, label, count: 1 });
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || byTitle.compare(a.label, b.label));
}

/** The values each filter can take in this list, most frequent first, with counts. */
export function facets(papers: readonly Paper[]): { tags: Facet[]; categories: Facet[]; sites: Facet[] } {
  return {
    tags: countFacet(papers, (p) => tagLabels(p).map((label) => ({ value: label.toLowerCase(), label }))),
    categories: countFacet(papers, (p) => p.tags.filter((t) => t.kind === 'category').map((t) => ({ value: t.id, label: t.label }))),
    sites: countFacet(papers, (p) => p.sites.map((site) => ({ value: site, label: SITE_NAMES[site] }))),
  };
}

export const SITE_NAMES: Record<SiteId, string> = {
  arxiv: 'arXiv',
  huggingface: 'Hugging Face',
  openreview: 'OpenReview',
  acl: 'ACL Anthology',
  scholar: 'Google Scholar',
  semanticscholar: 'Semantic Scholar',
  pubmed: 'PubMed',
  biorxiv: 'bioRxiv',
  pmlr: 'PMLR',
  neurips: 'NeurIPS',
  cvf: 'CVF',
  dblp: 'dblp',
  generic: 'Other site',
};

/**
 * Personal-tag suggestions from the user's own tags: tags on papers that share a topic or category
 * with this one first, then the user's most used tags. Tags the paper already has are left out.
 */
export function suggestFromLibrary(paper: Paper, library: readonly Paper[], limit = 8): string[] {
  const own = new Set(paper.userTags.map((t) => t.toLowerCase()));
  const related = new Set(paper.tags.map((t) => t.id));
  const score = new Map<string, { label: string; score: number }>();
  for (const other of library) {
    if (other.id === paper.id || other.userTags.length === 0) continue;
    const shared = other.tags.reduce((n, t) => n + (related.has(t.id) ? 1 : 0), 0);
    for (const label of other.userTags) {
      const key = label.toLowerCase();
      if (own.has(key)) continue;
      const entry = score.get(key) ?? { label, score: 0 };
      entry.score += 1 + 10 * shared;
      score.set(key, entry);
    }
  }
  return [...score.values()].sort((a, b) => b.score - a.score || byTitle.compare(a.label, b.label)).slice(0, limit).map((e) => e.label);
}

/** A personal tag as typed: trimmed, inner whitespace folded, bounded. Empty when nothing is left. */
export function cleanTag(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim().slice(0, 60);
}

/** What separates words, for search queries as for the index (minisearch's own default). */
export const WORD_SEPARATOR = /[\n\r\p{Z}\p{P}]+/u;

/**
 * A plain match for the moments before the index is built: every typed word appears in the title,
 * authors, tags or note. Slower per paper than the index and blind to abstracts, but needs no setup.
 */
export function quickMatch(papers: readonly Paper[], text: string): Paper[] {
  const words = text.toLowerCase().split(WORD_SEPARATOR).filter(Boolean);
  return papers.filter((paper) => {
    const haystack = [paper.title, paper.authors.join(' '), tagLabels(paper).join(' '), categoryIds(paper).join(' '), paper.note].join(' ').toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
