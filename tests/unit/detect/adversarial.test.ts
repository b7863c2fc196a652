import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../lib/cli/html';
import { detectPage, type Detection } from '../../../lib/detect';
import { ADAPTERS, GENERIC_ADAPTER } from '../../../lib/detect/registry';
import { LIMITS } from '../../../lib/detect/text';
import type { SiteAdapter } from '../../../lib/detect/types';

/**
 * Every adapter, on pages built to hurt: 10,000-deep nesting, 10 MB of text, odd Unicode, hostile
 * markup in titles and 10,000 entries. Detection must never throw, finish in bounded time, and keep
 * every field within its cap.
 */

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** Per site: a URL the adapter reads, and its listing markup with one row per entry. */
interface ListingShape {
  url: string;
  page(rows: string): string;
  row(i: number, title: string): string;
}

const SHAPES: Record<string, ListingShape> = {
  arxiv: {
    url: 'https://arxiv.org/list/cs.LG/new',
    page: (rows) => `<div id="dlpage"><dl id="articles">${rows}</dl></div>`,
    row: (i, title) =>
      `<dt><a href="/abs/2609.${pad(i, 5)}" title="Abstract">arXiv:2609.${pad(i, 5)}</a></dt><dd><div class="meta"><div class="list-title mathjax"><span class="descriptor">Title:</span> ${title}</div><div class="list-authors"><a href="/a">Ann Lee</a>, <a href="/b">Bo Chen</a></div></div></dd>`,
  },
  acl: {
    url: 'https://aclanthology.org/people/a/ann-lee/',
    page: (rows) => `<section id="main"><div class="row"><div class="col-lg-9">${rows}</div></div></section>`,
    row: (i, title) =>
      `<div class="d-sm-flex align-items-stretch mb-3"><span class="d-block"><strong><a class="align-middle" href="/2026.acl-long.${i + 1}/">${title}</a></strong><br><a href="/people/a/ann-lee/">Ann Lee</a></span></div>`,
  },
  scholar: {
    url: 'https://scholar.google.com/scholar?q=x',
    page: (rows) => `<div id="gs_res_ccl_mid">${rows}</div>`,
    row: (i, title) =>
      `<div class="gs_r gs_or gs_scl" data-cid="cid${i}"><div class="gs_ri"><h3 class="gs_rt"><a href="https://example.org/p/${i}">${title}</a></h3><div class="gs_a">A Lee, B Chen - Some Venue, 2020 - example.org</div><div class="gs_rs">A snippet…</div></div></div>`,
  },
  huggingface: {
    url: 'https://huggingface.co/papers',
    page: (rows) => `<div class="grid">${rows}</div>`,
    row: (i, title) => `<article><h3><a href="/papers/2609.${pad(i, 5)}">${title}</a></h3></article>`,
  },
  openreview: {
    url: 'https://openreview.net/group?id=ICLR.cc/2026/Conference',
    page: (rows) => `<ul class="list-unstyled submissions-list">${rows}</ul>`,
    row: (i, title) =>
      `<li><div class="note"><h4><a href="/forum?id=f${hex(i, 8)}">${title}</a></h4><div class="note-authors"><a href="/profile?id=~Ann_Lee1">Ann Lee</a></div></div></li>`,
  },
  semanticscholar: {
    url: 'https://www.semanticscholar.org/search?q=x',
    page: (rows) => `<div class="result-page">${rows}</div>`,
    row: (i, title) => `<div class="cl-paper-row"><a href="/paper/${hex(i, 40)}"><h2 class="cl-paper-title">${title}</h2></a></div>`,
  },
  pubmed: {
    url: 'https://pubmed.ncbi.nlm.nih.gov/?term=x',
    page: (rows) => `<section class="search-results-list">${rows}</section>`,
    row: (i, title) =>
      `<article class="full-docsum"><div class="docsum-wrap"><div class="docsum-content"><a class="docsum-title" href="/${i + 1}/">${title}</a><span class="docsum-authors full-authors">Lee A, Chen B.</span><span class="docsum-pmid">${i + 1}</span></div></div></article>`,
  },
  biorxiv: {
    url: 'https://www.biorxiv.org/collection/neuroscience',
    page: (rows) => `<div class="highwire-list">${rows}</div>`,
    row: (i, title) =>
      `<div class="highwire-article-citation"><a class="highwire-cite-linked-title" href="/content/10.1101/2026.01.01.${pad(i, 6)}v1"><span class="highwire-cite-title">${title}</span></a></div>`,
  },
  pmlr: {
    url: 'https://proceedings.mlr.press/v270/',
    page: (rows) => `<h2>Volume 270, 2026</h2>${rows}`,
    row: (i, title) =>
      `<div class="paper"><p class="title">${title} ${i}</p><p class="details"><span class="authors">Ann Lee</span></p><p class="links"><a href="https://proceedings.mlr.press/v270/lee26${i}.html">abs</a></p></div>`,
  },
  neurips: {
    url: 'https://proceedings.neurips.cc/paper_files/paper/2026',
    page: (rows) => `<ul class="paper-list">${rows}</ul>`,
    row: (i, title) =>
      `<li class="conference"><a title="paper title" href="/paper_files/paper/2026/hash/${hex(i, 32)}-Abstract-Conference.html">${title} ${i}</a> <span class="paper-authors">Ann Lee</span></li>`,
  },
  cvf: {
    url: 'https://openaccess.thecvf.com/CVPR2026?day=all',
    page: (rows) => `<dl>${rows}</dl>`,
    row: (i, title) =>
      `<dt class="ptitle"><a href="/content/CVPR2026/html/Lee_${i}_CVPR_2026_paper.html">${title} ${i}</a></dt><dd><form class="authsearch"><input type="hidden" name="query_author" value="Ann Lee"></form></dd><dd></dd>`,
  },
  dblp: {
    url: 'https://dblp.org/pid/1/2.html',
    page: (rows) => `<ul class="publ-list">${rows}</ul>`,
    row: (i, title) =>
      `<li class="entry article" id="journals/x/Lee${i}"><nav class="publ"><a href="https://doi.org/10.5555/x.${i}">ee</a></nav><cite class="data"><span itemprop="author"><span itemprop="name">Ann Lee</span></span>: <span class="title">${title}.</span></cite></li>`,
  },
  generic: {
    url: 'https://lab.example.org/reading-list',
    page: (rows) => `<ul>${rows}</ul>`,
    row: (i, title) => `<li><strong>${title} number ${i}</strong>. <a href="https://arxiv.org/abs/2609.${pad(i, 5)}">arXiv</a></li>`,
  },
};

