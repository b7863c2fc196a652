/**
 * arXiv subject categories predicted on the device: a linear softmax model over hashed word uni- and
 * bigrams (lib/classify/features.ts), trained by `npm run train` (scripts/train/categories.ts).
 *
 * The weights ship as a sparse table in assets/classify/categories.json: for each n-gram hash that
 * carries weight, a few (class, int8 weight) pairs. A paper's logits are the bias plus, for each of its
 * n-grams, the weights found in the table: one hash lookup per n-gram, so a paper costs time linear in
 * its length. A category's score is its log-probability passed through one Platt scaling (slope,
 * intercept) fitted on a calibration slice that training never saw, so a score of 0.7 means "this
 * category applies about 7 times in 10", cross-lists included.
 */
import { paperWords, wordsVector, type PaperWords, type SparseVector } from './features';

export const MODEL_FORMAT = 'paperlens-categories/1';

export interface Platt {
  slope: number;
  intercept: number;
}

/** The JSON file as written by the training script. */
export interface CategoryModelFile {
  format: string;
  /** Canonical active category ids, in class order. */
  classes: string[];
  names: string[];
  archives: string[];
  /** Per-class bias of the logit. */
  bias: number[];
  /** int8 weight × scale = the float weight. */
  scale: number;
  calibration: Platt;
  /** Calibration for papers known by their title alone (their log-probabilities are flatter). */
  titleCalibration: Platt;
  /** Calibrated probability above which a category beyond the first is reported. */
  threshold: number;
  /** The same for papers known by their title alone (absent: `threshold`). */
  titleThreshold?: number;
  /** Most categories reported for one paper. */
  maxCategories: number;
  /**
   * How the first (primary) category is chosen: the best category of the archive with the best
   * blend · ln(total probability of its categories) + (1 − blend) · (log-probability of its best one).
   * 0 (or absent) is the plain argmax. Fitted on the calibration split.
   */
  archiveBlend?: number;
  /** base64 of the sparse table (see decodeTable), as training writes it. */
  table?: string;
  /**
   * Where the table is instead, in the built extension (scripts/build/model-table.ts): it is read
   * before the model is made (lib/classify: prepareClassifiers).
   */
  tableUrl?: string;
}

export interface CategoryScore {
  id: string;
  name: string;
  archive: string;
  /** Calibrated probability that the paper belongs to the category. */
  score: number;
}

function base64Bytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Writes a sorted list of unsigned keys as varint deltas; the table format's key column. */
export function encodeVarints(values: number[], out: number[]): void {
  let previous = 0;
  for (const value of values) {
    let delta = value - previous;
    previous = value;
    while (delta >= 0x80) {
      out.push((delta % 0x80) | 0x80);
      delta = Math.floor(delta / 0x80);
    }
    out.push(delta);
  }
}

/**
 * Sparse table layout (little-endian):
 *   u32 feature count N
 *   N varint deltas of the sorted unsigned n-gram hashes
 *   N u8 entry counts
 *   per entry, in feature order: u8 class, i8 weight
 */
export function encodeTable(features: { key: number; entries: { cls: number; weight: number }[] }[]): Uint8Array {
  const sorted = [...features].sort((a, b) => (a.key >>> 0) - (b.key >>> 0));
  const out: number[] = [];
  const n = sorted.length;
  out.push(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff);
  encodeVarints(
    sorted.map((f) => f.key >>> 0),
    out,
  );
  for (const f of sorted) out.push(f.entries.length);
  for (const f of sorted) for (const e of f.entries) out.push(e.cls, e.weight & 0xff);
  return Uint8Array.from(out);
}

/**
 * The decoded table, laid out for few cache misses per n-gram (what bounds the speed): one
 * open-addressing array of (key, reference) pairs, 8 bytes a slot, where the reference packs the
 * n-gram's first entry and its entry count, (first << 8) | count (never 0: 0 marks an empty slot); and
 * one array of entries, each a class and an int8 weight packed in 16 bits.
 * (Tried: a dense int8 row per n-gram with many entries, as common words have; it was slower.)
 */
class SparseTable {
  /** Per slot: key, reference. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** Multiplicative hashing keeps the top bits of key × golden ratio: shift = 32 − log2(slots). */
  private readonly shift: number;
  /** (class << 8) | (weight & 0xff). */
  private readonly entries: Uint16Array;
  /** Scratch: the reference found for each n-gram of the vector being scored. */
  private found = new Int32Array(1024);
  readonly size: number;

