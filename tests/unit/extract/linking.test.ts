import { describe, expect, it } from 'vitest';
import { extractResults } from '../../../lib/extract';

// Classes of phrasing that link a value to its baseline and benchmark (issue #5's error classes).
// Every sentence here is written for these tests.

const one = (sentence: string) => {
  const claims = extractResults(sentence);
  expect(claims).toHaveLength(1);
  return claims[0]!;
};

describe('comparators', () => {
  it('names the system without the method as the baseline of a gain "when enhanced with" it (guidelines)', () => {
    const claims = extractResults('The success rate of the policy trained with PPO increased by 31% on Crafter and 12% on NetHack when equipped with our memory module, even beating Dreamer.');
    expect(claims.map((c) => c.comparator)).toEqual(['base policy', 'base policy']);
    // Without such a clause the nearest named baseline stays.
    expect(one('Our agent improves the success rate by 31% on Crafter, even beating Dreamer.').comparator).toBe('Dreamer');
  });

  it("gives a proved bound the prior bound it is set against in the sentence", () => {
    expect(one('Our sampler mixes in $O(d \\log d)$ steps rather than the usual $O(d^2)$.').comparator).toBe('O(d^2)');
    expect(one('The second algorithm attains O(T^{2/3}) regret and improves over the best known bound O(T^{3/4}).').comparator).toBe('O(T^{3/4})');
    expect(one('We prove an O(\\sqrt{T}) regret bound for the adversarial case.').comparator).toBe('');
  });

  it('reads "N% above / below X" as naming the baseline', () => {
    expect(one('Sparse adapters score 41% above the median submission on the leaderboard.').comparator).toBe('median submission');
    // "above 90%" is a bound on the value, not a baseline.
    expect(one('The detector keeps recall above 90% on NightDrive.').comparator).toBe('');
  });

  it('reads past a bracketed aside to the comparing verb: "outperforms X (…), a …, by 1.3%"', () => {
    expect(one('Our model outperforms ViT-L (304M parameters, 16 heads, 224 resolution), a strong baseline, by 1.3% on ImageNet.')).toMatchObject({
      kind: 'relative-gain',
      comparator: 'ViT-L',
      dataset: 'ImageNet',
    });
  });

  it('reads "higher / lower / better than X" as naming the baseline', () => {
    expect(one('The pruned network reaches 91.2% accuracy, which is higher than the dense teacher network.').comparator).toBe('dense teacher network');
    expect(one('Its error rate of 4.1% is lower than ResNet-50 on this split.').comparator).toBe('ResNet-50');
    // A qualifier before a number still names no baseline.
    expect(one('Our planner solves more than 80% of the puzzles.').comparator).toBe('');
  });

  it('takes "the base model" / "the baseline X" named in the sentence as the baseline of a change', () => {
    expect(one('Applied to Vicuna, our recipe lifts the helpfulness score of the base model by 12.4%.').comparator).toBe('the base model');
    expect(one("It also cuts the base policy's failure rate by 31% in cluttered scenes.").comparator).toBe('the base policy');
    expect(one('On the baseline NeRF, we observe a 37% reduction in training time.').comparator).toBe('the baseline NeRF');
    // A knowledge base is not a baseline, and a plain score takes no implicit baseline.
    expect(one('Retrieval from the knowledge base improves recall by 9%.').comparator).toBe('');
    expect(one('The base model reaches 71.3% accuracy on ARC.').comparator).toBe('');
  });
});

describe('datasets', () => {
  it('keeps a list of benchmarks a value is stated on: "on A and B"', () => {
    expect(one('The adapter gains 4.2% on MVTec-AD and VisA over the frozen encoder.').dataset).toBe('MVTec-AD and VisA');
    // Each value with its own benchmark keeps its own.
    expect(extractResults('It gains 4.2% on MVTec-AD and 3.1% on VisA.').map((c) => c.dataset)).toEqual(['MVTec-AD', 'VisA']);
  });

  it('gives values listed together the benchmark named after the last of them', () => {
    expect(extractResults('The student is 3.2x faster and 61% smaller than its teacher on SQuAD.').map((c) => c.dataset)).toEqual(['SQuAD', 'SQuAD']);
    expect(extractResults('Accuracy drops by only 1.2% and 0.8% for TinyImageNet under the two budgets.').map((c) => c.dataset)).toEqual(['TinyImageNet', 'TinyImageNet']);
  });

  it('reads the name right after "benchmark" or "dataset" as a benchmark', () => {
    expect(one('On our new benchmark CodeTrek, the agent improves the pass rate by 17.5%.').dataset).toBe('CodeTrek');
  });
});

