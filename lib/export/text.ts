import type { Paper, ResultClaim } from '../model';

/** "+21.2% success rate on AitW": a claim in a few words, for the CSV and Markdown exports. */
export function claimSummary(claim: ResultClaim): string {
  const on = claim.dataset ? `on ${claim.dataset}` : '';
  return [claim.value, claim.metric, on].filter(Boolean).join(' ') || claim.sentence.slice(0, 200);
}

/** The paper's most confident result, if it has any. */
export function keyResult(paper: Paper): ResultClaim | undefined {
  return [...paper.results].sort((a, b) => b.confidence - a.confidence)[0];
}

export function isoDate(time: number | undefined): string {
  return time === undefined ? '' : new Date(time).toISOString().slice(0, 10);
}
