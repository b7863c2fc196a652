import type { ResultClaim } from '../model';

/**
 * The claim a row shows when lib/extract offers no choice of its own: the one extraction is most sure of,
 * a number before a bare "state of the art". Null for a paper with no results: the row then shows none.
 */
export function mostConfidentResult(results: readonly ResultClaim[]): ResultClaim | null {
  let best: ResultClaim | null = null;
  for (const claim of results) {
    const better = !best || claim.confidence > best.confidence || (claim.confidence === best.confidence && best.number === null && claim.number !== null);
    if (better) best = claim;
  }
  return best;
}
