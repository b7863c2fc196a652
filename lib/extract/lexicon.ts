/**
 * Benchmark and metric names found in a sentence's tokens, by looking up every span of up to
 * MAX_SPAN tokens in hash maps (linear in the sentence length). The lists are derived from public
 * benchmark registries by scripts/build-extract-lexicon.ts; see assets/extract/README.md.
 */
import lexicon from '../../assets/extract/lexicon.json';
import type { Token } from './tokens';

export type MetricDirection = 'higher' | 'lower';

export interface Mention {
  /** Token indices [from, to). */
  from: number;
  to: number;
  text: string;
}

export interface MetricMention extends Mention {
  direction: MetricDirection;
}

const MAX_SPAN = 5;

/** "HotPotQA", "Hotpot-QA" and "hotpot_qa" meet; "SQuAD v2.0" also meets "SQuAD". */
export function benchmarkKey(name: string): string {
  // ASCII names (nearly all) skip Unicode normalisation, the costly step.
  const folded = /^[\x20-\x7e]*$/.test(name) ? name.toLowerCase() : name.normalize('NFKD').toLowerCase();
  return folded.replace(/[^\p{L}\p{N}]/gu, '');
}

/** Each token's key, computed once per token rather than once per span it is part of. */
function keyOf(t: Token): string {
  t.key ??= benchmarkKey(t.text);
  return t.key;
}

const hasCapitalOrDigit = (text: string) => /[A-Z\d]/.test(text);
const hasTwoCapitalsOrLetterDigit = (text: string) => /[A-Z][^A-Z]{0,40}[A-Z]/.test(text) || (/\p{L}/u.test(text) && /\d/.test(text));

/** The key without a trailing version: "SQuAD v2.0" and "MMLU-Pro 2" meet "SQuAD" and "MMLU-Pro". */
function withoutVersion(name: string): string | null {
  let end = name.length;
  while (end > 0 && /[\d.]/.test(name[end - 1]!)) end--;
  if (end === name.length) return null;
  if (end > 0 && (name[end - 1] === 'v' || name[end - 1] === 'V')) end--;
  // "Set5" must not make "Set" a benchmark: the base has to be a name on its own (CIFAR, SQuAD, MMLU-Pro).
  if (!hasTwoCapitalsOrLetterDigit(name.slice(0, end))) return null;
  const base = benchmarkKey(name.slice(0, end));
  return base.length >= 3 ? base : null;
}

/** Model families and general acronyms that look like benchmark names but are not. */
const NOT_BENCHMARK_PREFIX =
  /^(gpt|llama|qwen|claude|gemini|mistral|mixtral|deepseek|phi|gemma|bert|roberta|t5|vit|clip|resnet|palm|gopher|chinchilla|opt|bloom|falcon|vicuna|alpaca|o1|o3|o4|sonnet|opus|grok|kimi|glm|internlm|internvl|llava|blip|whisper|wav2vec|baichuan|olmo|pythia|flan|deberta|swin|convnext|efficientnet|yolo|dino|mamba|rwkv|sd|dall)/i;
const GENERAL_ACRONYMS = new Set(
  'llm llms vlm vlms mllm mllms lm lms dnn dnns rl rlhf rlvr ai nlp api apis gpu gpus cpu tpu sft dpo ppo grpo moe kv cot rag qa sota ml dl cnn cnns rnn gnn gnns mlp lora flops asr tts ood iid pdf pdfs url json html sql id ids uav ui gui ar vr xr llm-based hf github'.split(' '),
);

interface Lookup {
  benchmarks: Set<string>;
  metrics: Map<string, MetricDirection>;
  coreMetrics: Set<string>;
  /** First words of all metric names: a span starting elsewhere is never looked up. */
  metricStarts: Set<string>;
}

let cached: Lookup | undefined;

function lookup(): Lookup {
  if (cached) return cached;
  const benchmarks = new Set<string>();
  for (const name of lexicon.benchmarks) {
    const key = benchmarkKey(name);
    if (key.length >= 2 && !GENERAL_ACRONYMS.has(key)) benchmarks.add(key);
    const base = withoutVersion(name);
    if (base && !GENERAL_ACRONYMS.has(base)) benchmarks.add(base);
  }
  const metrics = new Map<string, MetricDirection>();
  for (const m of lexicon.metricsHigher) metrics.set(m, 'higher');
  for (const m of lexicon.metricsLower) metrics.set(m, 'lower');
  const metricStarts = new Set([...metrics.keys()].map((m) => m.split(' ')[0]!));
  cached = { benchmarks, metrics, coreMetrics: new Set(lexicon.metricsCore), metricStarts };
  return cached;
}

function spanText(tokens: Token[], from: number, to: number, source: string): string {
  return source.slice(tokens[from]!.start, tokens[to - 1]!.end);
}

/** A token that can start or continue a name: a word or number, never punctuation. */
function nameToken(t: Token | undefined): t is Token {
  return !!t && t.kind !== 'punct';
}

