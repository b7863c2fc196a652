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
import { featureVector, type SparseVector } from './features';

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
  /** Most categories reported for one paper. */
  maxCategories: number;
  /** base64 of the sparse table (see decodeTable). */
  table: string;
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

/** The decoded table with an open-addressing index from n-gram hash to its entries. */
class SparseTable {
  private readonly slots: Int32Array;
  private readonly slotKeys: Int32Array;
  private readonly mask: number;
  readonly starts: Uint32Array;
  readonly classes: Uint8Array;
  readonly weights: Int8Array;

  constructor(bytes: Uint8Array) {
    const n = bytes[0]! | (bytes[1]! << 8) | (bytes[2]! << 16) | (bytes[3]! << 24);
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
    this.starts = new Uint32Array(n + 1);
    for (let i = 0; i < n; i++) this.starts[i + 1] = this.starts[i]! + bytes[pos++]!;
    const total = this.starts[n]!;
    this.classes = new Uint8Array(total);
    this.weights = new Int8Array(total);
    for (let e = 0; e < total; e++) {
      this.classes[e] = bytes[pos++]!;
      this.weights[e] = (bytes[pos++]! << 24) >> 24;
    }
    let size = 1;
    while (size < n * 2) size <<= 1;
    this.mask = size - 1;
    this.slots = new Int32Array(size).fill(-1);
    this.slotKeys = new Int32Array(size);
    for (let i = 0; i < n; i++) {
      let slot = this.slotOf(keys[i]!);
      while (this.slots[slot] !== -1) slot = (slot + 1) & this.mask;
      this.slots[slot] = i;
      this.slotKeys[slot] = keys[i]!;
    }
  }

  private slotOf(key: number): number {
    return (Math.imul(key, 0x9e3779b1) >>> 0) & this.mask;
  }

  /** The feature's index, or -1 when the n-gram carries no weight. */
  find(key: number): number {
    let slot = this.slotOf(key);
    for (;;) {
      const index = this.slots[slot]!;
      if (index === -1 || this.slotKeys[slot] === key) return index;
      slot = (slot + 1) & this.mask;
    }
  }

  get size(): number {
    return this.starts.length - 1;
  }
}

export class CategoryModel {
  private readonly table: SparseTable;
  private readonly bias: Float32Array;
  readonly file: Omit<CategoryModelFile, 'table'>;

  constructor(file: CategoryModelFile) {
    if (file.format !== MODEL_FORMAT) throw new Error(`unknown category model format ${file.format}`);
    this.table = new SparseTable(base64Bytes(file.table));
    this.bias = Float32Array.from(file.bias);
    const { table: _table, ...rest } = file;
    this.file = rest;
  }

  get classCount(): number {
    return this.file.classes.length;
  }

  get featureCount(): number {
    return this.table.size;
  }

  /** Raw logits, one per class. */
  logits(vector: SparseVector): Float32Array {
    const out = Float32Array.from(this.bias);
    const { starts, classes, weights } = this.table;
    const scale = this.file.scale;
    for (let i = 0; i < vector.keys.length; i++) {
      const index = this.table.find(vector.keys[i]!);
      if (index < 0) continue;
      const value = vector.values[i]! * scale;
      for (let e = starts[index]!; e < starts[index + 1]!; e++) out[classes[e]!]! += weights[e]! * value;
    }
    return out;
  }

  /** Log-softmax of the logits: the model was trained as a softmax over categories (primary-weighted). */
  logProbabilities(vector: SparseVector): Float32Array {
    const logits = this.logits(vector);
    let max = -Infinity;
    for (const z of logits) max = Math.max(max, z);
    let total = 0;
    for (const z of logits) total += Math.exp(z - max);
    const normaliser = max + Math.log(total);
    for (let c = 0; c < logits.length; c++) logits[c]! -= normaliser;
    return logits;
  }

  /** Every class with its calibrated score, best first. */
  rank(vector: SparseVector, titleOnly = false): CategoryScore[] {
    const logits = this.logProbabilities(vector);
    const { slope, intercept } = titleOnly ? this.file.titleCalibration : this.file.calibration;
    const { classes, names, archives } = this.file;
    const scored = classes.map((id, i) => ({ id, name: names[i]!, archive: archives[i]!, score: 1 / (1 + Math.exp(-(slope * logits[i]! + intercept))) }));
    return scored.sort((a, b) => b.score - a.score);
  }

  /**
   * The categories to report: always the best one (a paper has a primary category), then any other
   * above the calibrated threshold, at most `maxCategories`.
   */
  predict(title: string, abstract: string): CategoryScore[] {
    const ranked = this.rank(featureVector(title, abstract), !abstract.trim());
    const chosen = ranked.slice(0, 1);
    for (const candidate of ranked.slice(1, this.file.maxCategories)) if (candidate.score >= this.file.threshold) chosen.push(candidate);
    return chosen;
  }
}
