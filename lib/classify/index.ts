import type { EntryData, Tag } from '../model';

/**
 * Subject categories the page itself states (arXiv listings): ground truth, so they are tags with
 * score 1 and `source: "page"`.
 */
export function pageCategoryTags(entry: Pick<EntryData, 'subjects'>): Tag[] {
  return entry.subjects.map((code) => ({ id: code, label: code, kind: 'category', score: 1, source: 'page' }));
}

/** All tags for an entry. */
export function classifyEntry(entry: EntryData): Tag[] {
  return pageCategoryTags(entry);
}
