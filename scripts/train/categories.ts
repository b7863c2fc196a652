/**
 * Trains the category model shipped in assets/classify/categories.json.
 *
 * Model: a linear softmax over the categories on the hashed uni+bigram features of
 * lib/classify/features.ts, trained by SGD on a target that puts `primaryShare` on the paper's primary
 * category and splits the rest over its cross-lists (so the top category is the primary one, and
 * cross-lists still rank high). Choices, each because the labelled data is small and skewed:
 * - class weighting: a paper of a rare primary category counts up to `maxPositiveWeight` times;
 * - title-only augmentation: every paper is also seen as its title alone, so title-only prediction works;
 * - category descriptions: each category's name and arXiv description is an extra labelled example;
 * - hierarchy: each category's weight vector is its own plus a vector shared by its archive (math, cs,
 *   ...), trained from every category in the archive, so a rare category starts from what its archive
 *   looks like. The two are folded into one vector on export, so the hierarchy costs nothing at run time.
 * Then small weights are pruned, the rest quantised to int8, and one Platt scaling plus the threshold for
 * extra categories are fitted on the calibration split with the shipped (quantised) model.
 *
 * Deterministic: a seeded shuffle, single-threaded float arithmetic, stable orders everywhere.
 */
import { CategoryModel, encodeTable, MODEL_FORMAT, type CategoryModelFile } from '../../lib/classify/categories';
import { featureVector } from '../../lib/classify/features';
import type { CategoryInfo, LabelledPaper } from './data';

export interface TrainOptions {
  seed: number;
  epochs: number;
  learningRate: number;
  /** lr(epoch) = learningRate / (1 + learningRateDecay · epoch). */
  learningRateDecay: number;
  /** Share of the target on the primary category; cross-lists split the rest. */
  primaryShare: number;
  /** L2 decay applied to the weights an example touches. */
  l2: number;
  /** N-grams must occur in at least this many training papers to get a weight. */
  minDocFrequency: number;
  titleOnlyWeight: number;
  descriptionWeight: number;
  maxPositiveWeight: number;
  /** How strongly an archive's shared vector follows its categories' gradients. */
  archiveShare: number;
  /**
   * Weight of a second loss on the archive: −log of the total probability of the primary category's
   * archive (its categories' probabilities summed), so the softmax learns to put its mass in the right
   * archive even when it cannot tell the category. 0 turns it off.
   */
  archiveLoss: number;
  /** Budget of (feature, class) weights kept after pruning. */
  maxEntries: number;
  maxCategories: number;
  log?: (line: string) => void;
}

export const DEFAULT_OPTIONS: TrainOptions = {
  seed: 20261126,
  epochs: 6,
  learningRate: 1.0,
  learningRateDecay: 0.5,
  primaryShare: 0.8,
  l2: 3e-5,
  minDocFrequency: 3,
  titleOnlyWeight: 0.6,
  descriptionWeight: 2,
  maxPositiveWeight: 12,
  archiveShare: 0.3,
  archiveLoss: 0.25,
  maxEntries: 575_000,
  maxCategories: 4,
};

/** mulberry32: small, seeded, good enough to shuffle. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Example {
  features: Int32Array;
  values: Float32Array;
  labels: number[];
  weight: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Logits of one example: each category's own weights plus its archive's shared weights. */
function forward(ex: Example, weights: Float32Array, bias: Float32Array, archiveOf: Int32Array, C: number, width: number, logits: Float32Array, archiveLogits: Float32Array): void {
  logits.set(bias);
  archiveLogits.fill(0);
  for (let f = 0; f < ex.features.length; f++) {
    const row = ex.features[f]! * width;
    const x = ex.values[f]!;
    for (let c = 0; c < C; c++) logits[c]! += x * weights[row + c]!;
    for (let a = 0; a < archiveLogits.length; a++) archiveLogits[a]! += x * weights[row + C + a]!;
  }
  for (let c = 0; c < C; c++) logits[c]! += archiveLogits[archiveOf[c]!]!;
}