const ALL: SiteAdapter[] = [...ADAPTERS, GENERIC_ADAPTER];

function listing(shape: ListingShape, count: number, title: (i: number) => string, extraBody = ''): string {
  const rows = Array.from({ length: count }, (_, i) => shape.row(i, title(i))).join('');
  return `<!DOCTYPE html><html><head><title>t</title></head><body>${extraBody}${shape.page(rows)}</body></html>`;
}

/** Detection on `html`, with the time it took; fails the test if it throws. */
function timedDetect(adapter: SiteAdapter, shape: ListingShape, html: string): { detection: Detection; ms: number } {
  const doc = parseHtml(html, shape.url);
  const start = performance.now();
  const detection = detectPage(doc, shape.url, adapter);
  return { detection, ms: performance.now() - start };
}

function expectCapped(detection: Detection): void {
  expect(detection.entries.length).toBeLessThanOrEqual(LIMITS.entriesPerPage);
  for (const entry of detection.entries) {
    expect(entry.title.length).toBeLessThanOrEqual(LIMITS.title);
    expect(entry.abstract.length).toBeLessThanOrEqual(LIMITS.abstract);
    expect(entry.authors.length).toBeLessThanOrEqual(LIMITS.authors);
    for (const name of entry.authors) expect(name.length).toBeLessThanOrEqual(LIMITS.authorName);
    expect(entry.title).not.toMatch(/[\u0000-\u0008\u202a-\u202e\u200b\ufeff]/);
  }
}

const HOSTILE_TITLE =
  'Safe &lt;script&gt;alert(1)&lt;/script&gt; <img src=x onerror="alert(2)"><script>window.pwned = 1</script><style>*{}</style><iframe src="javascript:alert(3)"></iframe> end';
const ODD_UNICODE = 'Ti\u202etle\u200b with \u0000nul, \ud800lone surrogate, e\u0301\u0301\u0301 combining, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and 🤖\ufeff';
const DEEP = `${'<span>'.repeat(10_000)}Deep title${'</span>'.repeat(10_000)}`;

describe.each(ALL.map((adapter) => [adapter.site, adapter] as const))('%s adapter on adversarial pages', (site, adapter) => {
  const shape = SHAPES[site]!;

  it('reads the plain listing the other cases start from (so they test something)', () => {
    expect(adapter.matches(new URL(shape.url))).toBe(true);
    const { detection } = timedDetect(adapter, shape, listing(shape, 3, (i) => `A plain paper title ${i}`));
    expect(detection.entries.length).toBe(3);
  });

  it('keeps hostile markup in a title as inert, capped text and still reads the other entries', () => {
    const { detection } = timedDetect(adapter, shape, listing(shape, 3, (i) => (i === 1 ? HOSTILE_TITLE : `Plain title ${i}`)));
    expect(detection.entries.length).toBeGreaterThanOrEqual(2);
    expectCapped(detection);
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });

  it('strips odd Unicode (bidi overrides, zero-width, NUL) from titles', () => {
    const { detection } = timedDetect(adapter, shape, listing(shape, 3, (i) => `${ODD_UNICODE} ${i}`));
    expect(detection.entries.length).toBe(3);
    expectCapped(detection);
  });

  it('finishes on 10,000-deep nesting, around the list and inside a title', { timeout: 30_000 }, () => {
    const { detection, ms } = timedDetect(adapter, shape, listing(shape, 3, (i) => (i === 0 ? DEEP : `Plain title ${i}`), DEEP));
    expect(ms).toBeLessThan(10_000);
    expect(detection.entries.length).toBeGreaterThanOrEqual(2);
    expectCapped(detection);
  });

  it('caps a 10 MB title and finishes in bounded time', { timeout: 60_000 }, () => {
    const huge = 'A'.repeat(10_000_000);
    const { detection, ms } = timedDetect(adapter, shape, listing(shape, 2, (i) => (i === 0 ? huge : `Plain title ${i}`)));
    expect(ms).toBeLessThan(10_000);
    expect(detection.entries.length).toBeGreaterThanOrEqual(1);
    expectCapped(detection);
  });

  it('caps 10,000 entries at the page limit', { timeout: 60_000 }, () => {
    const { detection, ms } = timedDetect(adapter, shape, listing(shape, 10_000, (i) => `Paper title number ${i}`));
    expect(ms).toBeLessThan(30_000);
    expect(detection.entries.length).toBe(LIMITS.entriesPerPage);
    expect(detection.truncated).toBe(true);
  });
});
