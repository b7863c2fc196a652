/**
 * Builds assets/extract/lexicon.json, the benchmark gazetteer and metric list (with directions) that
 * lib/extract uses, from the public lists in ../shared/data (see assets/extract/README.md for provenance).
 *
 *   npx tsx scripts/build-extract-lexicon.ts
 *
 * Only names and directions are kept, never descriptions; the output is deterministic (sorted).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { csvRows } from './lib/csv';

const SHARED = path.resolve(import.meta.dirname, '../../shared/data');
const OUT = path.resolve(import.meta.dirname, '../assets/extract/lexicon.json');

const read = (...parts: string[]) => readFileSync(path.join(SHARED, ...parts), 'utf8');

function csvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = csvRows(text);
  return rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i] ?? ''])));
}

// ---------------------------------------------------------------- benchmarks

/** "COCO test-dev" → "COCO", "Set5 - 4x upscaling" → "Set5", "MuLD (NarrativeQA)" → "MuLD". */
function baseDatasetName(raw: string): string {
  return raw
    .replace(/\s+-\s.*$/, '')
    .replace(/\s*\(.*$/, '')
    .replace(/\s+(test|dev|val|validation|train|test-dev|test-std|test-other|test-clean|dev-clean|dev-other|testA|testB)$/i, '')
    .trim();
}

/**
 * A name that reads as a benchmark in running text: at most 5 words, and either a word with two
 * capitals or a letter-digit mix (MMLU, WebShop, GSM8K, SQuAD1.1), or several Title-Case words
 * (Natural Questions). Single ordinary words ("Satellite", "Overall") would fire on prose, so they go.
 */
function looksLikeBenchmark(name: string): boolean {
  if (name.length < 2 || name.length > 60) return false;
  const words = name.split(/\s+/);
  if (words.length > 5) return false;
  const distinctive = words.some((w) => /[A-Z].*[A-Z]/.test(w) || (/[A-Za-z]/.test(w) && /\d/.test(w)));
  if (distinctive) return true;
  return words.length >= 2 && words.length <= 4 && words.every((w) => /^[A-Z][a-z]+$/.test(w) || /^(of|the|and|for|in)$/.test(w));
}

function benchmarkNames(): Set<string> {
  const names: string[] = [];
  for (const line of read('benchmarks', 'pwc2021_TDM_taxonomy.tsv').split('\n')) {
    const dataset = line.split('\t')[0]?.split('#')[1];
    if (dataset) names.push(baseDatasetName(dataset.trim()));
  }
  for (const file of ['pwc_cv_tasks_detailed.csv', 'pwc_nlp_tasks_detailed.csv', 'pwc_audio_tasks_detailed.csv', 'pwc_other_tasks_detailed.csv']) {
    for (const row of csvObjects(read('taxonomy', file))) {
      for (const column of ['Common Datasets (Top 10)', 'Benchmarks']) {
        for (const name of (row[column] ?? '').split(';')) names.push(baseDatasetName(name.trim()));
      }
    }
  }
  for (const m of read('benchmarks', 'opencompass_dataset-index.yml').matchAll(/^ {4}name: (.+)$/gm)) names.push(m[1]!.trim().replace(/^'|'$/g, ''));
  // The harness lists task families as identifiers (gsm8k, mmlu_pro): kept for their normalised key only.
  for (const m of read('benchmarks', 'lm_eval_tasks_README.md').matchAll(/^\| \[([^\]]+)\]/gm)) names.push(m[1]!.toUpperCase());
  for (const file of readdirSync(path.join(SHARED, 'benchmarks', 'helm_schemas'))) {
    const text = read('benchmarks', 'helm_schemas', file);
    const runGroups = text.indexOf('\nrun_groups:');
    if (runGroups < 0) continue;
    for (const m of text.slice(runGroups).matchAll(/^ {4}display_name: (.+)$/gm)) names.push(baseDatasetName(m[1]!.trim().replace(/^'|'$/g, '')));
  }
  // Bold paper titles: "**Alfworld: Aligning text ...**" → the name before the colon. The list is curated
  // benchmarks whose case the citations flattened ("Gaia"), so they skip the shape test below.
  const curated: string[] = [];
  for (const m of read('benchmarks', 'agential_language_agent_benchmarks_README.md').matchAll(/\*\*([^*:]{2,40}):/g)) {
    if (m[1]!.trim().split(/\s+/).length <= 3) curated.push(m[1]!.trim());
  }
  for (const line of read('benchmarks', 'dataanswer_gui_agent_benchmarks_README.md').split('\n')) {
    const cell = line.startsWith('| ') ? line.split('|')[1]?.trim() : undefined;
    if (cell && cell !== 'Benchmark' && !cell.startsWith('---')) names.push(cell);
  }
  const kept = new Set<string>();
  const plausible = (name: string) => /[A-Za-z]/.test(name) && /^[\p{L}\p{N} .\-+_/&'×]+$/u.test(name);
  for (const name of names) {
    const clean = name.replace(/\s+/g, ' ').replace(/^The /, '').trim();
    // Harness identifiers are upper-cased above; they pass if they carry a digit or are short acronyms.
    if (plausible(clean) && (looksLikeBenchmark(clean) || /^[A-Z0-9_]{3,12}$/.test(clean))) kept.add(clean);
  }
  for (const name of curated) if (plausible(name)) kept.add(name);
  return kept;
}

// ---------------------------------------------------------------- metrics

type Direction = 'higher' | 'lower';

/** Words that mark a lower-is-better metric when a source states no direction (PwC leaderboards). */
const LOWER_IS_BETTER = /error|loss|\bwer\b|\bcer\b|\bfid\b|perplexity|\bppl\b|distance|\bmae\b|\bmse\b|\brmse\b|latency|\btime\b|runtime|\bece\b|\beer\b|\bfpr\b|\bbpb\b|bits per|\bade\b|\bfde\b|chamfer|lpips|memory|cost|\bfnr\b|miss rate/i;

/** Metrics every abstract uses, in plain words, with their direction. Written by hand for this project. */
const CORE_METRICS: [string, Direction][] = [
  ['accuracy', 'higher'], ['top-1 accuracy', 'higher'], ['top-5 accuracy', 'higher'], ['success rate', 'higher'],
  ['task success rate', 'higher'], ['win rate', 'higher'], ['pass rate', 'higher'], ['pass@1', 'higher'], ['pass@k', 'higher'],
  ['exact match', 'higher'], ['F1', 'higher'], ['F1 score', 'higher'], ['macro F1', 'higher'], ['micro F1', 'higher'],
  ['precision', 'higher'], ['recall', 'higher'], ['AUC', 'higher'], ['AUROC', 'higher'], ['AUPRC', 'higher'],
  ['BLEU', 'higher'], ['ROUGE', 'higher'], ['ROUGE-L', 'higher'], ['METEOR', 'higher'], ['CIDEr', 'higher'], ['BERTScore', 'higher'],
  ['mAP', 'higher'], ['AP', 'higher'], ['mIoU', 'higher'], ['IoU', 'higher'], ['PSNR', 'higher'], ['SSIM', 'higher'],
  ['NDCG', 'higher'], ['MRR', 'higher'], ['Hits@1', 'higher'], ['Hits@10', 'higher'], ['Recall@1', 'higher'], ['Recall@10', 'higher'],
  ['reward', 'higher'], ['return', 'higher'], ['score', 'higher'], ['performance', 'higher'], ['throughput', 'higher'],
  ['speed', 'higher'], ['inference speed', 'higher'], ['training speed', 'higher'], ['efficiency', 'higher'], ['robustness', 'higher'],
  ['correlation', 'higher'], ['agreement', 'higher'], ['coverage', 'higher'], ['fidelity', 'higher'], ['utilization', 'higher'],
  ['sample efficiency', 'higher'], ['Elo', 'higher'], ['R2', 'higher'], ['Sharpe ratio', 'higher'], ['sensitivity', 'higher'],
  ['specificity', 'higher'], ['QPS', 'higher'], ['tokens per second', 'higher'], ['FPS', 'higher'], ['detection rate', 'higher'], ['hit rate', 'higher'], ['resolve rate', 'higher'], ['solve rate', 'higher'],
  ['error', 'lower'], ['error rate', 'lower'], ['WER', 'lower'], ['CER', 'lower'], ['FID', 'lower'], ['perplexity', 'lower'],
  ['latency', 'lower'], ['inference time', 'lower'], ['training time', 'lower'], ['runtime', 'lower'], ['inference latency', 'lower'],
  ['memory', 'lower'], ['memory usage', 'lower'], ['memory footprint', 'lower'], ['KV cache', 'lower'], ['cost', 'lower'],
  ['inference cost', 'lower'], ['training cost', 'lower'], ['computational cost', 'lower'], ['compute', 'lower'], ['FLOPs', 'lower'],
  ['energy', 'lower'], ['energy consumption', 'lower'], ['MAE', 'lower'], ['MSE', 'lower'], ['RMSE', 'lower'], ['loss', 'lower'],
  ['hallucination rate', 'lower'], ['hallucinations', 'lower'], ['attack success rate', 'lower'], ['false positive rate', 'lower'],
  ['false positives', 'lower'], ['regret', 'lower'], ['variance', 'lower'], ['bias', 'lower'], ['calibration error', 'lower'],
  ['ECE', 'lower'], ['token usage', 'lower'], ['tokens', 'lower'], ['parameters', 'lower'], ['model size', 'lower'],
];

/** Bookkeeping or setting columns that PwC lists as "metrics" but no abstract reports as a result. */
const NOT_A_METRIC = /^(params?|parameters|number of params|#|overall|average|avg|mean|all|total|model size)\b/i;

const PWC_MIN_USES = 4;

function metricDirections(): Map<string, Direction> {
  const out = new Map<string, Direction>();
  const add = (raw: string, direction: Direction) => {
    const name = raw.replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
    if (name.length < 2 || name.length > 40 || !/[A-Za-z]/.test(name) || /^\d/.test(name) || NOT_A_METRIC.test(name)) return;
    if (name.split(' ').length > 4 || /[(),:;"]/.test(name)) return;
    const key = name.toLowerCase();
    if (!out.has(key)) out.set(key, direction);
  };
  for (const [name, direction] of CORE_METRICS) add(name, direction);
  for (const row of csvObjects(read('benchmarks', 'lm_eval_metric_directions.csv'))) {
    if (row.consensus_direction === 'higher' || row.consensus_direction === 'lower') add(row.metric_id!, row.consensus_direction);
  }
  for (const row of csvObjects(read('benchmarks', 'helm_metrics_directions.csv'))) {
    if (row.direction !== 'higher' && row.direction !== 'lower') continue;
    for (const name of [row.display_name!, row.short_display_name!]) if (name) add(name, row.direction);
  }
  // PwC leaderboard columns are free text ("power", "replace", "training images"): only metrics that
  // several leaderboards share are kept.
  const pwcUses = new Map<string, number>();
  const countUse = (raw: string, uses: number) => pwcUses.set(raw.trim(), (pwcUses.get(raw.trim()) ?? 0) + uses);
  for (const line of read('benchmarks', 'pwc2021_TDM_taxonomy.tsv').split('\n')) {
    const [triple, uses] = line.split('\t');
    countUse(triple?.split('#')[2] ?? '', Number(uses) || 1);
  }
  for (const file of ['pwc_cv_tasks_detailed.csv', 'pwc_nlp_tasks_detailed.csv', 'pwc_audio_tasks_detailed.csv', 'pwc_other_tasks_detailed.csv']) {
    for (const row of csvObjects(read('taxonomy', file))) for (const raw of (row['SOTA Metrics'] ?? '').split(';')) countUse(raw, 1);
  }
  const pwcMetrics = [...pwcUses].filter(([, uses]) => uses >= PWC_MIN_USES).map(([raw]) => raw);
  for (const raw of pwcMetrics) {
    // "Word Error Rate (WER)" gives both the long name and the acronym.
    const m = /^([^()]+?)\s*\(([^()]+)\)\s*$/.exec(raw.trim());
    const names = m ? [m[1]!, m[2]!] : [raw.trim()];
    for (const name of names) add(name, LOWER_IS_BETTER.test(name) ? 'lower' : 'higher');
  }
  return out;
}

const benchmarks = [...benchmarkNames()].sort();
const metrics = [...metricDirections()].sort(([a], [b]) => a.localeCompare(b));
const lexicon = {
  about: 'Derived by scripts/build-extract-lexicon.ts; provenance in assets/extract/README.md.',
  benchmarks,
  metricsHigher: metrics.filter(([, d]) => d === 'higher').map(([m]) => m),
  metricsLower: metrics.filter(([, d]) => d === 'lower').map(([m]) => m),
  /** Plain words that count as metrics even lower-case and alone ("accuracy", "latency"). */
  metricsCore: CORE_METRICS.map(([m]) => m.toLowerCase()).sort(),
};
writeFileSync(OUT, `${JSON.stringify(lexicon, null, 0).replace(/\],"/g, '],\n"')}\n`);
console.log(`wrote ${benchmarks.length} benchmark names, ${lexicon.metricsHigher.length} higher- and ${lexicon.metricsLower.length} lower-is-better metrics to ${path.relative(process.cwd(), OUT)}`);
