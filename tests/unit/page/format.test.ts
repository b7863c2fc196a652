import { describe, expect, it } from 'vitest';
import { orderedTags, resultLabel } from '../../../lib/ui/chips/format';
import { claim, tag } from './listing';

describe('chip text', () => {
  it('says a result in a few words, and cuts long ones', () => {
    expect(resultLabel(claim('12.5%', 's'))).toBe('↑ 12.5% success rate on WebShop');
    expect(resultLabel({ ...claim('', 's'), kind: 'sota', direction: 'none', metric: '', dataset: 'ImageNet' })).toBe('state of the art on ImageNet');
    expect(resultLabel({ ...claim('2x', 's'), direction: 'none', dataset: '' })).toBe('2x success rate');
    const long = resultLabel({ ...claim('1', 's'), dataset: 'x'.repeat(200) });
    expect(long.length).toBe(48);
    expect(long.endsWith('…')).toBe(true);
  });

  it("orders the user's tags, then suggestions, then topics, then categories", () => {
    const ordered = orderedTags([tag('cs.LG'), tag('topic:rl', 'topic'), tag('user:b', 'personal', 'model'), tag('user:a', 'personal', 'user')]);
    expect(ordered.map((t) => t.id)).toEqual(['user:a', 'user:b', 'topic:rl', 'cs.LG']);
  });
});
