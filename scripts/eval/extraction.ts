/**
 * Results extraction against the hand-annotated dev gold (tests/gold/extraction, GUIDELINES.md there).
 *
 * A predicted claim matches a gold claim when the numbers are equal, the units are equal, and the
 * predicted claim's sentence contains the gold value as written (so the same number elsewhere in the
 * abstract does not count). Claims without a number (sota, symbolic bounds) match on kind, in the
 * sentence holding the gold value (bounds) or by dataset (sota). Each claim matches at most once.
 *
 * Field accuracy is over matched claims. Strings compare after lower-casing, dropping punctuation and
 * leading articles; "lenient" also accepts one string containing the other as whole words
 * ("base agent" vs "the base agent built with X"). Dataset and comparator F1 are over matched claims:
 * a non-empty prediction that agrees (lenient) is a true positive.
 *
 *   npm run eval -- extraction            EXTRACTION_ERRORS=1 lists misses and false alarms
 *
 * EXTRACTION_HALVES=1 also prints arxiv.jsonl split by line: even lines (0, 2, …) as "arxiv-dev", odd
 * lines as "arxiv-check". Rules are tuned on the dev half; a change that helps it but hurts the check
 * half is fitted to sentences, not to a class of phrasing.
 */
import { extractResults } from '../../lib/extract';
import type { ResultClaim } from '../../lib/model';
import { HAS_SHARED } from '../../tests/helpers/shared';
import { loadGoldAbstracts, type GoldAbstract, type GoldClaim } from '../../tests/gold/extraction/gold';
import { printTable, type Figures, type Part } from '../lib/report';

function norm(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^(the|a|an|our) /, '');
}

export function sameField(gold: string, predicted: string, lenient: boolean): boolean {
  const g = norm(gold);
  const p = norm(predicted);
  if (g === p) return true;
  if (!lenient || !g || !p) return false;
  return ` ${g} `.includes(` ${p} `) || ` ${p} `.includes(` ${g} `);
}

function sameNumber(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
}

function matches(gold: GoldClaim, predicted: ResultClaim): boolean {
  if (gold.number === null || predicted.number === null) {
    if (gold.kind !== predicted.kind || gold.number !== predicted.number) return false;
    return gold.kind === 'sota' ? sameField(gold.dataset, predicted.dataset, true) : predicted.sentence.includes(gold.value);
  }
  return sameNumber(gold.number, predicted.number) && gold.unit === predicted.unit && predicted.sentence.includes(gold.value);
}

/** Gold–prediction pairs; a gold claim takes the first unused prediction that matches it. */
function align(gold: readonly GoldClaim[], predicted: readonly ResultClaim[]): { pairs: [GoldClaim, ResultClaim][]; missed: GoldClaim[]; extra: ResultClaim[] } {
  const used = new Set<number>();
  const pairs: [GoldClaim, ResultClaim][] = [];
  const missed: GoldClaim[] = [];
  for (const g of gold) {
    const k = predicted.findIndex((p, i) => !used.has(i) && matches(g, p));
    if (k < 0) missed.push(g);
    else {
      used.add(k);
      pairs.push([g, predicted[k]!]);
    }
  }
  return { pairs, missed, extra: predicted.filter((_, i) => !used.has(i)) };
}

interface Tally {
  gold: number;
  predicted: number;
  matched: number;
  fields: Record<'metric' | 'dataset' | 'comparator' | 'direction' | 'kind' | 'subject', number>;
  fieldsExact: Record<'metric' | 'dataset' | 'comparator', number>;
  linking: Record<'dataset' | 'comparator', { tp: number; fp: number; fn: number }>;
}

const emptyTally = (): Tally => ({
  gold: 0,
  predicted: 0,
  matched: 0,
  fields: { metric: 0, dataset: 0, comparator: 0, direction: 0, kind: 0, subject: 0 },
  fieldsExact: { metric: 0, dataset: 0, comparator: 0 },
  linking: { dataset: { tp: 0, fp: 0, fn: 0 }, comparator: { tp: 0, fp: 0, fn: 0 } },
});

function score(tally: Tally, abstract: GoldAbstract, predicted: ResultClaim[]): ReturnType<typeof align> {
  const result = align(abstract.claims, predicted);
  tally.gold += abstract.claims.length;
  tally.predicted += predicted.length;
  tally.matched += result.pairs.length;
  for (const [g, p] of result.pairs) {
    for (const field of ['metric', 'dataset', 'comparator', 'subject'] as const) if (sameField(g[field], p[field], true)) tally.fields[field]++;
    for (const field of ['metric', 'dataset', 'comparator'] as const) if (sameField(g[field], p[field], false)) tally.fieldsExact[field]++;
    if (g.direction === p.direction) tally.fields.direction++;
    if (g.kind === p.kind) tally.fields.kind++;
    for (const field of ['dataset', 'comparator'] as const) {
      const counts = tally.linking[field];
      const agree = sameField(g[field], p[field], true);
      if (p[field] && g[field] && agree) counts.tp++;
      else {
        if (p[field]) counts.fp++;
        if (g[field]) counts.fn++;
      }
    }
  }
  return result;
}

