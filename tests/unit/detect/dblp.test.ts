import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../lib/cli/html';
import { adapterFor, detectPage } from '../../../lib/detect';

const SEARCH = 'https://dblp.org/search?q=retrieval';

function entry(classes: string, key: string, inner: string): string {
  return `<li class="entry ${classes}" id="${key}">${inner}</li>`;
}

describe('DBLP adapter', () => {
  it('matches dblp.org and its mirror', () => {
    expect(adapterFor(new URL(SEARCH))?.site).toBe('dblp');
    expect(adapterFor(new URL('https://dblp.uni-trier.de/db/conf/icml/icml2024.html'))?.site).toBe('dblp');
  });

  it('drops namesake numbers and the closing period, skips proceedings volumes', () => {
    const html = `<ul class="result-list">${entry('editor', 'conf/x/2024', '<cite><span class="title">Proceedings.</span></cite>')}${entry(
      'inproceedings',
      'conf/x/Wang24',
      '<cite><span itemprop="author"><span itemprop="name">Wei Wang 0012</span></span>: <span class="title">Graphs, Again.</span> <span itemprop="isPartOf"><span itemprop="name">X</span></span> <span itemprop="datePublished">2024</span></cite>',
    )}</ul>`;
    const detection = detectPage(parseHtml(html, SEARCH), SEARCH);
    expect(detection.entries.map((e) => [e.title, e.authors, e.venue, e.year, e.aliases])).toEqual([['Graphs, Again', ['Wei Wang'], 'X', 2024, ['dblp:conf/x/Wang24']]]);
    expect(detection.skipped).toBe(0);
  });

  it("reads an arXiv DOI (10.48550) as the arXiv id and keeps a publisher DOI as an alias", () => {
    const html = `<ul>${entry(
      'article',
      'journals/x/Lee25',
      '<nav class="publ"><a href="https://doi.org/10.5555/J.1">ee</a><a href="https://doi.org/10.48550/arXiv.2501.00002">ee</a></nav><cite><span class="title">T.</span></cite>',
    )}</ul>`;
    expect(detectPage(parseHtml(html, SEARCH), SEARCH).entries[0]).toMatchObject({ id: 'arxiv:2501.00002', aliases: ['doi:10.5555/j.1', 'dblp:journals/x/Lee25'] });
  });
});
