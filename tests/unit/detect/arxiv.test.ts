import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../lib/cli/html';
import { detectLoadedEntries, detectPage, detectPageInSlices } from '../../../lib/detect';
import { arxiv } from '../../../lib/detect/sites/arxiv';
import type { PaperEntry } from '../../../lib/model';
import { HAS_SHARED, OWN_FIXTURES_DIR, REAL_PAGES, readShared } from '../../helpers/shared';

function detect(html: string, url: string) {
  return detectPage(parseHtml(html, url), url);
}

describe('arXiv single-paper URLs yield the canonical id', () => {
  const cases: [string, string, string][] = [
    ['https://arxiv.org/abs/2405.04522v2', 'arxiv:2405.04522', 'https://arxiv.org/abs/2405.04522v2'],
    ['https://arxiv.org/pdf/2405.04522', 'arxiv:2405.04522', 'https://arxiv.org/abs/2405.04522'],
    ['https://arxiv.org/pdf/2405.04522v1.pdf', 'arxiv:2405.04522', 'https://arxiv.org/abs/2405.04522v1'],
    ['https://arxiv.org/html/2405.04522v3/', 'arxiv:2405.04522', 'https://arxiv.org/abs/2405.04522v3'],
    ['https://arxiv.org/abs/hep-th/9901001v2', 'arxiv:hep-th/9901001', 'https://arxiv.org/abs/hep-th/9901001v2'],
    ['https://export.arxiv.org/pdf/math.GT/0309136', 'arxiv:math.GT/0309136', 'https://export.arxiv.org/abs/math.GT/0309136'],
  ];
  for (const [url, id, abs] of cases) {
    it(url, () => {
      const { entries } = detect('<html><head><title>x.pdf</title></head><body></body></html>', url);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ id, url: abs });
    });
  }

  it('keeps a PDF title that is more than the file name', () => {
    const { entries } = detect('<html><head><title>Learning to Count</title></head><body></body></html>', 'https://arxiv.org/pdf/2405.04522');
    expect(entries[0]!.title).toBe('Learning to Count');
  });

  it.skipIf(!HAS_SHARED)('reads the real /abs/ page at a versioned URL with the unversioned id', () => {
    const page = REAL_PAGES.find((p) => p.url.includes('/abs/'))!;
    const { entries } = detect(readShared('fixtures/pages', page.file), `${page.url}v1`);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ id: 'arxiv:2106.09608', aliases: [], url: 'https://arxiv.org/abs/2106.09608v1' });
    expect(entries[0]!.subjects.length).toBeGreaterThan(0);
  });
});

describe('arXiv listings', () => {
  it('gives every item of a legacy one-dl-per-item catchup the section of the heading above', () => {
    const item = (id: string, note = '') =>
      `<dl><dt><a href="/abs/${id}" title="Abstract">arXiv:${id}</a>${note}</dt><dd><div class="meta"><div class="list-title">Title: Paper ${id}</div></div></dd></dl>`;
    const html = `<div id="dlpage"><h3>New submissions</h3>${item('2609.00001')}${item('2609.00002')}<h3>Replacements</h3>${item('2609.00003')}${item('2609.00004', ' (cross-list from cs.AI)')}</div>`;
    const { entries } = detect(html, 'https://arxiv.org/catchup?smonth=9&group=grp_cs');
    expect(entries.map((e) => e.entryType)).toEqual(['new', 'new', 'replacement', 'cross-list']);
  });

  it('reads old- and new-style ids with their year, and the category codes of each entry', () => {
    const pair = (id: string, subjects: string) =>
      `<dt><a href="/abs/${id}" title="Abstract" id="${id}">arXiv:${id}v2</a> [<a href="/pdf/${id}">pdf</a>]</dt><dd><div class="meta"><div class="list-title"><span class="descriptor">Title:</span> Paper</div><div class="list-subjects"><span class="descriptor">Subjects:</span> ${subjects}</div></div></dd>`;
    const html = `<div id="dlpage"><dl>${pair('hep-th/9901001', 'High Energy Physics - Theory (hep-th); Mathematical Physics (math-ph)')}${pair('2405.04522', 'Machine Learning (cs.LG); Statistics (fine print) (stat.ML); Machine Learning (cs.LG)')}${pair('0704.0001', 'Geometric Topology (math.GT)')}</dl></div>`;
    const { entries } = detect(html, 'https://arxiv.org/list/cs.LG/new');
    expect(entries.map((e) => [e.id, e.year, e.subjects])).toEqual([
      ['arxiv:hep-th/9901001', 1999, ['hep-th', 'math-ph']],
      ['arxiv:2405.04522', 2024, ['cs.LG', 'stat.ML']],
      ['arxiv:0704.0001', 2007, ['math.GT']],
    ]);
  });

  it('gives each entry the section of the last heading above it inside one dl', () => {
    const pair = (id: string) =>
      `<dt><a href="/abs/${id}" title="Abstract" id="${id}">arXiv:${id}</a></dt><dd><div class="meta"><div class="list-title"><span class="descriptor">Title:</span> Paper ${id}</div></div></dd>`;
    const html = `<div id="dlpage"><h3>Showing new listings</h3><dl id="articles"><h3>New submissions (showing 1 of 1 entries)</h3>${pair('2609.00001')}<h3>Replacement submissions</h3>${pair('2609.00002')}</dl></div>`;
    const { entries } = detect(html, 'https://arxiv.org/list/cs.LG/new');
    expect(entries.map((e) => e.entryType)).toEqual(['new', 'replacement']);
  });

  it('finds listing sections nested below div#dlpage too', () => {
    const html = `<div id="dlpage"><div class="wrapper"><dl><dt><a href="/abs/2609.00001" title="Abstract">arXiv:2609.00001</a></dt><dd><div class="meta"><div class="list-title">Title: Nested</div></div></dd></dl></div></div>`;
    expect(detect(html, 'https://arxiv.org/list/cs.LG/new').entries.map((e) => e.title)).toEqual(['Nested']);
  });
});