/** Target distribution: `primaryShare` on the primary category, the rest split over cross-lists. */
function targetsOf(labels: number[], primaryShare: number): Map<number, number> {
  if (labels.length === 1) return new Map([[labels[0]!, 1]]);
  const rest = (1 - primaryShare) / (labels.length - 1);
  return new Map(labels.map((label, i) => [label, i === 0 ? primaryShare : rest]));
}

/** Keys of n-grams that occur in at least `minDf` of the given papers → dense index. */
function buildVocabulary(papers: LabelledPaper[], minDf: number): Map<number, number> {
  const df = new Map<number, number>();
  for (const paper of papers) for (const key of featureVector(paper.title, paper.abstract).keys) df.set(key, (df.get(key) ?? 0) + 1);
  const kept = [...df].filter(([, count]) => count >= minDf).map(([key]) => key);
  kept.sort((a, b) => a - b);
  return new Map(kept.map((key, i) => [key, i]));
}

function example(title: string, abstract: string, labels: number[], weight: number, vocabulary: Map<number, number>): Example {
  const vector = featureVector(title, abstract);
  const features: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < vector.keys.length; i++) {
    const index = vocabulary.get(vector.keys[i]!);
    if (index === undefined) continue;
    features.push(index);
    values.push(vector.values[i]!);
  }
  return { features: Int32Array.from(features), values: Float32Array.from(values), labels, weight };
}

/** Fits sigmoid(slope·z + intercept) to (logit, label) pairs by Newton's method on the log loss. */
export function fitPlatt(logits: Float32Array, labels: Uint8Array): { slope: number; intercept: number } {
  let slope = 1;
  let intercept = 0;
  for (let iter = 0; iter < 50; iter++) {
    let gA = 0;
    let gB = 0;
    let hAA = 1e-9;
    let hAB = 0;
    let hBB = 1e-9;
    for (let i = 0; i < logits.length; i++) {
      const z = logits[i]!;
      const p = sigmoid(slope * z + intercept);
      const r = p - labels[i]!;
      const w = p * (1 - p);
      gA += r * z;
      gB += r;
      hAA += w * z * z;
      hAB += w * z;
      hBB += w;
    }
    const det = hAA * hBB - hAB * hAB;
    if (Math.abs(det) < 1e-12) break;
    const dA = (hBB * gA - hAB * gB) / det;
    const dB = (hAA * gB - hAB * gA) / det;
    slope -= dA;
    intercept -= dB;
    if (Math.abs(dA) + Math.abs(dB) < 1e-7) break;
  }
  return { slope, intercept };
}

/** Micro-F1 of predicted category sets against the truth. */
export function microF1(predicted: string[][], truth: string[][]): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  predicted.forEach((set, i) => {
    const gold = new Set(truth[i]);
    for (const id of set) if (gold.has(id)) tp++;
    else fp++;
    fn += gold.size - set.filter((id) => gold.has(id)).length;
  });
  return tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
}

