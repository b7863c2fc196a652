import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../lib/cli/html';
import { adapterFor, detectPage } from '../../../lib/detect';

describe('NeurIPS proceedings adapter', () => {
  it('matches both proceedings hosts', () => {
    expect(adapterFor(new URL('https://papers.nips.cc/paper/2019'))?.site).toBe('neurips');
    expect(adapterFor(new URL('https://proceedings.neurips.cc/paper_files/paper/2024'))?.site).toBe('neurips');
    expect(adapterFor(new URL('https://neurips.cc/virtual/2024/papers.html'))).toBeNull();
  });

  it('reads only paper links in list items (not reviews, not navigation)', () => {
    const url = 'https://papers.nips.cc/paper/2019';
    const html = `<a href="/paper/2019/hash/${'a'.repeat(32)}-Abstract.html">nav</a><ul><li><a href="/paper/2019/hash/${'b'.repeat(32)}-Abstract.html">Kept</a> <i>Ann Lee</i></li><li><a href="/paper/2019/file/${'b'.repeat(32)}-Reviews.html">Reviews</a></li></ul>`;
    const detection = detectPage(parseHtml(html, url), url);
    expect(detection.entries.map((e) => [e.title, e.authors, e.year])).toEqual([['Kept', ['Ann Lee'], 2019]]);
    expect(detection.skipped).toBe(0);
  });
});