export function isModelOrAcronym(text: string): boolean {
  return NOT_BENCHMARK_PREFIX.test(text) || GENERAL_ACRONYMS.has(text.toLowerCase());
}

/** Words before a name that announce a benchmark ("on WebShop", "across HotPotQA", "the benchmark AIMicius"). */
const BENCHMARK_CONTEXT_BEFORE = new Set(['on', 'across', 'in', 'including', 'like', 'namely', 'and', 'or', 'both', 'benchmark', 'dataset']);
const BENCHMARK_CONTEXT_AFTER = new Set(['benchmark', 'benchmarks', 'dataset', 'datasets', 'suite', 'leaderboard', 'test', 'split', 'tasks', 'task', 'corpus']);

/**
 * A gazetteer hit counts only if written as a name: one word with two capitals or a digit (MMLU,
 * GSM8K), or several capitalised words (Natural Questions). "For instance" and a sentence-initial
 * "Set" are prose that happens to match a key.
 */
function writtenAsName(tokens: Token[], from: number, to: number): boolean {
  const words = tokens.slice(from, to).filter((t) => t.kind !== 'punct');
  if (words.some((t) => hasTwoCapitalsOrLetterDigit(t.text))) return true;
  return words.length >= 2 && words.every((t) => /^\p{Lu}/u.test(t.text));
}

/**
 * Benchmark names in tokens[from, to): the longest span whose key is in the gazetteer (written with a
 * capital or a digit, so prose words never match), else a single name-shaped word (WebShop, GSM8K)
 * where the sentence announces a benchmark ("on X", "X benchmark", or a list continuing one).
 */
export function findBenchmarks(tokens: Token[], from: number, to: number, source: string): Mention[] {
  const { benchmarks } = lookup();
  const found: Mention[] = [];
  let i = from;
  while (i < to) {
    const t = tokens[i]!;
    if (!nameToken(t) || !hasCapitalOrDigit(t.text) || t.kind === 'number') {
      i++;
      continue;
    }
    let matchEnd = -1;
    let key = '';
    for (let j = i; j < Math.min(to, i + MAX_SPAN); j++) {
      const tj = tokens[j]!;
      if (j > i && !tj.spaceBefore && tj.kind === 'punct' && tj.text !== '-') break;
      if (tj.kind === 'punct' && tj.text !== '-') break;
      key += keyOf(tj);
      if (benchmarks.has(key) && writtenAsName(tokens, i, j + 1) && !isModelOrAcronym(t.text)) matchEnd = j + 1;
    }
    const nameShaped = t.kind === 'word' && t.text.length >= 3 && /^[A-Z\d]/.test(t.text) && !t.text.includes('/') && hasTwoCapitalsOrLetterDigit(t.text);
    if (matchEnd < 0 && nameShaped && !isModelOrAcronym(t.text)) {
      const prev = tokens[i - 1];
      const next = tokens[i + 1];
      const previousMention = found[found.length - 1];
      const continuesList = !!previousMention && previousMention.to >= i - 2 && !!prev && (prev.text === ',' || prev.lower === 'and' || prev.lower === 'or');
      const announced = (!!prev && i > from && BENCHMARK_CONTEXT_BEFORE.has(prev.lower) && prev.lower !== 'and' && prev.lower !== 'or') || (!!next && BENCHMARK_CONTEXT_AFTER.has(next.lower));
      if (announced || continuesList) matchEnd = i + 1;
    }
    // A metric's name ("PSNR", "QPS") is never the benchmark.
    if (matchEnd > 0 && !(matchEnd === i + 1 && lookup().metrics.has(t.lower))) {
      found.push({ from: i, to: matchEnd, text: spanText(tokens, i, matchEnd, source) });
      i = matchEnd;
    } else i++;
  }
  return found;
}

/**
 * Metric names in tokens[from, to), longest first. A lone lower-case word counts only if it is one of
 * the core metrics ("accuracy"), so leaderboard columns such as "power" do not fire on prose.
 */
export function findMetrics(tokens: Token[], from: number, to: number, source: string): MetricMention[] {
  const { metrics, coreMetrics, metricStarts } = lookup();
  const found: MetricMention[] = [];
  let i = from;
  while (i < to) {
    if (!nameToken(tokens[i]) || tokens[i]!.kind === 'number' || !metricStarts.has(tokens[i]!.lower)) {
      i++;
      continue;
    }
    let best: MetricMention | undefined;
    let key = '';
    for (let j = i; j < Math.min(to, i + 4); j++) {
      const tj = tokens[j]!;
      if (!nameToken(tj)) break;
      key = key ? `${key} ${tj.lower}` : tj.lower;
      const direction = metrics.get(key);
      if (!direction) continue;
      const single = j === i;
      if (single && !coreMetrics.has(key) && !/[A-Z\d@]/.test(tj.text.slice(1))) continue;
      best = { from: i, to: j + 1, text: spanText(tokens, i, j + 1, source), direction };
    }
    if (best) {
      found.push(best);
      i = best.to;
    } else i++;
  }
  return found;
}
