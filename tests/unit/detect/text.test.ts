import { describe, expect, it } from 'vitest';
import { cleanText } from '../../../lib/detect/text';

describe('cleanText', () => {
  it('reads typical page text', () => {
    expect(cleanText('\n          Dark energy   from\n   galaxy clusters\n        ')).toBe('Dark energy from galaxy clusters');
    expect(cleanText('  Title\u200b with a zero-width space ')).toBe('Title with a zero-width space');
    expect(cleanText('a\u00a0b')).toBe('a b');
    expect(cleanText('x'.repeat(50), 10)).toBe('x'.repeat(10));
  });
});
