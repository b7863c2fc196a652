import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../lib/cli/html';
import { detectPage } from '../../../lib/detect';
import { LIMITS } from '../../../lib/detect/text';

/**
 * Hostile pages for the Hugging Face, OpenReview, ACL Anthology, Google Scholar and arXiv search adapters:
 * each site's entry markup, nested 10,000 deep, with 10 MB titles, bidi controls, or more entries than the cap.
 */
interface SitePage {
  url: string;
  wrap: (entries: string) => string;
  entry: (n: number, title: string) => string;
}

const pad = (n: number) => String(n).padStart(5, '0');

const SITES: Record<string, SitePage> = {
  'arXiv search': {
    url: 'https://arxiv.org/search/?query=x',
    wrap: (entries) => `<ol>${entries}</ol>`,
    entry: (n, title) => `<li class="arxiv-result"><p class="list-title"><a href="https://arxiv.org/abs/2609.${pad(n)}">arXiv:2609.${pad(n)}</a></p><p class="title">${title}</p></li>`,
  },
  'Hugging Face': {
    url: 'https://huggingface.co/papers',
    wrap: (entries) => `<main>${entries}</main>`,
    entry: (n, title) => `<article><h3><a href="/papers/2609.${pad(n)}">${title}</a></h3></article>`,
  },
  OpenReview: {
    url: 'https://openreview.net/group?id=X',
    wrap: (entries) => `<ul class="submissions-list">${entries}</ul>`,
    entry: (n, title) => `<li><div class="note"><h4><a href="/forum?id=Forum${pad(n)}">${title}</a></h4></div></li>`,
  },
  'ACL Anthology': {
    url: 'https://aclanthology.org/volumes/2024.x-1/',
    wrap: (entries) => `<section id=main>${entries}</section>`,
    entry: (n, title) => `<p class="d-sm-flex"><span class=d-block><strong><a href=/2024.x-1.${n + 1}/>${title}</a></strong></span></p>`,
  },
  'Google Scholar': {
    url: 'https://scholar.google.com/scholar?q=x',
    wrap: (entries) => `<div id="gs_res_ccl_mid">${entries}</div>`,
    entry: (n, title) => `<div class="gs_r gs_or gs_scl" data-cid="cid${n}"><h3 class="gs_rt"><a href="https://example.org/${n}">${title}</a></h3><div class="gs_a">A Author - Venue, 2020 - example.org</div></div>`,
  },
};

function detect(site: SitePage, entries: string) {
  return detectPage(parseHtml(`<html><body>${site.wrap(entries)}</body></html>`, site.url), site.url);
}

describe.each(Object.entries(SITES))('%s on hostile pages', (_name, site) => {
  it('finishes on an entry nested 10,000 deep', () => {
    const deep = '<div>'.repeat(10_000) + site.entry(2, 'Deep') + '</div>'.repeat(10_000);
    const detection = detect(site, site.entry(1, 'Shallow') + deep);
    expect(detection.entries.map((e) => e.title)).toContain('Shallow');
  });

  it('caps a 10 MB title and drops control and bidi characters', () => {
    const started = performance.now();
    const detection = detect(site, site.entry(1, `\u202eA\u0000 ${'x'.repeat(10_000_000)}`));
    expect(detection.entries[0]!.title.length).toBeLessThanOrEqual(LIMITS.title);
    expect(detection.entries[0]!.title).toMatch(/^A x/);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('keeps markup in a title as inert text', () => {
    const detection = detect(site, site.entry(1, '&lt;img src=x onerror=alert(1)&gt;<script>alert(2)</script>'));
    expect(detection.entries[0]!.title).toBe('<img src=x onerror=alert(1)>');
  });

  it('stops at the entry cap', () => {
    const detection = detect(site, Array.from({ length: LIMITS.entriesPerPage + 5 }, (_, n) => site.entry(n, `Paper ${n}`)).join(''));
    expect(detection.entries).toHaveLength(LIMITS.entriesPerPage);
    expect(detection.truncated).toBe(true);
  });
});