describe('arXiv search results', () => {
  const result = (abstract: string) =>
    `<ol><li class="arxiv-result"><p class="list-title"><a href="https://arxiv.org/abs/2608.00001">arXiv:2608.00001</a></p><p class="title">A title</p><p class="authors"><span>Authors:</span><a>Ann Lee</a></p>${abstract}</li></ol>`;

  it('marks a truncated visible abstract as a snippet when the full one is missing', () => {
    const { entries } = detect(result('<p class="abstract"><span class="abstract-short">We study things&hellip; <a>▽ More</a></span></p>'), 'https://arxiv.org/search/?query=x');
    expect(entries[0]).toMatchObject({ abstract: 'We study things…', abstractKind: 'snippet' });
  });

  it('reads nothing when abstracts are hidden by the user', () => {
    const { entries } = detect(result(''), 'https://arxiv.org/search/?query=x');
    expect(entries[0]).toMatchObject({ abstract: '', abstractKind: 'none', authors: ['Ann Lee'] });
  });
});

describe('arXiv author lines', () => {
  it('reads people, not affiliation markers, affiliation lists, collaboration labels or "et al."', () => {
    const authors =
      '<a>Euclid Collaboration</a>: <a>A. Rossi</a> (1), <a>B. Okafor</a> (2, 3), <a>C. Lee</a> (4 and 5), <a>D. Kim</a> ((1) Example University, (2) Example Institute)';
    const html = `<div id="dlpage"><dl><dt><a href="/abs/2609.00001" title="Abstract">arXiv:2609.00001</a></dt><dd><div class="meta"><div class="list-title">Title: T</div><div class="list-authors">${authors}</div></div></dd></dl></div>`;
    const { entries } = detect(html, 'https://arxiv.org/list/astro-ph.CO/recent');
    expect(entries[0]!.authors).toEqual(['Euclid Collaboration', 'A. Rossi', 'B. Okafor', 'C. Lee', 'D. Kim']);
  });

  it('drops "et al. (N additional authors not shown)" from search results', () => {
    const html = `<ol><li class="arxiv-result"><p class="list-title"><a href="https://arxiv.org/abs/2608.00001">arXiv:2608.00001</a></p><p class="title">T</p><p class="authors"><span>Authors:</span> <a>Ann Lee</a>, <a>Bo Chen</a>, et al. (31 additional authors not shown)</p></li></ol>`;
    expect(detect(html, 'https://arxiv.org/search/?query=x').entries[0]!.authors).toEqual(['Ann Lee', 'Bo Chen']);
  });
});

describe('reading the first entries of an arXiv listing while it loads', () => {
  const url = 'https://arxiv.org/list/cs.LG/new';
  const html = readFileSync(path.join(OWN_FIXTURES_DIR, 'pages/arxiv_new_cs.LG_current-markup.html'), 'utf8');

  it('stops walking the listing once the caller has the entries it wants', () => {
    const doc = parseHtml(html, url);
    const added: (() => PaperEntry | null)[] = [];
    arxiv.detect(doc, new URL(url), { wholePageAtOnce: false, add: (build) => added.push(build) < 2 });
    expect(added).toHaveLength(2);
    expect(added.map((build) => build()?.id)).toEqual(detectPage(doc, url).entries.slice(0, 2).map((e) => e.id));
  });

  it('reads them as the whole-page read does, rendered math included', () => {
    const doc = parseHtml(html, url);
    const whole = detectPage(doc, url).entries;
    const first = detectLoadedEntries(doc, url, arxiv, 100).entries;
    expect(first.length).toBeGreaterThanOrEqual(whole.length - 1);
    expect(first.some((e) => e.title.includes('$\\sigma_8$'))).toBe(true);
    expect(first).toEqual(whole.slice(0, first.length));
  });
});

describe('reading a whole arXiv listing in slices (the in-page read after the load)', () => {
  const url = 'https://arxiv.org/list/cs.LG/new';
  const html = readFileSync(path.join(OWN_FIXTURES_DIR, 'pages/arxiv_new_cs.LG_current-markup.html'), 'utf8');

  it('probes each entry for rendered math instead of the whole list in one task, and reads what the whole-page read does', async () => {
    const doc = parseHtml(html, url);
    const list = doc.querySelector('#dlpage')!;
    let listProbes = 0;
    const collect = list.getElementsByTagName.bind(list);
    list.getElementsByTagName = ((name: string) => (listProbes++, collect(name))) as typeof list.getElementsByTagName;
    const sliced = await detectPageInSlices(doc, url, arxiv, () => undefined, async () => undefined, 0);
    expect(listProbes).toBe(0);
    const whole = detectPage(doc, url).entries;
    expect(listProbes).toBeGreaterThan(0);
    expect(sliced.entries.some((e) => e.title.includes('$\\sigma_8$'))).toBe(true);
    expect(sliced.entries).toEqual(whole);
  });
});
