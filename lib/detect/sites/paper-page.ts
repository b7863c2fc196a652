import type { PaperEntry } from '../../model';

/**
 * A single-paper page's entry under the id its site gives it (an arXiv id from the URL, an ACL Anthology
 * id, an OpenReview forum). The ids the page's meta named (a DOI, an arXiv id) become aliases, so the
 * store can merge the paper with sightings elsewhere; a title fallback is never kept as an alias.
 */
export function aliasesBesides(id: string, entry: Pick<PaperEntry, 'id' | 'aliases'> | null): string[] {
  if (!entry) return [];
  return [...new Set([entry.id, ...entry.aliases])].filter((alias) => alias !== id && !alias.startsWith('title:'));
}
