import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../lib/cli/html';
import { adapterFor, detectPage } from '../../../lib/detect';

const SEARCH = 'https://www.semanticscholar.org/search?q=retrieval';

function row(inner: string): string {
  return `<div class="cl-paper-row">${inner}</div>`;
}

describe('Semantic Scholar adapter', () => {
  it('matches semanticscholar.org only', () => {
    expect(adapterFor(new URL(SEARCH))?.site).toBe('semanticscholar');
    expect(adapterFor(new URL('https://semanticscholar.example.org/'))).toBeNull();
  });

  it('marks row abstracts as snippets, without the TLDR label or the Expand button', () => {
    const html = row(
      '<a href="/paper/' + 'ab'.repeat(20) + '"><h2 class="cl-paper-title">A Title</h2></a>' +
        '<div class="tldr-abstract-replacement"><span class="tldr-abstract-replacement__label">TLDR</span> Short summary. <button>Expand</button></div>',
    );
    const [entry] = detectPage(parseHtml(html, SEARCH), SEARCH).entries;
    expect(entry).toMatchObject({ abstract: 'Short summary.', abstractKind: 'snippet', aliases: [`s2:${'ab'.repeat(20)}`] });
  });

  it('prefers an arXiv id, then a DOI, from the row links; the S2 id stays an alias', () => {
    const html =
      row('<a href="/paper/x"><h2 class="cl-paper-title">One</h2></a><a href="https://doi.org/10.1234/ABC">DOI</a><a href="https://arxiv.org/abs/2401.00001v2">arXiv</a>') +
      row('<a href="/paper/y"><h2 class="cl-paper-title">Two</h2></a><a href="https://doi.org/10.1234/DEF">DOI</a>');
    const entries = detectPage(parseHtml(html, SEARCH), SEARCH).entries;
    expect(entries.map((e) => [e.id, e.aliases])).toEqual([
      ['arxiv:2401.00001', ['doi:10.1234/abc']],
      ['doi:10.1234/def', []],
    ]);
  });

  it('skips and counts a row without a title', () => {
    const detection = detectPage(parseHtml(row('<a href="/paper/z"></a>') + row('<h2 class="cl-paper-title">Kept</h2>'), SEARCH), SEARCH);
    expect(detection.entries.map((e) => e.title)).toEqual(['Kept']);
    expect(detection.skipped).toBe(1);
  });
});