const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
const ratio = (a: number, b: number) => (b ? a / b : 0);

function figures(t: Tally): Figures {
  const precision = ratio(t.matched, t.predicted);
  const recall = ratio(t.matched, t.gold);
  const linkF1 = (c: { tp: number; fp: number; fn: number }) => f1(ratio(c.tp, c.tp + c.fp), ratio(c.tp, c.tp + c.fn));
  return {
    goldClaims: t.gold,
    predictedClaims: t.predicted,
    valuePrecision: precision,
    valueRecall: recall,
    valueF1: f1(precision, recall),
    metricAccuracy: ratio(t.fields.metric, t.matched),
    metricAccuracyExact: ratio(t.fieldsExact.metric, t.matched),
    datasetAccuracy: ratio(t.fields.dataset, t.matched),
    comparatorAccuracy: ratio(t.fields.comparator, t.matched),
    directionAccuracy: ratio(t.fields.direction, t.matched),
    kindAccuracy: ratio(t.fields.kind, t.matched),
    subjectAccuracy: ratio(t.fields.subject, t.matched),
    datasetF1: linkF1(t.linking.dataset),
    comparatorF1: linkF1(t.linking.comparator),
  };
}

const describe = (c: { value: string; kind: string; metric: string; dataset: string; comparator: string }) =>
  `${c.value || '∅'} [${c.kind}] m=${c.metric} d=${c.dataset} c=${c.comparator}`;

const part: Part = {
  title: 'Results extraction (dev gold: tests/gold/extraction)',
  async run() {
    if (!HAS_SHARED) {
      console.log('../shared is absent: the gold abstracts cannot be read, extraction eval skipped.');
      return {};
    }
    const abstracts = loadGoldAbstracts();
    const bySource = new Map<string, Tally>();
    const all = emptyTally();
    const showErrors = process.env.EXTRACTION_ERRORS === '1';
    const halves = process.env.EXTRACTION_HALVES === '1';
    const byHalf = new Map<string, Tally>([['arxiv-dev', emptyTally()], ['arxiv-check', emptyTally()]]);
    let arxivLine = 0;
    for (const abstract of abstracts) {
      const predicted = extractResults(abstract.abstract);
      const tally = bySource.get(abstract.source) ?? emptyTally();
      bySource.set(abstract.source, tally);
      score(tally, abstract, predicted);
      // loadGoldAbstracts keeps file order: hf-seed.jsonl, then arxiv.jsonl (whose lines are never hf-seed).
      const half = abstract.source === 'hf-seed' ? '' : arxivLine++ % 2 === 0 ? 'arxiv-dev' : 'arxiv-check';
      if (half) score(byHalf.get(half)!, abstract, predicted);
      const { pairs, missed, extra } = score(all, abstract, predicted);
      const fieldsDiffer = ([g, p]: [GoldClaim, ResultClaim]) => g.kind !== p.kind || !sameField(g.dataset, p.dataset, true) || !sameField(g.comparator, p.comparator, true);
      if (showErrors && (missed.length || extra.length || pairs.some(fieldsDiffer))) {
        console.log(`\n${abstract.source}:${abstract.key}${halves && half ? ` (${half})` : ''} ${abstract.title}`);
        for (const g of missed) console.log(`  missed  ${describe(g)}`);
        for (const p of extra) console.log(`  extra   ${describe(p)}  «${p.sentence.slice(0, 160)}»`);
        for (const [g, p] of pairs) if (fieldsDiffer([g, p])) console.log(`  fields  gold ${describe(g)}\n          got  ${describe(p)}`);
      }
    }
    const rows = [...bySource.entries(), ...(halves ? byHalf.entries() : []), ['all', all] as const].map(([source, tally]) => {
      const f = figures(tally);
      return {
        source,
        gold: f.goldClaims!,
        predicted: f.predictedClaims!,
        'value P': f.valuePrecision!,
        'value R': f.valueRecall!,
        'value F1': f.valueF1!,
        metric: f.metricAccuracy!,
        dataset: f.datasetAccuracy!,
        comparator: f.comparatorAccuracy!,
        direction: f.directionAccuracy!,
        kind: f.kindAccuracy!,
        'dataset F1': f.datasetF1!,
        'comparator F1': f.comparatorF1!,
      };
    });
    printTable(rows);
    console.log('(field columns: accuracy over matched claims, lenient string match; see the header of scripts/eval/extraction.ts)');
    return figures(all);
  },
};

export default part;
