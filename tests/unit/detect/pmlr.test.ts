import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../lib/cli/html';
import { adapterFor, detectPage } from '../../../lib/detect';

const VOLUME = 'https://proceedings.mlr.press/v99/';

describe('PMLR adapter', () => {
  it('matches proceedings.mlr.press', () => {
    expect(adapterFor(new URL(VOLUME))?.site).toBe('pmlr');
  });

  it('names the venue without the page range and keeps the paper key as an alias', () => {
    const html = `<div class="paper"><p class="title">A Title</p><p class="details"><span class="authors">Ann&nbsp;Lee,&nbsp;Bo&nbsp;Chen</span>; <span class="info">Proceedings of the Conference on Learning Theory, PMLR 99:1-30</span></p><p class="links">[<a href="https://proceedings.mlr.press/v99/lee19a.html">abs</a>][<a href="https://proceedings.mlr.press/v99/lee19a/lee19a.pdf">Download PDF</a>]</p></div>`;
    expect(detectPage(parseHtml(html, VOLUME), VOLUME).entries[0]).toMatchObject({
      id: 'title:a title',
      aliases: ['pmlr:v99/lee19a'],
      authors: ['Ann Lee', 'Bo Chen'],
      venue: 'Proceedings of the Conference on Learning Theory',
      pdfUrl: 'https://proceedings.mlr.press/v99/lee19a/lee19a.pdf',
    });
  });

  it('reads a paper page abstract from div#abstract even without meta', () => {
    const url = 'https://proceedings.mlr.press/v99/lee19a.html';
    const html = `<h1>A Title</h1><div id="abstract" class="abstract"> The abstract. </div>`;
    expect(detectPage(parseHtml(html, url), url).entries[0]).toMatchObject({ title: 'A Title', abstract: 'The abstract.', abstractKind: 'full' });
  });
});
