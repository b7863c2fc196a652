import { describe, expect, it } from 'vitest';
import { classifyEntry, loadClassifiers, MIN_CATEGORY_SCORE, modelCategoryTags } from '../../../lib/classify';
import { featureVector } from '../../../lib/classify/features';
import type { EntryData } from '../../../lib/model';

function entry(title: string, abstract = '', subjects: string[] = []): EntryData {
  return { id: 'title:x', aliases: [], title, authors: [], abstract, abstractKind: abstract ? 'full' : 'none', url: '', subjects, site: 'generic' };
}

// Clear cases, written for this test: each names its field's vocabulary plainly.
const CLEAR_CASES = [
  {
    archive: 'cs',
    expect: 'cs.CV',
    title: 'Real-time semantic segmentation of street scenes with a lightweight convolutional network',
    abstract:
      'We design a convolutional neural network for semantic segmentation of urban driving images. The encoder extracts multi-scale image features and the decoder upsamples them to pixel-level labels. On standard segmentation benchmarks our network improves mean intersection over union while running at 60 frames per second on a single GPU.',
  },
  {
    archive: 'quant-ph',
    expect: 'quant-ph',
    title: 'High-fidelity entangling gates between superconducting transmon qubits',
    abstract:
      'We demonstrate a two-qubit controlled-phase gate between fixed-frequency transmon qubits coupled through a tunable coupler. Randomized benchmarking shows gate fidelities above 99.5 percent, limited by qubit decoherence. The scheme scales to larger quantum processors and supports quantum error correction codes.',
  },
  {
    archive: 'math',
    expect: 'math.AP',
    title: 'Global well-posedness for the defocusing nonlinear Schrödinger equation in low regularity Sobolev spaces',
    abstract:
      'We prove global well-posedness and scattering for the defocusing cubic nonlinear Schrödinger equation with initial data in Sobolev spaces below the energy space. The proof combines Strichartz estimates, a modified energy method and an interaction Morawetz inequality.',
  },
  {
    archive: 'astro-ph',
    expect: 'astro-ph.GA',
    title: 'Star formation and gas kinematics in nearby spiral galaxies',
    abstract:
      'Using integral field spectroscopy of forty nearby spiral galaxies we map the ionised gas kinematics and the star formation rate surface density. Galaxies with strong bars show enhanced central star formation and non-circular gas motions in the inner disc, tracing gas inflow along the bar toward the nucleus.',
  },
  {
    archive: 'cs',
    expect: 'cs.CL',
    title: 'Improving machine translation for low-resource languages with multilingual pretraining',
    abstract:
      'We study neural machine translation for low-resource language pairs. A multilingual language model pretrained on monolingual text is fine-tuned on small parallel corpora, improving BLEU scores by four points over a transformer baseline across twelve languages.',
  },
];

describe('category model', () => {
  it('loads the shipped weights', () => {
    const { categories } = loadClassifiers();
    expect(categories.classCount).toBeGreaterThanOrEqual(140);
    expect(categories.featureCount).toBeGreaterThan(10_000);
  });

  it.each(CLEAR_CASES)('puts "$title" in $archive, with $expect among the top 3', ({ archive, expect: category, title, abstract }) => {
    const tags = modelCategoryTags(entry(title, abstract));
    expect(tags[0]!.id.split('.')[0]).toBe(archive);
    // Top 3 of the full ranking, not only the reported tags.
    const ranked = loadClassifiers().categories.rank(featureVector(title, abstract));
    expect(ranked.slice(0, 3).map((s) => s.id)).toContain(category);
  });

  it.each(CLEAR_CASES)('predicts from the title alone: "$title" → $archive', ({ archive, title }) => {
    const tags = modelCategoryTags(entry(title));
    expect(tags.length).toBeGreaterThan(0);
    expect(tags[0]!.id.split('.')[0]).toBe(archive);
  });

  it('gives calibrated scores in (0, 1), best first, with category names as labels', () => {
    const tags = modelCategoryTags(entry(CLEAR_CASES[1]!.title, CLEAR_CASES[1]!.abstract));
    for (const tag of tags) {
      expect(tag).toMatchObject({ kind: 'category', source: 'model' });
      expect(tag.score).toBeGreaterThan(0);
      expect(tag.score).toBeLessThan(1);
      expect(tag.label).not.toBe(tag.id);
    }
    expect(tags.map((t) => t.score)).toEqual([...tags.map((t) => t.score)].sort((a, b) => b - a));
    expect(tags[0]!.label).toBe('Quantum Physics');
  });

  it('keeps page-stated categories (score 1, source page), labelled so two never read the same, and adds no model categories then', () => {
    const tags = classifyEntry(entry(CLEAR_CASES[0]!.title, CLEAR_CASES[0]!.abstract, ['cs.LG', 'stat.ML']));
    const categories = tags.filter((t) => t.kind === 'category');
    expect(categories).toEqual([
      { id: 'cs.LG', label: 'Machine Learning (cs)', kind: 'category', score: 1, source: 'page' },
      { id: 'stat.ML', label: 'Machine Learning (stat)', kind: 'category', score: 1, source: 'page' },
    ]);
  });

  it('returns no category for an empty entry, and survives hostile text', () => {
    expect(modelCategoryTags(entry('', ''))).toEqual([]);
    const hostile = entry('x'.repeat(100_000), `${'$\\frac{a}{b}$ '.repeat(50_000)}\u0000\u202e`);
    expect(() => classifyEntry(hostile)).not.toThrow();
  });
});

describe('low-confidence categories', () => {
  it('gives no model category when the text names no arXiv field (best score below the floor)', () => {
    const title = 'Granite outcrops and glacial moraines of a southern mountain range';
    const [best] = loadClassifiers().categories.predict(title, '');
    expect(best!.score).toBeLessThan(MIN_CATEGORY_SCORE);
    expect(modelCategoryTags(entry(title))).toEqual([]);
  });
});
