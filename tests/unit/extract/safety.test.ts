import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractArtifacts, extractResults, keyResult } from '../../../lib/extract';
import { readableTex } from '../../../lib/tex';
import { splitSentences, tokenize } from '../../../lib/extract/tokens';
import { adversarialInputs } from './adversarial';

describe('extraction on hostile text', () => {
  it('never throws, and every claim quotes the text it came from (fuzz)', () => {
    const alphabet = fc.constantFrom(...'0123456789.,%x×-+()[]{}$\\ OΩ of by on to than over state-of-the-art SOTA MMLU WebShop GPT-4 Qwen2.5 7B improves reduces faster respectively from\n'.split(''));
    const words = fc.constantFrom('improves', 'by', '12.5%', 'on', 'MMLU', 'over', 'GPT-4', '2.5x', 'faster', 'than', 'state-of-the-art', 'respectively', 'from', 'to', 'O(n)', 'regret', '$\\times$', '7B', 'Section', '3', '(', ')', '.', ',', 'https://github.com/a/b');
    const text = fc.oneof(fc.string({ unit: alphabet, maxLength: 400 }), fc.array(words, { maxLength: 80 }).map((w) => w.join(' ')), fc.string({ maxLength: 300 }));
    fc.assert(
      fc.property(text, (abstract) => {
        const claims = extractResults(abstract);
        for (const c of claims) {
          expect(c.start).toBeGreaterThanOrEqual(0);
          expect(c.end).toBeGreaterThan(c.start);
          if (c.value) expect(readableTex(abstract.slice(c.start, c.end))).toBe(c.value);
          expect(abstract).toContain(c.sentence);
        }
        keyResult(claims);
        extractArtifacts({ abstract, comments: abstract, links: [abstract] });
      }),
      { numRuns: 300 },
    );
  });

  // The bench measures the < 50 ms budget; this only proves nothing hangs, with a bound generous
  // enough for a loaded CI machine.
  it('handles 1 MB adversarial inputs without hanging', () => {
    for (const [name, input] of Object.entries(adversarialInputs(1_000_000))) {
      const started = performance.now();
      extractResults(input);
      extractArtifacts({ abstract: input, comments: input, links: [input] });
      expect(performance.now() - started, name).toBeLessThan(2000);
    }
  });

  it('tokenizes and splits a whole 1 MB input in linear time (no cap involved)', () => {
    const time = (size: number) => {
      const input = adversarialInputs(size).sentences!;
      const started = performance.now();
      splitSentences(tokenize(input));
      return performance.now() - started;
    };
    time(100_000); // warm up
    const small = time(250_000);
    const large = time(1_000_000);
    // Four times the text may cost at most ~4x (with slack for timer noise), never the 16x of a quadratic scan.
    expect(large).toBeLessThan(Math.max(10 * small, 200));
  });
});
