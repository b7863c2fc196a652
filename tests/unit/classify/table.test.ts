import { describe, expect, it } from 'vitest';
import { CategoryModel, encodeTable, MODEL_FORMAT, type CategoryModelFile } from '../../../lib/classify/categories';
import { contentWords, featureVector, hashString, paperWords, words, wordsVector, type SparseVector } from '../../../lib/classify/features';

const CLASSES = ['cs.AI', 'cs.LG', 'stat.ML', 'math.AP', 'hep-th'];

function modelFile(features: { key: number; entries: { cls: number; weight: number }[] }[], extra: Partial<CategoryModelFile> = {}): CategoryModelFile {
  return {
    format: MODEL_FORMAT,
    classes: CLASSES,
    names: CLASSES,
    archives: CLASSES.map((id) => id.split('.')[0]!),
    bias: [0.1, -0.2, 0.3, 0, -0.5],
    scale: 0.01,
    calibration: { slope: 1, intercept: 0 },
    titleCalibration: { slope: 1, intercept: 0 },
    threshold: 0.5,
    maxCategories: 3,
    table: Buffer.from(encodeTable(features)).toString('base64'),
    ...extra,
  };
}

/** Seeded pseudo-random integers (a linear congruential generator), so the cases are fixed. */
function numbers(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 48271) % 2147483647);
}

describe('sparse weight table', () => {
  // Many keys (so the open-addressing table has collisions and wrap-around), keys with the sign bit
  // set, negative weights, and n-grams with one entry or with every class.
  const next = numbers(11);
  const features = Array.from({ length: 3000 }, (_, i) => {
    const key = (next() * 2 + (i % 2 ? 0x80000000 : 0)) | 0;
    const count = i % 97 === 0 ? CLASSES.length : 1 + (next() % 3);
    const classes = [...new Set(Array.from({ length: count }, (_, k) => (count === CLASSES.length ? k : next() % CLASSES.length)))].sort((a, b) => a - b);
    return { key, entries: classes.map((cls) => ({ cls, weight: (next() % 255) - 127 || 1 })) };
  });
  const unique = [...new Map(features.map((f) => [f.key, f])).values()];
  const model = new CategoryModel(modelFile(unique));

  /** The logits by the definition: bias plus value × scale × weight of every entry of every known n-gram. */
  function expected(vector: SparseVector): number[] {
    const out = [0.1, -0.2, 0.3, 0, -0.5];
    vector.keys.forEach((key, i) => {
      for (const { cls, weight } of unique.find((f) => f.key === key)?.entries ?? []) out[cls]! += weight * (vector.values[i]! * 0.01);
    });
    return out;
  }

  it('finds every n-gram and adds its weights; unknown n-grams add nothing', () => {
    expect(model.featureCount).toBe(unique.length);
    for (let trial = 0; trial < 50; trial++) {
      const picked = Array.from({ length: 40 }, () => unique[next() % unique.length]!.key);
      const keys = Int32Array.from([...new Set([...picked, next() | 0, -(next() | 0)])]);
      const vector = { keys, values: Float32Array.from(keys, () => (next() % 1000) / 1000) };
      const logits = [...model.logits(vector)];
      expected(vector).forEach((value, c) => expect(logits[c]).toBeCloseTo(value, 12));
    }
  });

  it('gives the bias alone for a vector of unknown n-grams', () => {
    const known = new Set(unique.map((f) => f.key));
    const keys = Int32Array.from([1, 2, 3, -4].filter((k) => !known.has(k)));
    expect([...model.logits({ keys, values: new Float32Array(keys.length).fill(1) })]).toEqual([0.1, -0.2, 0.3, 0, -0.5]);
  });
});

