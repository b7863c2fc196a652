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
  it('reads "higher / lower / better than X" as naming the baseline', () => {
    expect(one('The pruned network reaches 91.2% accuracy, which is higher than the dense teacher network.').comparator).toBe('dense teacher network');
    expect(one('Its error rate of 4.1% is lower than ResNet-50 on this split.').comparator).toBe('ResNet-50');
    // A qualifier before a number still names no baseline.
    expect(one('Our planner solves more than 80% of the puzzles.').comparator).toBe('');
  });
});
