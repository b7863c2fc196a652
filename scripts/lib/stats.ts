/** Small statistics for the bench parts: their figures are medians of repeated runs on a noisy machine. */
import { seededRandom } from '../train/categories';

/** The middle value (the upper one of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * A percentile bootstrap interval for a figure comparing two independent sets of runs (for example the
 * ratio of their medians): both sets are resampled with replacement `resamples` times and the figure's
 * middle `level` share of values is returned. It shows how far the figure could move from one bench run
 * to the next: on a machine whose speed changes between page loads, a median of nine is not exact.
 */
export function bootstrapInterval(
  a: readonly number[],
  b: readonly number[],
  figure: (a: number[], b: number[]) => number,
  { resamples = 2000, level = 0.9, seed = 1 } = {},
): [low: number, high: number] {
  // Seeded, so an interval printed twice from the same runs is the same.
  const random = seededRandom(seed);
  const resample = (values: readonly number[]) => values.map(() => values[Math.floor(random() * values.length)]!);
  const figures: number[] = [];
  for (let i = 0; i < resamples; i++) figures.push(figure(resample(a), resample(b)));
  figures.sort((x, y) => x - y);
  const tail = (1 - level) / 2;
  return [figures[Math.floor(tail * (resamples - 1))]!, figures[Math.ceil((1 - tail) * (resamples - 1))]!];
}

/** Figures comparing two sets of runs, for bootstrapInterval. */
export const ratioOfMedians = (a: readonly number[], b: readonly number[]) => median(a) / median(b);
export const differenceOfMedians = (a: readonly number[], b: readonly number[]) => median(a) - median(b);

/** a[i] / b[i] for runs made in pairs (one of each, one after the other). */
function pairedRatios(a: readonly number[], b: readonly number[]): number[] {
  return a.map((value, i) => value / b[i]!);
}

/**
 * The median of paired ratios a[i] / b[i]: each pair sees the machine in one state, so a change of speed
 * between pairs moves both its runs.
 */
export function medianOfPairedRatios(a: readonly number[], b: readonly number[]): number {
  return median(pairedRatios(a, b));
}

/** A percentile bootstrap interval for `medianOfPairedRatios`: the pairs are resampled, kept whole (one set, no second). */
export function pairedRatioInterval(a: readonly number[], b: readonly number[], options?: { resamples?: number; level?: number; seed?: number }): [low: number, high: number] {
  return bootstrapInterval(pairedRatios(a, b), [], median, options);
}