export function trainCategoryModel(
  train: LabelledPaper[],
  calibration: LabelledPaper[],
  categories: CategoryInfo[],
  options: TrainOptions = DEFAULT_OPTIONS,
): CategoryModelFile {
  const log = options.log ?? (() => {});
  const classIndex = new Map(categories.map((c, i) => [c.id, i]));
  const archives = [...new Set(categories.map((c) => c.archive))];
  const archiveOf = Int32Array.from(categories.map((c) => archives.indexOf(c.archive)));
  const C = categories.length;
  const width = C + archives.length;

  const vocabulary = buildVocabulary(train, options.minDocFrequency);
  log(`vocabulary: ${vocabulary.size} n-grams in ≥ ${options.minDocFrequency} of ${train.length} training papers`);

  const labelsOf = (paper: LabelledPaper) => paper.categories.map((id) => classIndex.get(id)!).filter((i) => i !== undefined);
  const examples: Example[] = [];
  for (const paper of train) {
    const labels = labelsOf(paper);
    if (!labels.length) continue;
    examples.push(example(paper.title, paper.abstract, labels, 1, vocabulary));
    examples.push(example(paper.title, '', labels, options.titleOnlyWeight, vocabulary));
  }
  categories.forEach((category, i) => {
    examples.push(example(category.name, `${category.archiveName}. ${category.description}`, [i], options.descriptionWeight, vocabulary));
  });

  const positives = new Float64Array(C);
  for (const paper of train) for (const label of labelsOf(paper)) positives[label]!++;
  const sortedCounts = [...positives].sort((a, b) => a - b);
  const median = Math.max(1, sortedCounts[Math.floor(C / 2)]!);
  const positiveWeight = Float32Array.from(positives, (n) => Math.min(options.maxPositiveWeight, Math.max(1, Math.sqrt(median / Math.max(n, 1)))));

  const weights = new Float32Array(vocabulary.size * width);
  const bias = new Float32Array(C);
  const random = seededRandom(options.seed);
  const order = examples.map((_, i) => i);
  const logits = new Float32Array(C);
  const archiveLogits = new Float32Array(width - C);
  const gradient = new Float32Array(width);
  const active: number[] = [];

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const started = Date.now();
    const lr = options.learningRate / (1 + options.learningRateDecay * epoch);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let loss = 0;
    for (const index of order) {
      const ex = examples[index]!;
      forward(ex, weights, bias, archiveOf, C, width, logits, archiveLogits);
      gradient.fill(0);
      active.length = 0;
      const targets = targetsOf(ex.labels, options.primaryShare);
      // Softmax over categories: the primary category is the main target, cross-lists share the rest.
      let max = -Infinity;
      for (let c = 0; c < C; c++) max = Math.max(max, logits[c]!);
      let total = 0;
      for (let c = 0; c < C; c++) total += Math.exp(logits[c]! - max);
      const exampleWeight = ex.weight * positiveWeight[ex.labels[0]!]!;
      // The archive loss: with P = the probability of the primary's archive, d(−log P)/dz_c is
      // p_c − p_c / P for the archive's categories and p_c for the others.
      const primaryArchive = archiveOf[ex.labels[0]!]!;
      let archiveMass = 0;
      if (options.archiveLoss > 0) for (let c = 0; c < C; c++) if (archiveOf[c] === primaryArchive) archiveMass += Math.exp(logits[c]! - max) / total;
      for (let c = 0; c < C; c++) {
        const p = Math.exp(logits[c]! - max) / total;
        const target = targets.get(c) ?? 0;
        if (target > 0) loss -= target * Math.log(p + 1e-12);
        let g = (p - target) * exampleWeight;
        if (options.archiveLoss > 0) g += options.archiveLoss * exampleWeight * (archiveOf[c] === primaryArchive ? p - p / Math.max(archiveMass, 1e-12) : p);
        if (Math.abs(g) < 1e-4) continue;
        gradient[c] = g;
        gradient[C + archiveOf[c]!]! += g * options.archiveShare;
        active.push(c);
      }
      for (let a = C; a < width; a++) if (gradient[a] !== 0) active.push(a);
      const decay = 1 - lr * options.l2;
      for (let f = 0; f < ex.features.length; f++) {
        const row = ex.features[f]! * width;
        const step = lr * ex.values[f]!;
        for (const c of active) weights[row + c] = weights[row + c]! * decay - step * gradient[c]!;
      }
      for (const c of active) if (c < C) bias[c]! -= lr * gradient[c]! * 0.1;
    }
    log(`epoch ${epoch + 1}/${options.epochs}: lr ${lr.toFixed(3)}, mean loss ${(loss / order.length).toFixed(4)}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  if (calibration.length) {
    const hits = calibration.filter((paper) => {
      forward(example(paper.title, paper.abstract, [], 1, vocabulary), weights, bias, archiveOf, C, width, logits, archiveLogits);
      return categories[logits.indexOf(Math.max(...logits))]!.archive === categories[classIndex.get(paper.categories[0]!)!]!.archive;
    }).length;
    log(`float model before pruning: calibration archive accuracy ${(hits / calibration.length).toFixed(4)}`);
  }

  const file = exportModel(weights, bias, vocabulary, categories, archiveOf, options);
  return calibrate(file, calibration, log);
}

/** Folds archive vectors into their categories, prunes to the entry budget and quantises to int8. */
function exportModel(
  weights: Float32Array,
  bias: Float32Array,
  vocabulary: Map<number, number>,
  categories: CategoryInfo[],
  archiveOf: Int32Array,
  options: TrainOptions,
): CategoryModelFile {
  const C = categories.length;
  const width = C + Math.max(0, ...archiveOf) + 1;
  const folded = (row: number, c: number) => weights[row + c]! + weights[row + C + archiveOf[c]!]!;

  // The pruning threshold: the magnitude of the maxEntries-th largest folded weight, from a histogram.
  const bins = 4096;
  let largest = 0;
  for (const index of vocabulary.values()) for (let c = 0; c < C; c++) largest = Math.max(largest, Math.abs(folded(index * width, c)));
  const histogram = new Float64Array(bins);
  for (const index of vocabulary.values()) for (let c = 0; c < C; c++) histogram[Math.min(bins - 1, Math.floor((Math.abs(folded(index * width, c)) / largest) * bins))]!++;
  let kept = 0;
  let cutBin = bins - 1;
  for (; cutBin > 0; cutBin--) {
    if (kept + histogram[cutBin]! > options.maxEntries) break;
    kept += histogram[cutBin]!;
  }
  const cut = ((cutBin + 1) / bins) * largest;
  const scale = largest / 127;

  const features: { key: number; entries: { cls: number; weight: number }[] }[] = [];
  for (const [key, index] of vocabulary) {
    const entries: { cls: number; weight: number }[] = [];
    for (let c = 0; c < C; c++) {
      const w = folded(index * width, c);
      if (Math.abs(w) < cut) continue;
      const q = Math.max(-127, Math.min(127, Math.round(w / scale)));
      if (q !== 0) entries.push({ cls: c, weight: q });
    }
    if (!entries.length) continue;
    entries.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
    features.push({ key, entries: entries.slice(0, 255).sort((a, b) => a.cls - b.cls) });
  }
  const table = Buffer.from(encodeTable(features)).toString('base64');
  options.log?.(`exported ${features.length} n-grams, ${features.reduce((n, f) => n + f.entries.length, 0)} weights (|w| ≥ ${cut.toFixed(4)}), ${(table.length / 1024).toFixed(0)} KiB base64`);
  return {
    format: MODEL_FORMAT,
    classes: categories.map((c) => c.id),
    names: categories.map((c) => c.name),
    archives: categories.map((c) => c.archive),
    bias: Array.from(bias, (b) => Math.round(b * 1e4) / 1e4),
    scale,
    calibration: { slope: 1, intercept: 0 },
    titleCalibration: { slope: 1, intercept: 0 },
    threshold: 0.5,
    maxCategories: options.maxCategories,
    table,
  };
}

/** Platt scaling (full and title-only) and the extra-category threshold, fitted with the quantised model on the calibration split. */
function calibrate(file: CategoryModelFile, calibration: LabelledPaper[], log: (line: string) => void): CategoryModelFile {
  if (!calibration.length) return file;
  const model = new CategoryModel(file);
  const C = file.classes.length;
  const fit = (titleOnly: boolean) => {
    const allLogits = new Float32Array(calibration.length * C);
    const labels = new Uint8Array(calibration.length * C);
    calibration.forEach((paper, i) => {
      allLogits.set(model.logProbabilities(featureVector(paper.title, titleOnly ? '' : paper.abstract)), i * C);
      for (const id of paper.categories) {
        const c = file.classes.indexOf(id);
        if (c >= 0) labels[i * C + c] = 1;
      }
    });
    const platt = fitPlatt(allLogits, labels);
    return { slope: Math.round(platt.slope * 1e5) / 1e5, intercept: Math.round(platt.intercept * 1e5) / 1e5 };
  };
  const platt = fit(false);
  const titlePlatt = fit(true);
  const archiveBlend = fitArchiveBlend(file, calibration, log);
  const calibrated = new CategoryModel({ ...file, calibration: platt, titleCalibration: titlePlatt, archiveBlend });
  const complete = calibration.filter((p) => p.complete);
  // The extra-category threshold that maximises micro-F1, for full papers and for titles alone (their
  // scores are flatter, so the best cut differs).
  const fitThreshold = (titleOnly: boolean) => {
    const ranked = complete.map((paper) => calibrated.rank(featureVector(paper.title, titleOnly ? '' : paper.abstract), titleOnly));
    let best = { threshold: 0.5, f1: -1 };
    for (let t = 0.05; t < 0.951; t += 0.05) {
      const predicted = ranked.map((list) => [list[0]!.id, ...list.slice(1, file.maxCategories).filter((s) => s.score >= t).map((s) => s.id)]);
      const f1 = microF1(
        predicted,
        complete.map((p) => p.categories),
      );
      if (f1 > best.f1) best = { threshold: Math.round(t * 100) / 100, f1 };
    }
    return best;
  };
  const best = fitThreshold(false);
  const titleBest = fitThreshold(true);
  log(
    `calibration: slope ${platt.slope}, intercept ${platt.intercept} (title only: ${titlePlatt.slope}, ${titlePlatt.intercept}); extra-category threshold ${best.threshold} (calibration micro-F1 ${best.f1.toFixed(3)}), title only ${titleBest.threshold} (${titleBest.f1.toFixed(3)})`,
  );
  return { ...file, calibration: platt, titleCalibration: titlePlatt, threshold: best.threshold, titleThreshold: titleBest.threshold, archiveBlend };
}

/**
 * The archive blend of CategoryModel.firstClass, chosen on the calibration split: the grid value with
 * the most papers whose primary category (and so whose archive) is the first class, counting archive
 * and category hits alike, so a better archive is not bought with a worse category. Ties go to the
 * smaller blend (0 is the plain argmax).
 */
function fitArchiveBlend(file: CategoryModelFile, calibration: LabelledPaper[], log: (line: string) => void): number {
  const model = new CategoryModel(file);
  const archive = (id: string) => id.split('.')[0]!;
  const cases = calibration.map((paper) => ({ paper, logProbabilities: model.logProbabilities(featureVector(paper.title, paper.abstract)) }));
  let best = { blend: 0, hits: -1, archive: 0, category: 0 };
  for (let step = 0; step <= 20; step++) {
    const blend = step / 20;
    const blended = new CategoryModel({ ...file, archiveBlend: blend });
    let archiveHits = 0;
    let categoryHits = 0;
    for (const { paper, logProbabilities } of cases) {
      const first = file.classes[blended.firstClass(logProbabilities)]!;
      if (archive(first) === archive(paper.categories[0]!)) archiveHits++;
      if (first === paper.categories[0]) categoryHits++;
    }
    if (archiveHits + categoryHits > best.hits) best = { blend, hits: archiveHits + categoryHits, archive: archiveHits, category: categoryHits };
  }
  log(`archive blend ${best.blend}: calibration archive accuracy ${(best.archive / cases.length).toFixed(4)}, category accuracy ${(best.category / cases.length).toFixed(4)}`);
  return best.blend;
}