describe('units', () => {
  it('reads a percentage after "absolute improvement / gain" as percentage points', () => {
    expect(one('Our agent beats the strongest baseline with an absolute improvement of 6.5% on WebArena.')).toMatchObject({ unit: 'pp', number: 6.5 });
    expect(one('This yields absolute gains of up to 3.4% in top-1 accuracy.')).toMatchObject({ unit: 'pp', number: 3.4 });
    expect(one('This yields relative gains of up to 3.4% in top-1 accuracy.')).toMatchObject({ unit: '%' });
  });
});

describe('state-of-the-art claims', () => {
  it('names the tasks after "on both"', () => {
    expect(one('The planner achieves state-of-the-art performance on both route planning and fleet scheduling.')).toMatchObject({ kind: 'sota', dataset: 'route planning and fleet scheduling' });
  });

  it('reads "sets new benchmarks / a new record for X" as a state-of-the-art claim', () => {
    expect(one('Our captioner sets new benchmarks for long-video captioning.')).toMatchObject({ kind: 'sota', dataset: 'long-video captioning' });
    expect(one('The upsampler sets new benchmarks for 8K-resolution image synthesis.')).toMatchObject({ kind: 'sota', dataset: '8K-resolution image synthesis' });
    expect(one('The solver establishes a new record on MIPLIB.')).toMatchObject({ kind: 'sota', dataset: 'MIPLIB' });
    // A benchmark the paper releases is not a state-of-the-art claim, nor are kinds of systems or settings.
    expect(extractResults('Together, the two tricks yield state-of-the-art results for both vision and language models.')).toEqual([]);
    expect(extractResults('It achieves state-of-the-art performance in both zero-shot and few-shot settings.')).toEqual([]);
    expect(extractResults('We introduce a new benchmark for long-video captioning.')).toEqual([]);
  });

  it('reads hedged and metric-named claims: "state-of-the-art or competitive results", "a new state-of-the-art success rate"', () => {
    expect(one('RetroRank achieves state-of-the-art or competitive results on BEIR and MS MARCO.')).toMatchObject({ kind: 'sota', dataset: 'BEIR and MS MARCO' });
    expect(one('Our policy achieves a new state-of-the-art success rate on the CALVIN benchmark.')).toMatchObject({ kind: 'sota', dataset: 'CALVIN' });
  });

  it('reads the task after "the state-of-the-art performance of <system> in <task>"', () => {
    expect(one('Together these modules yield the state-of-the-art performance of TreeSearcher in program synthesis.')).toMatchObject({ kind: 'sota', dataset: 'program synthesis' });
  });

  it('gives a state-of-the-art claim the class it is compared against: "among X", "against X"', () => {
    expect(one('Our 3B model achieves state-of-the-art results among open-source speech models on LibriSpeech.').comparator).toBe('open-source speech models');
    expect(one('RetroRank achieves state-of-the-art results against existing dense retrievers on BEIR.').comparator).toBe('existing dense retrievers');
    expect(one('RetroRank achieves state-of-the-art results on BEIR.').comparator).toBe('');
  });
});

describe('datasets of values listed one after another', () => {
  it("does not take the previous value's own benchmark: \"A on X, and B on a private dataset\"", () => {
    const claims = extractResults('The tagger reaches 90% F1 on the public CoNLL-03 benchmark, and 71% F1 on a noisy in-house clinical dataset.');
    expect(claims.map((c) => c.dataset)).toEqual(['CoNLL-03', 'noisy in-house clinical dataset']);
  });
});

describe('datasets named away from the value', () => {
  it("takes the abstract's only dataset, introduced as one in an earlier sentence, for a value whose sentence names none", () => {
    const claims = extractResults('We use the KeySpot dataset of spoken commands. The encoder reaches 93% accuracy with 40% fewer operations.');
    expect(claims.map((c) => c.dataset)).toEqual(['KeySpot', 'KeySpot']);
    // A name not introduced as a dataset, or two datasets, say nothing about where the value was measured.
    expect(extractResults('We compare against TinyTalk. The encoder reaches 93% accuracy.').map((c) => c.dataset)).toEqual(['']);
    expect(extractResults('We use the KeySpot dataset and the VoxTalk benchmark. The encoder reaches 93% accuracy.').map((c) => c.dataset)).toEqual(['']);
  });

  it('looks past a value in brackets: "0.712 (an increase of 2.1%) on X"', () => {
    expect(extractResults('The ranker reaches an nDCG of 0.712 (an increase of 2.1%) on the TREC-DL benchmark.').map((c) => [c.value, c.dataset])).toEqual([
      ['0.712', 'TREC-DL'],
      ['2.1%', 'TREC-DL'],
    ]);
  });

  it('takes a task or environment named in the same sentence: "in a real-world X environment, … 18%"', () => {
    expect(one('We deploy the planner in a real-world warehouse environment, cutting pick time by 18%.').dataset).toBe('real-world warehouse environment');
    expect(one('On the block-stacking task, the policy reaches a 64% success rate.').dataset).toBe('block-stacking task');
    // Unnamed collections are not datasets.
    expect(one('Across diverse environments, the policy improves its return by 12%.').dataset).toBe('');
    expect(one('In three tasks, the policy improves its return by 12%.').dataset).toBe('');
  });

  it('gives a benchmark that opens the sentence to every value after it', () => {
    expect(extractResults('On ImageNet, the sparse model improves top-1 accuracy by 2.1% and cuts latency by 30%.').map((c) => c.dataset)).toEqual(['ImageNet', 'ImageNet']);
    expect(extractResults('Standalone SPEC benchmarks show up to a 4x speedup over the CPU and 9x over a naive loop.').map((c) => c.dataset)).toEqual(['SPEC', 'SPEC']);
  });
});

