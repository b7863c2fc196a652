import { describe, expect, it } from 'vitest';
import { bootstrapInterval, median, ratioOfMedians } from '../../../scripts/lib/stats';

describe('median', () => {
  it('is the middle value, the upper middle one for an even count, whatever the order', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(3);
  });
});

describe('bootstrapInterval', () => {
  it('holds the figure of the runs themselves, and is reproducible', () => {
    const a = [110, 104, 121, 98, 115, 107, 112, 101, 118];
    const b = [100, 97, 108, 93, 104, 99, 102, 95, 106];
    const [low, high] = bootstrapInterval(a, b, ratioOfMedians);
    expect(low).toBeLessThanOrEqual(ratioOfMedians(a, b));
    expect(high).toBeGreaterThanOrEqual(ratioOfMedians(a, b));
    expect(bootstrapInterval(a, b, ratioOfMedians)).toEqual([low, high]);
  });

  it('is narrow for steady runs and wide for scattered ones', () => {
    const steady = bootstrapInterval([100, 101, 100, 99, 100], [100, 100, 101, 99, 100], ratioOfMedians);
    const scattered = bootstrapInterval([70, 130, 95, 120, 80], [125, 75, 100, 85, 115], ratioOfMedians);
    expect(steady[1] - steady[0]).toBeLessThan(0.03);
    expect(scattered[1] - scattered[0]).toBeGreaterThan(0.3);
  });
});