  constructor(bytes: Uint8Array) {
    const n = bytes[0]! | (bytes[1]! << 8) | (bytes[2]! << 16) | (bytes[3]! << 24);
    this.size = n;
    let pos = 4;
    const keys = new Int32Array(n);
    let previous = 0;
    for (let i = 0; i < n; i++) {
      let delta = 0;
      let shift = 1;
      for (;;) {
        const byte = bytes[pos++]!;
        delta += (byte & 0x7f) * shift;
        if (byte < 0x80) break;
        shift *= 0x80;
      }
      previous += delta;
      keys[i] = previous | 0;
    }
    const counts = bytes.subarray(pos, pos + n);
    pos += n;
    let total = 0;
    for (let i = 0; i < n; i++) total += counts[i]!;
    this.entries = new Uint16Array(total);
    for (let e = 0; e < total; e++, pos += 2) this.entries[e] = (bytes[pos]! << 8) | bytes[pos + 1]!;
    const references = new Int32Array(n);
    for (let i = 0, first = 0; i < n; first += counts[i++]!) references[i] = counts[i]! ? (first << 8) | counts[i]! : 0;
    // At most 3/4 full: a table of 1 MB rather than 2 MB for the shipped model, which stays in cache
    // better (measured ~5 % faster); probes are 8-byte slots, so a longer probe is still one cache line.
    let bits = 1;
    while ((1 << bits) * 3 < n * 4) bits++;
    const size = 1 << bits;
    this.mask = size - 1;
    this.shift = 32 - bits;
    this.slots = new Int32Array(size * 2);
    for (let i = 0; i < n; i++) {
      if (references[i] === 0) continue; // an n-gram without entries adds nothing
      let slot = this.slotOf(keys[i]!);
      while (this.slots[slot * 2 + 1] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot * 2] = keys[i]!;
      this.slots[slot * 2 + 1] = references[i]!;
    }
  }

  private slotOf(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }

  /**
   * Adds value × scale × weight of every entry of every n-gram of the vector to `out`. Two passes: all
   * the lookups first (independent loads the CPU can overlap, rather than one cache miss after
   * another's arithmetic), then the sums, in the vector's order as before.
   */
  accumulate(vector: SparseVector, scale: number, out: Float64Array): void {
    const { keys, values } = vector;
    const n = keys.length;
    if (this.found.length < n) this.found = new Int32Array(n);
    const { slots, found } = this;
    const wrap = (this.mask << 1) | 1;
    for (let i = 0; i < n; i++) {
      const key = keys[i]!;
      let at = this.slotOf(key) << 1;
      let reference = slots[at + 1]!;
      while (reference !== 0 && slots[at] !== key) {
        at = (at + 2) & wrap;
        reference = slots[at + 1]!;
      }
      found[i] = reference;
    }
    const entries = this.entries;
    for (let i = 0; i < n; i++) {
      const reference = found[i]!;
      if (reference === 0) continue;
      const value = values[i]! * scale;
      const end = (reference >>> 8) + (reference & 0xff);
      for (let e = reference >>> 8; e < end; e++) {
        const packed = entries[e]!;
        out[packed >>> 8]! += ((packed << 24) >> 24) * value;
      }
    }
  }
}

export class CategoryModel {
  private readonly table: SparseTable;
  private readonly bias: Float64Array;
  /** Per class, the index of its archive (the id before the dot: "cs", "math", "hep-th"). */
  private readonly archiveOf: Int32Array;
  private readonly archiveMass: Float64Array;
  private readonly archiveBest: Int32Array;
  readonly file: Omit<CategoryModelFile, 'table' | 'tableUrl'>;

  /** `tableBytes`: the table read from `file.tableUrl`, for a file that does not carry it. */
  constructor(file: CategoryModelFile, tableBytes?: Uint8Array) {
    if (file.format !== MODEL_FORMAT) throw new Error(`unknown category model format ${file.format}`);
    const bytes = tableBytes ?? (file.table === undefined ? undefined : base64Bytes(file.table));
    if (!bytes) throw new Error(`the category model's table (${file.tableUrl ?? 'none'}) has not been read`);
    this.table = new SparseTable(bytes);
    this.bias = Float64Array.from(file.bias);
    const archiveIds = file.classes.map((id) => id.split('.')[0]!);
    const distinct = [...new Set(archiveIds)];
    this.archiveOf = Int32Array.from(archiveIds, (id) => distinct.indexOf(id));
    this.archiveMass = new Float64Array(distinct.length);
    this.archiveBest = new Int32Array(distinct.length);
    const { table: _table, tableUrl: _tableUrl, ...rest } = file;
    this.file = rest;
  }

  get classCount(): number {
    return this.file.classes.length;
  }

  get featureCount(): number {
    return this.table.size;
  }

