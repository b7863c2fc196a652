import { describe, expect, it } from 'vitest';
import { extractResults, keyResult } from '../../../lib/extract';
import { readableTex } from '../../../lib/tex';
import type { ResultClaim } from '../../../lib/model';
import { HAS_SHARED } from '../../helpers/shared';
import { readSeedPapers } from '../../helpers/seed';

// Every sentence here is written for these tests.

const pick = (claims: ResultClaim[]) => claims.map(({ number, unit, kind, direction, dataset }) => ({ number, unit, kind, direction, dataset }));

describe('extractResults: what is a result', () => {
  it('gives one claim per number, each with its own benchmark and the shared baseline', () => {
    const claims = extractResults('With our planner, the agent improved its success rate by 12.5% on WebShop and 8% on ALFWorld over the base agent.');
    expect(pick(claims)).toEqual([
      { number: 12.5, unit: '%', kind: 'relative-gain', direction: 'up', dataset: 'WebShop' },
      { number: 8, unit: '%', kind: 'relative-gain', direction: 'up', dataset: 'ALFWorld' },
    ]);
    expect(claims.map((c) => c.comparator)).toEqual(['base agent', 'base agent']);
    expect(claims[0]!.metric).toBe('success rate');
  });

  it('reads speed-ups, reductions and absolute scores with their metric', () => {
    const [speed] = extractResults('Our kernel runs 2.5x faster than FlashAttention on long inputs.');
    expect(speed).toMatchObject({ number: 2.5, unit: 'x', kind: 'speed-up', direction: 'up', comparator: 'FlashAttention' });
    const [memory] = extractResults('The cache policy reduces memory by 40% compared to full attention.');
    expect(memory).toMatchObject({ number: 40, unit: '%', kind: 'reduction', direction: 'down', metric: 'memory', comparator: 'full attention' });
    const [score] = extractResults('TinyReasoner achieves 85.3% accuracy on MMLU.');
    expect(score).toMatchObject({ number: 85.3, kind: 'absolute', direction: 'none', metric: 'accuracy', dataset: 'MMLU', subject: 'TinyReasoner' });
    const [bleu] = extractResults('The system reaches a BLEU score of 31.4 on WMT14.');
    expect(bleu).toMatchObject({ number: 31.4, unit: '', kind: 'absolute', dataset: 'WMT14' });
  });

  it('pairs values and benchmarks in order with "respectively"', () => {
    const claims = extractResults('Our loss improves accuracy by 1.5% and 3.0% on CIFAR-10 and CIFAR-100, respectively.');
    expect(claims.map((c) => [c.number, c.dataset])).toEqual([
      [1.5, 'CIFAR-10'],
      [3, 'CIFAR-100'],
    ]);
  });

  it('keeps the new value of "from A to B", reads a range as one claim and percentage points', () => {
    expect(pick(extractResults('Our method raises the pass rate from 41.2% to 58.9% on HumanEval.'))).toEqual([
      { number: 58.9, unit: '%', kind: 'absolute', direction: 'none', dataset: 'HumanEval' },
    ]);
    const [range] = extractResults('The scheduler cuts energy use by 18-25% on all devices.');
    expect(range).toMatchObject({ value: '18-25%', number: 25, kind: 'reduction' });
    expect(extractResults('We obtain a 2.3% absolute improvement in accuracy.')[0]).toMatchObject({ unit: 'pp', kind: 'relative-gain' });
  });

  it('states state-of-the-art claims on named benchmarks, bounds and counts', () => {
    const [sota] = extractResults('Our detector achieves state-of-the-art results on COCO and LVIS.');
    expect(sota).toMatchObject({ kind: 'sota', value: '', number: null, dataset: 'COCO and LVIS' });
    expect(extractResults('Our method achieves state-of-the-art performance on three benchmarks.')).toEqual([]);
    expect(extractResults('Our method outperforms state-of-the-art methods on several tasks.')).toEqual([]);
    const [bound] = extractResults('We prove that the algorithm achieves a regret of $O(\\sqrt{T})$ in the adversarial setting.');
    expect(bound).toMatchObject({ kind: 'bound', value: 'O(√T)', number: null, metric: 'regret' });
    const [count] = extractResults('Our fuzzer discovered 12 previously unknown vulnerabilities in popular libraries.');
    expect(count).toMatchObject({ kind: 'count', number: 12 });
  });

  it('quotes its source: the sentence and the offsets of the value in the abstract', () => {
    const abstract = 'Large models are slow. We propose QuickNet, a pruning method. QuickNet is 3.1x faster than the dense model (e.g., on ImageNet). It also uses 45% less memory.';
    const claims = extractResults(abstract);
    expect(claims).toHaveLength(2);
    for (const c of claims) {
      expect(abstract.slice(c.start, c.end)).toBe(c.value);
      expect(c.sentence).toContain(c.value);
      expect(abstract).toContain(c.sentence);
      expect(c.subject).toBe('QuickNet');
      expect(c.confidence).toBeGreaterThan(0);
      expect(c.confidence).toBeLessThanOrEqual(1);
    }
    expect(claims[0]!.sentence).toBe('QuickNet is 3.1x faster than the dense model (e.g., on ImageNet).');
    expect(claims[1]).toMatchObject({ kind: 'reduction', metric: 'memory' });
  });

  it('reads paired ratios, factors and physical units', () => {
    expect(pick(extractResults('The renderer is up to 20x and 150x faster in the forward and backward pass.')).map((c) => [c.number, c.kind])).toEqual([
      [20, 'speed-up'],
      [150, 'speed-up'],
    ]);
    expect(extractResults('The sampler reduces the number of steps by a factor of 100.')[0]).toMatchObject({ number: 100, unit: 'x', kind: 'reduction' });
    expect(extractResults('The tracker reaches a localization error of 0.3m and 0.5$^{\\circ}$ on the test routes.').map((c) => [c.number, c.unit])).toEqual([
      [0.3, 'm'],
      [0.5, '°'],
    ]);
  });

  it('reads LaTeX as written in arXiv abstracts', () => {
    const [speed] = extractResults('The engine delivers a 4.6$\\times$ speedup and reduces latency by 12\\% over the baseline.');
    expect(speed).toMatchObject({ number: 4.6, unit: 'x', kind: 'speed-up' });
    expect(extractResults('The engine reduces latency by 12\\% over the baseline.')[0]).toMatchObject({ number: 12, unit: '%', value: '12%' });
  });
});