describe('first category by archive', () => {
  // One n-gram whose weights give stat.ML the best single probability, while cs.AI and cs.LG together
  // hold more: log-probabilities about ln 0.4 for stat.ML and ln 0.28 for each cs category.
  const key = hashString('probe');
  const weights = [Math.round(Math.log(0.28) * 100), Math.round(Math.log(0.28) * 100), Math.round(Math.log(0.4) * 100), -127, -127];
  const file = (archiveBlend?: number) =>
    modelFile([{ key, entries: weights.map((weight, cls) => ({ cls, weight })) }], { bias: [0, 0, 0, 0, 0], archiveBlend, threshold: 0.99 });
  const vector = { keys: Int32Array.of(key), values: Float32Array.of(1) };

  it('is the plain argmax without a blend', () => {
    const model = new CategoryModel(file());
    expect(CLASSES[model.firstClass(model.logProbabilities(vector))]).toBe('stat.ML');
    expect(model.rank(vector)[0]!.id).toBe('stat.ML');
  });

  it('goes to the archive holding the most probability with a full blend, and reports its best category first', () => {
    const model = new CategoryModel(file(1));
    expect(CLASSES[model.firstClass(model.logProbabilities(vector))]).toBe('cs.AI');
    const ranked = model.rank(vector);
    expect(ranked[0]!.id).toBe('cs.AI');
    // The rest stay best first.
    expect(ranked.slice(1, 3).map((s) => s.id)).toEqual(['stat.ML', 'cs.LG']);
    expect(ranked).toHaveLength(CLASSES.length);
  });

  it('predictWords puts the same category first as rank', () => {
    for (const blend of [undefined, 0.3, 1]) {
      const model = new CategoryModel(file(blend));
      const predicted = model.predictWords({ title: ['probe'], abstract: [] });
      expect(predicted[0]!.id).toBe(model.rank(wordsVector({ title: ['probe'], abstract: [] }), true)[0]!.id);
    }
  });
});

describe('extra-category threshold for titles alone', () => {
  // cs.AI and cs.LG about equally likely (calibrated scores ≈ 0.24, the other classes ≈ 0.11): the
  // second is reported or not by the threshold alone.
  const key = hashString('probe');
  const file = (titleThreshold?: number) =>
    modelFile([{ key, entries: [{ cls: 0, weight: 100 }, { cls: 1, weight: 99 }] }], { bias: [0, 0, 0, 0, 0], threshold: 0.99, titleThreshold });

  it('uses the title threshold for a paper without abstract, and the full one otherwise', () => {
    const model = new CategoryModel(file(0.2));
    expect(model.thresholdFor(true)).toBe(0.2);
    expect(model.thresholdFor(false)).toBe(0.99);
    expect(model.predictWords({ title: ['probe'], abstract: [] }).map((s) => s.id)).toEqual(['cs.AI', 'cs.LG']);
    expect(model.predictWords({ title: ['probe'], abstract: ['probe'] }).map((s) => s.id)).toEqual(['cs.AI']);
  });

  it('falls back to the full threshold when the file has none for titles', () => {
    const model = new CategoryModel(file());
    expect(model.thresholdFor(true)).toBe(0.99);
    expect(model.predictWords({ title: ['probe'], abstract: [] }).map((s) => s.id)).toEqual(['cs.AI']);
  });
});

describe('features on the fast path', () => {
  const TEXTS = [
    ['Deep Learning for the Sobolev regularity of elliptic PDEs', 'We show that the proposed method, based on 3D-GS and x2 models, works. The models model models.'],
    ['Émile über naïve ΣΔ modulators in 𝔸𝕓c spaces 🚀', 'Straße ＡＢＣ １２３ ǅ İstanbul 𝟘𝟙 a\u0301b — the of and 𝔸𝕓c 𝔸𝕓c'],
    ['', 'only an abstract, with a stopword or two and a very long word ' + 'x'.repeat(60)],
    ['Only a title', ''],
  ];

  it('hashes words while scanning them exactly as hashString does', () => {
    for (const [title, abstract] of TEXTS) {
      const hashes: number[] = [];
      const list = words(`${title} ${abstract}`, 6000, hashes);
      expect(hashes).toEqual(list.map(hashString));
    }
  });

  it('gives the same vector as the reference featureVector, with and without the hashes', () => {
    for (const [title, abstract] of TEXTS) {
      const reference = featureVector(title!, abstract!);
      const withHashes = wordsVector(paperWords(title!, abstract!));
      const { title: t, abstract: a } = paperWords(title!, abstract!);
      const withoutHashes = wordsVector({ title: t, abstract: a });
      for (const vector of [withHashes, withoutHashes]) {
        expect([...vector.keys]).toEqual([...reference.keys]);
        expect([...vector.values]).toEqual([...reference.values]);
      }
      // Stopwords and over-long words never become features.
      expect(contentWords(a)).not.toContain('the');
    }
  });
});
