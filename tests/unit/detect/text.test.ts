import { describe, expect, it } from 'vitest';
import { LIMITS, cleanText, splitAuthors } from '../../../lib/detect/text';

/** What cleanText means, written as plainly as possible: invisible characters out, whitespace folded and trimmed. */
function cleanTextByDefinition(text: string, max: number): string {
  const folded = text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return folded.slice(0, max);
}

/** Characters where clean and unclean text differ: every kind of space, control and invisible character, and plain letters. */
const TRICKY = [' ', ' ', ' ', 'a', 'b', 'é', '\n', '\t', '\r', '\u000b', '\u0001', '\u001f', '\u007f', '\u0085', '\u00a0', '\u1680', '\u2000', '\u200a', '\u200b', '\u200f', '\u2028', '\u2029', '\u202a', '\u202f', '\u205f', '\u2066', '\u3000', '\ufeff', '\u00ad'];

describe('cleanText', () => {
  it('reads typical page text', () => {
    expect(cleanText('\n          Dark energy   from\n   galaxy clusters\n        ')).toBe('Dark energy from galaxy clusters');
    expect(cleanText('  Title\u200b with a zero-width space ')).toBe('Title with a zero-width space');
    expect(cleanText('a\u00a0b')).toBe('a b');
    expect(cleanText('x'.repeat(50), 10)).toBe('x'.repeat(10));
  });

  it('leaves text that is already clean as it is', () => {
    expect(cleanText('Astrometric Redshifts of Supernovae')).toBe('Astrometric Redshifts of Supernovae');
    expect(cleanText('  Jaemyoung (Jason)Lee, Masao Sako ')).toBe('Jaemyoung (Jason)Lee, Masao Sako');
  });

  it('agrees with its definition on random text made of spaces, controls and invisible characters', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let run = 0; run < 5000; run++) {
      const text = Array.from({ length: random(12) }, () => TRICKY[random(TRICKY.length)]).join('');
      const max = 1 + random(10);
      expect(cleanText(text, max), JSON.stringify(text)).toBe(cleanTextByDefinition(text, max));
    }
  });

  it('runs in linear time on long text that is clean up to its last character', () => {
    // Words and single spaces, then one character to clean: the test for clean text gives back every
    // character once. A backtracking blow-up would take seconds on 60,000 characters, not milliseconds.
    for (const tail of ['\u0001', '  x', '\n', 'a\u200b']) {
      const text = 'ab '.repeat(19_000) + tail;
      const start = performance.now();
      const same = cleanText(text, LIMITS.rawText) === cleanTextByDefinition(text, LIMITS.rawText);
      expect(same, JSON.stringify(tail)).toBe(true);
      expect(performance.now() - start).toBeLessThan(500);
    }
  });
});

describe('splitAuthors', () => {
  it('splits on commas, semicolons, bars and "and"', () => {
    expect(splitAuthors('Ann Lee, Bo Kim and Cy Park; Di Wu | Ed Ng')).toEqual(['Ann Lee', 'Bo Kim', 'Cy Park', 'Di Wu', 'Ed Ng']);
    expect(splitAuthors('Authors: Ann Lee AND Bo Kim')).toEqual(['Ann Lee', 'Bo Kim']);
  });

  it('does not take "et al." or an ellipsis for a name', () => {
    expect(splitAuthors('Ann Lee, Bo Kim, et al.')).toEqual(['Ann Lee', 'Bo Kim']);
    expect(splitAuthors('Ann Lee, et al. (12 additional authors not shown)')).toEqual(['Ann Lee']);
    expect(splitAuthors('Ann Lee, Bo Kim, …')).toEqual(['Ann Lee', 'Bo Kim']);
    expect(splitAuthors('Etienne Alard, Ed Etal')).toEqual(['Etienne Alard', 'Ed Etal']);
  });

  it('caps each name and the number of names', () => {
    const long = 'N'.repeat(LIMITS.authorName + 50);
    expect(splitAuthors(`Ann Lee, ${long}`)).toEqual(['Ann Lee', 'N'.repeat(LIMITS.authorName - 1)]);
    const many = Array.from({ length: LIMITS.authors + 20 }, (_, i) => `Author ${i}`).join(', ');
    expect(splitAuthors(many)).toHaveLength(LIMITS.authors);
    expect(splitAuthors(many).at(-1)).toBe(`Author ${LIMITS.authors - 1}`);
  });

  it('skips empty pieces and keeps names cut at every kind of separator', () => {
    expect(splitAuthors(', Ann Lee,, Bo Kim ,')).toEqual(['Ann Lee', 'Bo Kim']);
    expect(splitAuthors('Lee, Ann; Kim, Bo|Park, Cy')).toEqual(['Lee', 'Ann', 'Kim', 'Bo', 'Park', 'Cy']);
    expect(splitAuthors('Ann Lee and Bo Kim')).toEqual(['Ann Lee', 'Bo Kim']);
  });
});
