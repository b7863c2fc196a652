import type { Paper } from '../model';

/** The figures behind the library page's overview charts, from the papers alone. */

export interface Count {
  label: string;
  count: number;
}

function topCounts(counts: Map<string, Count>, limit: number): Count[] {
  return [...counts.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)).slice(0, limit);
}

/**
 * Papers per topic tag, most common first. A library whose papers carry no topic tags yet is shown
 * by category instead, and says so through `by`.
 */
export function papersPerTopic(papers: readonly Paper[], limit = 12): { by: 'topic' | 'category'; counts: Count[] } {
  const tally = (kind: 'topic' | 'category') => {
    const counts = new Map<string, Count>();
    for (const paper of papers) {
      for (const label of new Set(paper.tags.filter((t) => t.kind === kind).map((t) => t.label))) {
        const entry = counts.get(label) ?? { label, count: 0 };
        entry.count++;
        counts.set(label, entry);
      }
    }
    return topCounts(counts, limit);
  };
  const topics = tally('topic');
  return topics.length ? { by: 'topic', counts: topics } : { by: 'category', counts: tally('category') };
}

/** Saved papers per calendar month (UTC), oldest first, months without saves included, at most the last `months`. */
export function papersPerMonth(papers: readonly Paper[], months = 24): Count[] {
  const counts = new Map<string, number>();
  let latest = -Infinity;
  let earliest = Infinity;
  for (const paper of papers) {
    if (!paper.savedAt) continue;
    const date = new Date(paper.savedAt);
    const index = date.getUTCFullYear() * 12 + date.getUTCMonth();
    latest = Math.max(latest, index);
    earliest = Math.min(earliest, index);
    const key = String(index);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  if (!Number.isFinite(latest)) return [];
  const result: Count[] = [];
  for (let index = Math.max(earliest, latest - months + 1); index <= latest; index++) {
    const year = Math.floor(index / 12);
    const month = String((index % 12) + 1).padStart(2, '0');
    result.push({ label: `${year}-${month}`, count: counts.get(String(index)) ?? 0 });
  }
  return result;
}

export interface BenchmarkSummary {
  benchmark: string;
  /** Papers reporting a result on it. */
  papers: number;
  /** Its most reported metric, with how many papers report it. */
  metric: string;
  metricPapers: number;
  /** The values reported for that metric (absolute numbers only, in one unit), for a strip plot. */
  values: number[];
  unit: string;
}

/** "ImageNet-1k", "imagenet 1k" and "ImageNet 1K" are one benchmark. */
function benchmarkKey(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Most common spelling of each key, so labels read as the papers write them. */
class Spellings {
  private seen = new Map<string, Map<string, number>>();
  add(key: string, spelling: string): void {
    const forms = this.seen.get(key) ?? new Map<string, number>();
    forms.set(spelling, (forms.get(spelling) ?? 0) + 1);
    this.seen.set(key, forms);
  }
  best(key: string): string {
    const forms = [...(this.seen.get(key) ?? new Map<string, number>()).entries()];
    return forms.sort((a, b) => b[1] - a[1])[0]?.[0] ?? key;
  }
}

interface BenchmarkTally {
  papers: Set<string>;
  /** Metric key → ids of the papers reporting it. */
  metrics: Map<string, Set<string>>;
  claims: { metric: string; value: number; unit: string }[];
}

/** The benchmarks results are most often reported on, each with its most reported metric and values. */
export function benchmarkSummaries(papers: readonly Paper[], limit = 10): BenchmarkSummary[] {
  const byBenchmark = new Map<string, BenchmarkTally>();
  const names = new Spellings();
  const metricNames = new Spellings();
  for (const paper of papers) {
    for (const claim of paper.results) {
      const key = benchmarkKey(claim.dataset);
      if (!key) continue;
      names.add(key, claim.dataset.trim());
      const entry: BenchmarkTally = byBenchmark.get(key) ?? { papers: new Set(), metrics: new Map(), claims: [] };
      entry.papers.add(paper.id);
      const metric = benchmarkKey(claim.metric);
      if (metric) {
        metricNames.add(metric, claim.metric.trim());
        const reporting = entry.metrics.get(metric) ?? new Set<string>();
        reporting.add(paper.id);
        entry.metrics.set(metric, reporting);
        if (claim.kind === 'absolute' && claim.number !== null && Number.isFinite(claim.number)) entry.claims.push({ metric, value: claim.number, unit: claim.unit });
      }
      byBenchmark.set(key, entry);
    }
  }
  const summaries: BenchmarkSummary[] = [];
  for (const [key, entry] of byBenchmark) {
    const [metric, reporting] = [...entry.metrics.entries()].sort((a, b) => b[1].size - a[1].size)[0] ?? ['', new Set<string>()];
    const ofMetric = entry.claims.filter((c) => c.metric === metric);
    // Values in different units (% and absolute) do not share an axis: keep the most common unit.
    const unitCounts = new Map<string, number>();
    for (const c of ofMetric) unitCounts.set(c.unit, (unitCounts.get(c.unit) ?? 0) + 1);
    const unit = [...unitCounts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
    summaries.push({
      benchmark: names.best(key),
      papers: entry.papers.size,
      metric: metric ? metricNames.best(metric) : '',
      metricPapers: reporting.size,
      values: ofMetric.filter((c) => c.unit === unit).map((c) => c.value),
      unit,
    });
  }
  return summaries.sort((a, b) => b.papers - a.papers || a.benchmark.localeCompare(b.benchmark)).slice(0, limit);
}
