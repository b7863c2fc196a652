import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../lib/cli/html';
import { adapterFor, detectPage } from '../../../lib/detect';

const SEARCH = 'https://pubmed.ncbi.nlm.nih.gov/?term=asthma';

describe('PubMed adapter', () => {
  it('matches pubmed.ncbi.nlm.nih.gov only', () => {
    expect(adapterFor(new URL(SEARCH))?.site).toBe('pubmed');
    expect(adapterFor(new URL('https://www.ncbi.nlm.nih.gov/pmc/'))).toBeNull();
  });

  it('reads rows of the summary layout, which has no article wrapper', () => {
    const html = `<div class="docsum-wrap"><a class="docsum-title" href="/123/">Asthma in <b>cities</b>.</a><span class="docsum-authors full-authors">Lee A, Chen B.</span><span class="docsum-pmid">123</span><div class="short-view-snippet">Short view…</div></div>`;
    const [entry] = detectPage(parseHtml(html, SEARCH), SEARCH).entries;
    expect(entry).toMatchObject({ id: 'pubmed:123', title: 'Asthma in cities', authors: ['Lee A', 'Chen B'], abstractKind: 'snippet' });
  });

  it('never calls a search snippet a full abstract, and skips rows without a PMID', () => {
    const html = `<article class="full-docsum"><a class="docsum-title" href="/9/">T.</a><span class="docsum-pmid">9</span><div class="full-view-snippet">Snip</div></article><article class="full-docsum"><a class="docsum-title">No id.</a></article>`;
    const detection = detectPage(parseHtml(html, SEARCH), SEARCH);
    expect(detection.entries.map((e) => e.abstractKind)).toEqual(['snippet']);
    expect(detection.skipped).toBe(1);
  });

  it('takes the PMID of an article page from its URL when the page does not show it', () => {
    const url = 'https://pubmed.ncbi.nlm.nih.gov/4567/';
    const html = `<div id="full-view-heading"><h1 class="heading-title">A study.</h1></div><div id="eng-abstract"><p>Full text.</p></div>`;
    expect(detectPage(parseHtml(html, url), url).entries[0]).toMatchObject({ id: 'pubmed:4567', title: 'A study', abstractKind: 'full' });
  });
});
