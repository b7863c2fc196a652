import MiniSearch, { type Query } from 'minisearch';
import type { Paper } from '../model';
import { categoryIds, tagLabels, WORD_SEPARATOR } from './library';

/**
 * Full-text search over the papers (minisearch), in its own module so that the popup loads it after
 * the first paint, when it starts building the index.
 */

interface SearchDoc {
  id: string;
  title: string;
  authors: string;
  abstract: string;
  tags: string;
  results: string;
  note: string;
}

function searchDoc(paper: Paper): SearchDoc {
  return {
    id: paper.id,
    title: paper.title,
    authors: paper.authors.join(' '),
    abstract: paper.abstract,
    tags: [...tagLabels(paper), ...categoryIds(paper)].join(' '),
    results: paper.results.map((c) => [c.value, c.metric, c.dataset, c.comparator, c.subject].join(' ')).join(' '),
    note: paper.note,
  };
}

/** Words too common to tell papers apart: leaving them out keeps the index small and matching fast. */
const STOP_WORDS = new Set(
  'a an and are as at be been but by can for from has have in into is it its of on or our than that the their these this those to was we were which with'.split(' '),
);
/** Fields short enough for prefix matching on every keystroke; abstracts match whole words. */
const SHORT_FIELDS = ['title', 'authors', 'tags', 'results', 'note'];

function processTerm(term: string): string | null {
  const lower = term.toLowerCase();
  return lower && !STOP_WORDS.has(lower) ? lower : null;
}

/**
 * The words already typed must all match, in any field, forgiving one typo in long words. The word
 * still being typed matches whole in any field, or as a prefix in the short fields: a two-letter
 * prefix over 10,000 abstracts would expand to thousands of words on every keystroke.
 */
function buildQuery(text: string): Query | null {
  const terms = text.split(WORD_SEPARATOR).map(processTerm).filter((t): t is string => !!t);
  if (!terms.length) return null;
  const typing = !/\s$/.test(text);
  const whole = (term: string): Query => ({ queries: [term], fuzzy: term.length >= 6 ? 1 : false });
  const queries = terms.map((term, i): Query =>
    i === terms.length - 1 && typing && term.length >= 2
      ? { combineWith: 'OR', queries: [term, { queries: [term], prefix: true, fields: SHORT_FIELDS }] }
      : whole(term),
  );
  return { combineWith: 'AND', queries };
}

/** Full-text search over the papers, built once and updated paper by paper (minisearch). */
export class PaperSearch {
  private index = new MiniSearch<SearchDoc>({
    fields: ['title', 'authors', 'abstract', 'tags', 'results', 'note'],
    processTerm,
    searchOptions: { boost: { title: 3, tags: 2, authors: 2, note: 2, results: 1.5 }, prefix: false, fuzzy: false },
  });

  /** Adds papers in chunks, yielding between them so a large library never blocks the page. */
  async addAll(papers: readonly Paper[]): Promise<void> {
    await this.index.addAllAsync(papers.map(searchDoc), { chunkSize: 100 });
  }

  has(id: string): boolean {
    return this.index.has(id);
  }

  /** Adds the paper, or replaces what the index knew of it. */
  upsert(paper: Paper): void {
    if (this.index.has(paper.id)) this.index.replace(searchDoc(paper));
    else this.index.add(searchDoc(paper));
  }

  remove(id: string): void {
    if (this.index.has(id)) this.index.discard(id);
  }

  /** Matching ids, best first; null for an empty query (nothing to rank by). */
  search(text: string): string[] | null {
    if (!text.trim()) return null;
    const query = buildQuery(text);
    return query ? this.index.search(query).map((hit) => hit.id as string) : [];
  }
}
