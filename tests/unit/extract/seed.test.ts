import { describe, expect, it } from 'vitest';
import { HAS_SHARED } from '../../helpers/shared';
import { readSeedPapers } from '../../helpers/seed';

describe.skipIf(!HAS_SHARED)('readSeedPapers (../shared/seed/hf-papers-listing.txt)', () => {
  it('reads the 56 papers as title + abstract, skipping the page header', () => {
    const papers = readSeedPapers();
    expect(papers).toHaveLength(56);
    expect(papers.map((p) => p.index)).toEqual(papers.map((_, i) => i + 1));
    for (const paper of papers) {
      expect(paper.title.length).toBeLessThan(200);
      expect(paper.abstract.length).toBeGreaterThan(300);
    }
    expect(papers[0]!.title).toMatch(/Step-Level Q-Value/);
  });
});