describe('extractResults: numbers that are never results', () => {
  const none = (text: string) => expect(extractResults(text)).toEqual([]);

  it('dataset sizes', () => none('We collect a corpus of 12,000 dialogues and 1.2M images, with 300K question-answer pairs.'));
  it('model sizes, also inside names', () => {
    none('We fine-tune a 7B model and a 70 billion parameter model.');
    expect(extractResults('Our 7B model outperforms Gopher 280B by 7.3% on TruthfulQA.').map((c) => c.number)).toEqual([7.3]);
  });
  it('training token counts', () => none('The model is pre-trained on 2T tokens and then on 300 billion tokens of code.'));
  it('hyperparameters', () => none('We use a learning rate of 0.001, a batch size of 256, k = 8 neighbours and a dropout of 10%.'));
  it('years', () => none('Since 2019 the 2024 edition of the challenge has grown.'));
  it('citations', () => none('This agrees with Phys. Rev. Lett. 113, 161101 (2014) and Astrophys. J. 875, 12.'));
  it('version numbers', () => none('We compare Qwen2.5, GPT-4o, Llama 3.1 and YOLOv8 on the same inputs.'));
  it('counts of tasks evaluated on', () => none('We evaluate on 12 tasks across 5 benchmarks and 14 languages with 20 participants.'));
  it('section, table and figure numbers', () => none('Section 4 describes the model, Table 2 the data and Figure 3 the results.'));
  it('p-values and confidence levels', () => none('The effect is significant (p < 0.01) at the 95% confidence level.'));
  it('fractions of the data the method is given', () => none('We train using only 10% of the training data and 5% of the labels.'));
  it('numbers of prior work and of a baseline', () => {
    none('Existing methods reach only 40% accuracy on this task.');
    expect(extractResults('Our model reaches an MSE of 0.089, compared to BaseNet\'s MSE of 0.147.').map((c) => c.number)).toEqual([0.089]);
  });
});

describe('keyResult', () => {
  it('prefers a comparison on a named benchmark to a bare score', () => {
    const claims = extractResults('Our parser reaches 91% accuracy. On SQuAD it outperforms BERT by 4.2%.');
    expect(keyResult(claims)).toMatchObject({ number: 4.2, dataset: 'SQuAD' });
    expect(keyResult([])).toBeNull();
  });
});

describe.skipIf(!HAS_SHARED)('extractResults on the seed listing (../shared)', () => {
  it('quotes every claim from its abstract, and finds the gains the page is known for', () => {
    const papers = readSeedPapers();
    let total = 0;
    for (const paper of papers) {
      for (const c of extractResults(paper.abstract)) {
        total++;
        if (c.value) expect(readableTex(paper.abstract.slice(c.start, c.end))).toBe(c.value);
        expect(c.value).not.toMatch(/[\\$]/);
        expect(paper.abstract).toContain(c.sentence);
      }
    }
    expect(total).toBeGreaterThan(20);
    const first = extractResults(papers[0]!.abstract);
    expect(first.map((c) => [c.number, c.dataset])).toEqual(expect.arrayContaining([[103, 'WebShop'], [75, 'HotPotQA']]));
  });
});