  /** Raw logits, one per class. */
  logits(vector: SparseVector): Float64Array {
    const out = Float64Array.from(this.bias);
    const scale = this.file.scale;
    this.table.accumulate(vector, scale, out);
    return out;
  }

  /** Log-softmax of the logits: the model was trained as a softmax over categories (primary-weighted). */
  logProbabilities(vector: SparseVector): Float64Array {
    const logits = this.logits(vector);
    let max = -Infinity;
    for (const z of logits) max = Math.max(max, z);
    let total = 0;
    for (const z of logits) total += Math.exp(z - max);
    const normaliser = max + Math.log(total);
    for (let c = 0; c < logits.length; c++) logits[c]! -= normaliser;
    return logits;
  }

  private scoreOf(index: number, logProbabilities: Float64Array, titleOnly: boolean): CategoryScore {
    const { slope, intercept } = titleOnly ? this.file.titleCalibration : this.file.calibration;
    const { classes, names, archives } = this.file;
    return { id: classes[index]!, name: names[index]!, archive: archives[index]!, score: 1 / (1 + Math.exp(-(slope * logProbabilities[index]! + intercept))) };
  }

  /**
   * The class to report first, the predicted primary category. With archiveBlend > 0 the archive is
   * chosen first, partly by the probability of all its categories together (a paper split between
   * cs.LG and cs.AI is surely cs even when stat.ML alone scores as high as either), then its best
   * category. Ties go to the lower class index, as in the plain argmax.
   */
  firstClass(logProbabilities: Float64Array): number {
    const blend = this.file.archiveBlend ?? 0;
    let best = 0;
    for (let c = 1; c < logProbabilities.length; c++) if (logProbabilities[c]! > logProbabilities[best]!) best = c;
    if (!blend) return best;
    const { archiveOf, archiveMass: mass, archiveBest: top } = this;
    mass.fill(0);
    top.fill(-1);
    for (let c = 0; c < logProbabilities.length; c++) {
      const a = archiveOf[c]!;
      mass[a]! += Math.exp(logProbabilities[c]!);
      if (top[a] === -1 || logProbabilities[c]! > logProbabilities[top[a]!]!) top[a] = c;
    }
    let bestScore = -Infinity;
    for (let a = 0; a < mass.length; a++) {
      if (top[a] === -1) continue;
      const score = blend * Math.log(mass[a]!) + (1 - blend) * logProbabilities[top[a]!]!;
      if (score > bestScore) {
        bestScore = score;
        best = top[a]!;
      }
    }
    return best;
  }

  /** Every class with its calibrated score: the first class (firstClass), then the rest best first. */
  rank(vector: SparseVector, titleOnly = false): CategoryScore[] {
    const logProbabilities = this.logProbabilities(vector);
    const first = this.firstClass(logProbabilities);
    const ranked = this.file.classes.map((_, i) => this.scoreOf(i, logProbabilities, titleOnly)).sort((a, b) => b.score - a.score);
    const at = ranked.findIndex((s) => s.id === this.file.classes[first]);
    if (at > 0) ranked.unshift(...ranked.splice(at, 1));
    return ranked;
  }

  /** The calibrated score a category beyond the first needs to be reported. */
  thresholdFor(titleOnly: boolean): number {
    return titleOnly ? (this.file.titleThreshold ?? this.file.threshold) : this.file.threshold;
  }

  /**
   * The categories to report: always the first class (a paper has a primary category), then any other
   * among the best `maxCategories` above the calibrated threshold.
   */
  predict(title: string, abstract: string): CategoryScore[] {
    return this.predictWords(paperWords(title, abstract));
  }

  predictWords(paper: PaperWords): CategoryScore[] {
    const titleOnly = paper.abstract.length === 0;
    const logProbabilities = this.logProbabilities(wordsVector(paper));
    // The best few classes by selection, without scoring and sorting all of them.
    const best: number[] = [];
    for (let c = 0; c < logProbabilities.length; c++) {
      if (best.length === this.file.maxCategories && logProbabilities[c]! <= logProbabilities[best[best.length - 1]!]!) continue;
      let at = best.length;
      while (at > 0 && logProbabilities[best[at - 1]!]! < logProbabilities[c]!) at--;
      best.splice(at, 0, c);
      if (best.length > this.file.maxCategories) best.pop();
    }
    const first = this.firstClass(logProbabilities);
    if (best[0] !== first) {
      const at = best.indexOf(first);
      if (at >= 0) best.splice(at, 1);
      else best.pop();
      best.unshift(first);
    }
    const scored = best.map((c) => this.scoreOf(c, logProbabilities, titleOnly));
    const threshold = this.thresholdFor(titleOnly);
    return scored.filter((candidate, i) => i === 0 || candidate.score >= threshold);
  }
}
