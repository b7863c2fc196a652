import { describe, expect, it } from 'vitest';
import { CategoryModel } from '../../../lib/classify/categories';
import { DEFAULT_OPTIONS, fitPlatt, trainCategoryModel, type TrainOptions } from '../../../scripts/train/categories';
import { splitOf, type CategoryInfo, type LabelledPaper } from '../../../scripts/train/data';

// A tiny synthetic corpus: three made-up fields, each with its own words, papers drawn from them.
const FIELDS: Record<string, string[]> = {
  'cs.CV': ['image', 'pixel', 'segmentation', 'camera', 'detection', 'convolutional'],
  'math.AP': ['equation', 'sobolev', 'regularity', 'solution', 'elliptic', 'estimate'],
  'astro-ph.GA': ['galaxy', 'stellar', 'halo', 'redshift', 'disc', 'spiral'],
};
const CATEGORIES: CategoryInfo[] = [
  { id: 'cs.CV', name: 'Computer Vision', archive: 'cs', archiveName: 'Computer Science', description: 'Image processing and pattern recognition.' },
  { id: 'math.AP', name: 'Analysis of PDEs', archive: 'math', archiveName: 'Mathematics', description: 'Partial differential equations.' },
  { id: 'astro-ph.GA', name: 'Astrophysics of Galaxies', archive: 'astro-ph', archiveName: 'Astrophysics', description: 'Galaxies and the Milky Way.' },
];

function corpus(): LabelledPaper[] {
  const papers: LabelledPaper[] = [];
  Object.entries(FIELDS).forEach(([category, words], f) => {
    for (let i = 0; i < 12; i++) {
      const pick = (k: number) => words[(i * 7 + k * 3 + f) % words.length]!;
      papers.push({ id: `${category}-${i}`, title: `${pick(0)} ${pick(1)} ${pick(2)}`, abstract: `We study ${pick(3)} ${pick(4)} and ${pick(5)} ${pick(0)} with ${pick(2)} ${pick(1)}.`, categories: [category], complete: true, split: 'train' });
    }
  });
  return papers;
}

const OPTIONS: TrainOptions = { ...DEFAULT_OPTIONS, epochs: 3, minDocFrequency: 1, maxEntries: 5000 };

describe('category training', () => {
  it('is deterministic: the same data gives the same file', () => {
    const papers = corpus();
    const first = trainCategoryModel(papers, papers.slice(0, 9), CATEGORIES, OPTIONS);
    const second = trainCategoryModel(papers, papers.slice(0, 9), CATEGORIES, OPTIONS);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    const reseeded = trainCategoryModel(papers, papers.slice(0, 9), CATEGORIES, { ...OPTIONS, seed: 7 });
    expect(JSON.stringify(reseeded)).not.toBe(JSON.stringify(first));
  });

  it('learns the fields, from abstracts and from titles alone', () => {
    const papers = corpus();
    const model = new CategoryModel(trainCategoryModel(papers, papers, CATEGORIES, OPTIONS));
    expect(model.predict('sobolev regularity', 'an elliptic equation estimate')[0]!.id).toBe('math.AP');
    expect(model.predict('spiral galaxy halo', '')[0]!.id).toBe('astro-ph.GA');
    expect(model.predict('pixel segmentation', '')[0]!.id).toBe('cs.CV');
  });

  it('keeps the weight budget', () => {
    const papers = corpus();
    const file = trainCategoryModel(papers, [], CATEGORIES, { ...OPTIONS, maxEntries: 40 });
    expect(new CategoryModel(file).featureCount).toBeLessThanOrEqual(40);
  });
});

describe('held-out split and calibration', () => {
  it('assigns splits by id hash: stable, about 10 / 10 / 80 %', () => {
    expect(splitOf('2405.04522')).toBe(splitOf('2405.04522'));
    const counts = { train: 0, calibration: 0, test: 0 };
    for (let i = 0; i < 20_000; i++) counts[splitOf(`2501.${String(i).padStart(5, '0')}`)]++;
    expect(counts.test / 20_000).toBeGreaterThan(0.08);
    expect(counts.test / 20_000).toBeLessThan(0.12);
    expect(counts.calibration / 20_000).toBeGreaterThan(0.08);
    expect(counts.calibration / 20_000).toBeLessThan(0.12);
  });

  it('fits Platt scaling that recovers a known slope', () => {
    const logits = new Float32Array(4000);
    const labels = new Uint8Array(4000);
    let state = 1;
    for (let i = 0; i < logits.length; i++) {
      state = (state * 48271) % 2147483647;
      const z = ((state / 2147483647) * 8) - 4;
      logits[i] = z;
      state = (state * 48271) % 2147483647;
      labels[i] = state / 2147483647 < 1 / (1 + Math.exp(-(2 * z - 1))) ? 1 : 0;
    }
    const { slope, intercept } = fitPlatt(logits, labels);
    expect(slope).toBeGreaterThan(1.6);
    expect(slope).toBeLessThan(2.4);
    expect(intercept).toBeGreaterThan(-1.5);
    expect(intercept).toBeLessThan(-0.5);
  });
});