describe('settings are not results', () => {
  it('skips a value that opens the sentence as its condition: "With 8x compression, …"', () => {
    expect(extractResults('Even with 8$\\times$ compression of the cache, accuracy drops by only 0.7%.').map((c) => c.value)).toEqual(['0.7%']);
    expect(extractResults('Under 50% label noise, the classifier keeps 91.2% accuracy.').map((c) => c.value)).toEqual(['91.2%']);
    // A value later in the sentence after "with" is still a result.
    expect(extractResults('The decoder matches the teacher with a 2.5x speedup.').map((c) => c.value)).toEqual(['2.5x']);
  });

  it('skips the rate data was recorded at', () => {
    expect(extractResults('The corpus holds 120 hours of egocentric video captured at 60 frames per second.')).toEqual([]);
    expect(extractResults('Our tracker runs at 45 frames per second on a laptop GPU.').map((c) => c.unit)).toEqual(['fps']);
  });
});

describe('metrics', () => {
  it('reads the quantity named before a change noun: "an average pick time decrease of 22%"', () => {
    expect(one('In a live warehouse, the robot shows an average pick time decrease of 22%, improving throughput.').metric).toBe('pick time');
    expect(one('We observe a significant memory footprint reduction of 35% over the dense model.').metric).toBe('memory footprint');
  });

  it('gives signed values listed after one metric that metric: "performance on A (+0.4%), B (+1.2%)"', () => {
    const claims = extractResults('It improves performance across datasets, including CIFAR-10 (+0.45%), CIFAR-100 (+0.48%) and SVHN (+1.2%).');
    expect(claims.map((c) => c.metric)).toEqual(['performance', 'performance', 'performance']);
  });

  it('names no metric when the thing improved is a system: "improving the model by 21%"', () => {
    expect(one('Against the base LLM, the tuned model is better, improving the model by up to 21%.').metric).toBe('');
  });

  it('reads the metric a value is "measured with" or stated "in terms of"', () => {
    expect(one('The adapter is 38% above the average measured with area under the ROC curve on CheXpert.').metric).toBe('area under the ROC curve');
    expect(one('Our planner improves by 17% in terms of route efficiency over the greedy planner.').metric).toBe('route efficiency');
  });

  it("does not take another value's own metric: \"7x speedup and ~200x over numpy, with a throughput of 3.1 GFLOPs\"", () => {
    const claims = extractResults('Kernel benchmarks show a 7x speedup over the CPU and 90x over plain loops, with a throughput of up to 2.2 GFLOPs.');
    expect(claims.map((c) => [c.value, c.metric])).toEqual([
      ['7x', 'speedup'],
      ['90x', 'speedup'],
      ['2.2 GFLOPs', 'throughput'],
    ]);
  });

  it('reads the quantity of "improves X from A to B" and gives a bracketed follow-up value the metric of the value it follows', () => {
    expect(one('The tuner improves the recall of DenseRet from 61.2% to 68.0% on BEIR.').metric).toMatch(/^recall/);
    const claims = extractResults('The ranker reaches an nDCG of 0.712 (an increase of 2.1%) on the TREC-DL benchmark.');
    expect(claims.map((c) => c.metric)).toEqual(['nDCG', 'nDCG']);
  });
});

describe('kinds', () => {
  it('keeps a score followed by its gain a score: "71.2% accuracy, 4.1% higher than X"', () => {
    expect(extractResults('It reaches 71.2% accuracy, 4.1% higher than the previous best model.').map((c) => c.kind)).toEqual(['absolute', 'relative-gain']);
    // A list that shares one cue still does.
    expect(extractResults('The scheduler brings ~42% time and ~30% memory savings.').map((c) => c.kind)).toEqual(['reduction', 'reduction']);
    expect(extractResults('It is 20%, 30% and 40% faster on the three devices.').map((c) => c.kind)).toEqual(['speed-up', 'speed-up', 'speed-up']);
  });

  it('reads the value of "achieving N%" after a gain verb as a score: "outperforms X …, achieving 100% success rate"', () => {
    expect(one('The agent outperforms the baseline without any demonstrations, achieving a 97% success rate on MiniWoB.').kind).toBe('absolute');
    expect(one('This boosts efficiency, achieving roughly 42% time savings in training.').kind).toBe('reduction');
  });
});
