/** Small statistics for the bench parts: their figures are medians of repeated runs on a noisy machine. */

/** The middle value (the upper one of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** A fixed-seed generator (mulberry32), so an interval printed twice from the same runs is the same. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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
  const random = seededRandom(seed);
  const resample = (values: readonly number[]) => values.map(() => values[Math.floor(random() * values.length)]!);
  const figures: number[] = [];
  for (let i = 0; i < resamples; i++) figures.push(figure(resample(a), resample(b)));
  figures.sort((x, y) => x - y);
  const tail = (1 - level) / 2;
  return [figures[Math.floor(tail * (resamples - 1))]!, figures[Math.ceil((1 - tail) * (resamples - 1))]!];
}
