import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../lib/cli/html';
import { detectPage } from '../../../lib/detect';
import { bylineParts } from '../../../lib/detect/sites/scholar';
import { markupText } from '../../helpers/markup';
import { HAS_SHARED, REAL_PAGES, readShared } from '../../helpers/shared';

const RESULTS_PAGE = REAL_PAGES.find((p) => p.site === 'scholar')!;

describe.skipIf(!HAS_SHARED)('the real Google Scholar results page (2020)', () => {
  const html = HAS_SHARED ? readShared('fixtures/pages', RESULTS_PAGE.file) : '';
  const detection = HAS_SHARED ? detectPage(parseHtml(html, RESULTS_PAGE.url), RESULTS_PAGE.url) : null;
  /** Each result's markup, cut at the row class, in page order. */
  const rows = html.split('<div class="gs_r gs_or gs_scl"').slice(1);

  it('finds every result row, in order, with its cluster id as an alias', () => {
    expect(rows).toHaveLength(10);
    expect(detection!.site).toBe('scholar');
    expect(detection!.skipped).toBe(0);
    const clusterIds = rows.map((row) => /data-cid="([^"]+)"/.exec(row)![1]);
    expect(detection!.entries.map((e) => e.aliases.find((a) => a.startsWith('scholar:')))).toEqual(clusterIds.map((cid) => `scholar:${cid}`));
  });

  it('reads titles without the [PDF] / [CITATION] markers', () => {
    rows.forEach((row, i) => {
      const heading = /<h3 class="gs_rt"[^>]*>([\s\S]*?)<\/h3>/.exec(row)![1]!.replace(/<span class="gs_ct[cu]">[\s\S]*?<\/span><\/span>/, '');
      expect(detection!.entries[i]!.title).toBe(markupText(heading));
      expect(detection!.entries[i]!.title).not.toMatch(/\[(PDF|CITATION|BOOK|HTML)\]/);
    });
  });

  it('reads authors from the green line before " - ", and snippets as snippets', () => {
    rows.forEach((row, i) => {
      const entry = detection!.entries[i]!;
      const byline = markupText(/<div class="gs_a">([\s\S]*?)<\/div>/.exec(row)![1]!);
      const authors = byline.split(' - ')[0]!.split(', ').map((name) => name.replace(/…$/, '').trim());
      expect(entry.authors).toEqual(authors.filter(Boolean));
      const snippet = /<div class="gs_rs">([\s\S]*?)<\/div>/.exec(row)?.[1];
      expect(entry.abstractKind).toBe(snippet ? 'snippet' : 'none');
      if (snippet) expect(entry.abstract).toBe(markupText(snippet));
      expect(entry.year).toBe(Number(/(?:19|20)\d\d(?=\s*(?:-|$))/.exec(byline)![0]));
    });
    expect(detection!.entries.filter((e) => e.abstractKind === 'snippet')).toHaveLength(9);
  });

  it('links each result to its page, and to its PDF where Scholar marks one', () => {
    rows.forEach((row, i) => {
      const entry = detection!.entries[i]!;
      const heading = /<h3 class="gs_rt"[^>]*>([\s\S]*?)<\/h3>/.exec(row)![1]!;
      const titleHref = /<a [^>]*href="([^"]+)"/.exec(heading)?.[1]?.replace(/&amp;/g, '&');
      if (titleHref) expect(entry.url).toBe(titleHref);
      else expect(entry.url).toMatch(/^https:\/\/scholar\.google\.com\/scholar\?/);
      const sidePdf = /<a href="([^"]+)"[^>]*><span class=gs_ctg2>\[PDF\]/.exec(row)?.[1]?.replace(/&amp;/g, '&');
      expect(entry.pdfUrl).toBe(sidePdf);
      expect(entry.element).toBeDefined();
    });
  });
});

describe('Scholar bylines', () => {
  it.each([
    ['PJ Forsyth, N Mortimer, IM Turnbull - Terra Antartica, 2002 - sidst3.dst.unisi.it', ['PJ Forsyth', 'N Mortimer', 'IM Turnbull'], 'Terra Antartica', 2002],
    ['A Allibone, R Wysoczanski - Geological Society of …, 2002 - pubs.geoscienceworld.org', ['A Allibone', 'R Wysoczanski'], 'Geological Society of …', 2002],
    ['J Smith, K Lee… - 2011 - example.org', ['J Smith', 'K Lee'], '', 2011],
    ['- Nature, 2001 - nature.com', [], 'Nature', 2001],
    ['Only Authors Here', ['Only Authors Here'], '', undefined],
  ])('%s', (text, authors, venue, year) => {
    expect(bylineParts(text)).toEqual({ authors, venue, year });
  });

  it('splits a hostile byline in linear time', () => {
    const started = performance.now();
    bylineParts(`${'a, '.repeat(20_000)}${' - '.repeat(20_000)}`);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
