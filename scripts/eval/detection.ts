/**
 * Detection eval (issue #3): for every real page in ../shared/fixtures/pages and every own fixture in
 * tests/fixtures/pages, per site:
 *   - entries found by the adapters against entries present, the latter counted from the raw markup by
 *     regular expressions on each site's row markers, independently of the adapters;
 *   - exact-match rates of id, title, authors and abstract against the expected outputs checked by hand
 *     (own fixtures: `<name>.expected.json`; real pages: hashed, tests/fixtures/real-expected/).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHtml } from '../../lib/cli/html';
import { detectPage } from '../../lib/detect';
import { GENERIC_ADAPTER } from '../../lib/detect/registry';
import type { PaperEntry } from '../../lib/model';
import { ownPageFixtures } from '../../tests/helpers/pages';
import { HAS_SHARED, REAL_PAGES, SHARED_DIR, readShared } from '../../tests/helpers/shared';
import { fieldHash, type RealExpected } from '../lib/expected-hash';
import { printTable, type Figures, type Part } from '../lib/report';

const FIELDS = ['title', 'authors', 'abstract'] as const;
type Field = (typeof FIELDS)[number];

/** One page's result: entries found and present, and per field the matches out of the expected entries. */
interface PageScore {
  site: string;
  page: string;
  found: number;
  present: number | null;
  expected: number;
  idMatches: number;
  fieldMatches: Record<Field, number>;
}

function distinctCount(html: string, pattern: RegExp): number {
  return new Set([...html.matchAll(pattern)].map((m) => m[1] ?? m[0])).size;
}

/**
 * Entries present on a listing page, from the markup alone: one per row marker, keyed by what makes a
 * row a paper (an id, a title), so deliberately malformed rows in our fixtures are not counted.
 */
const LISTING_ROWS: Record<string, (html: string) => number> = {
  arxiv: (html) =>
    distinctCount(html, /<dt>[\s\S]*?href\s*=\s*["']?(?:https:\/\/arxiv\.org)?\/abs\/([^"'\s>]+)["']?[^>]*title=["']Abstract["']/g) +
    distinctCount(html, /class=["']arxiv-result["'][\s\S]*?\/abs\/([^"'\s>]+)/g),
  acl: (html) => distinctCount(html, /<strong>\s*<a class=["']?align-middle["']? href=["']?\/([^"'\s>/]+)\/?["']?>(?!Proceedings of)/g),
  scholar: (html) => distinctCount(html, /class="gs_r gs_or gs_scl"[^>]*data-cid="([^"]+)"/g) + (html.match(/class="gsc_a_tr"/g)?.length ?? 0),
  huggingface: (html) => distinctCount(html, /<h3[^>]*>\s*<a [^>]*href="\/papers\/([^"#?]+)"/g),
  openreview: (html) => distinctCount(html, /<h4>\s*<a href="\/forum\?id=([^"&]+)/g),
  semanticscholar: (html) => distinctCount(html, /class="cl-paper-row[ "][\s\S]*?href="\/paper\/([^"]+)"/g),
  pubmed: (html) => distinctCount(html, /class="docsum-pmid">(\d+)</g),
  biorxiv: (html) => distinctCount(html, /class="highwire-article-citation[ "][\s\S]*?href="\/content\/([^"]+)"/g),
  pmlr: (html) => distinctCount(html, /<p class="title">([^<\s][^<]*)</g),
  neurips: (html) => distinctCount(html, /<li[^>]*>\s*(?:<div[^>]*>\s*)?<a [^>]*href="([^"]*\/hash\/[^"]*-Abstract[^"]*)"/g),
  cvf: (html) => distinctCount(html, /<dt class="ptitle">[\s\S]*?href="([^"]+)"/g),
  dblp: (html) => distinctCount(html, /<li class="entry (?!editor)[^"]*" id="([^"]+)"/g),
  generic: (html) => distinctCount(html, /<li>((?:(?!<\/li>)[\s\S])*?(?:arxiv\.org\/(?:abs|pdf)\/|doi\.org\/10\.|Z3988))/g),
};

/** Single-paper pages, by URL: they present one entry. */
const SINGLE_PAPER: Record<string, RegExp> = {
  arxiv: /^\/(abs|html|pdf)\//,
  semanticscholar: /^\/paper\//,
  pubmed: /^\/\d+\/?$/,
  biorxiv: /^\/content\/10\./,
  pmlr: /^\/v\d+\/[\w-]+\.html$/,
  neurips: /\/hash\//,
  cvf: /_paper\.html$/,
  huggingface: /^\/papers\/\d/,
  openreview: /^\/forum/,
};

/** Entries present, or null when there is no independent counter for the site (shown as "-"). */
function entriesPresent(site: string, html: string, url: string, optIn: boolean): number | null {
  const { pathname } = new URL(url);
  if (SINGLE_PAPER[site]?.test(pathname)) return 1;
  if (optIn && /name="(?:citation_title|DC\.title)"|"ScholarlyArticle"/i.test(html)) return 1;
  return LISTING_ROWS[site]?.(html) ?? null;
}

function detect(html: string, url: string, optIn: boolean): PaperEntry[] {
  return detectPage(parseHtml(html, url), url, optIn ? GENERIC_ADAPTER : undefined).entries;
}

function ownFixtureScore(fixture: ReturnType<typeof ownPageFixtures>[number]): PageScore {
  const { url, site, optIn = false, entries: expected } = fixture.expected;
  const found = detect(fixture.html, url, optIn);
  const byId = new Map(found.map((e) => [e.id, e]));
  const score: PageScore = {
    site,
    page: fixture.name,
    found: found.length,
    present: entriesPresent(site, fixture.html, url, optIn),
    expected: expected.length,
    idMatches: 0,
    fieldMatches: { title: 0, authors: 0, abstract: 0 },
  };
  for (const want of expected) {
    const got = byId.get(String(want['id']));
    if (!got) continue;
    score.idMatches++;
    for (const field of FIELDS) {
      // A field the expected file leaves out is not checked for this fixture: count it as matching.
      if (!(field in want) || JSON.stringify(got[field]) === JSON.stringify(want[field])) score.fieldMatches[field]++;
    }
  }
  return score;
}

function realPageScore(page: (typeof REAL_PAGES)[number], expectedDir: string): PageScore | null {
  const expectedFile = path.join(expectedDir, page.file.replace(/\.html$/, '.json'));
  if (!existsSync(expectedFile)) {
    console.log(`no expected output for ${page.file}: skipped`);
    return null;
  }
  const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as RealExpected;
  const html = readShared('fixtures/pages', page.file);
  const found = detect(html, page.url, false);
  const byId = new Map(found.map((e) => [e.id, e]));
  const score: PageScore = {
    site: page.site,
    page: page.file,
    found: found.length,
    present: entriesPresent(page.site, html, page.url, false),
    expected: expected.entries.length,
    idMatches: 0,
    fieldMatches: { title: 0, authors: 0, abstract: 0 },
  };
  for (const want of expected.entries) {
    const got = byId.get(want.id);
    if (!got) continue;
    score.idMatches++;
    for (const field of FIELDS) if (fieldHash(got[field]) === want[field]) score.fieldMatches[field]++;
  }
  return score;
}

const rate = (matches: number, total: number) => (total ? matches / total : 1);

const part: Part = {
  title: 'Detection: entries found vs present, field exact-match rates (real pages and own fixtures)',
  async run() {
    const scores: PageScore[] = [];
    if (HAS_SHARED) {
      const expectedDir = path.join(import.meta.dirname, '../../tests/fixtures/real-expected');
      for (const page of REAL_PAGES) {
        const score = realPageScore(page, expectedDir);
        if (score) scores.push({ ...score, page: `[real] ${score.page}` });
      }
    } else {
      console.log(`${SHARED_DIR} is absent: real pages skipped, own fixtures only.`);
    }
    for (const fixture of ownPageFixtures()) scores.push(ownFixtureScore(fixture));

    printTable(
      scores.map((s) => ({
        site: s.site,
        page: s.page,
        found: s.found,
        present: s.present ?? '-',
        id: rate(s.idMatches, s.expected),
        title: rate(s.fieldMatches.title, s.expected),
        authors: rate(s.fieldMatches.authors, s.expected),
        abstract: rate(s.fieldMatches.abstract, s.expected),
      })),
    );

    const figures: Figures = {};
    const sites = [...new Set(scores.map((s) => s.site))].sort();
    const perSite = sites.map((site) => {
      const own = scores.filter((s) => s.site === site);
      const sum = (pick: (s: PageScore) => number) => own.reduce((total, s) => total + pick(s), 0);
      const expected = sum((s) => s.expected);
      const counted = own.filter((s) => s.present !== null);
      const row = {
        site,
        pages: own.length,
        entries_found: sum((s) => s.found),
        // Found is compared with present only on pages where present could be counted from the markup.
        entries_present: counted.reduce((total, s) => total + s.present!, 0),
        entries_found_where_counted: counted.reduce((total, s) => total + s.found, 0),
        id_exact: rate(sum((s) => s.idMatches), expected),
        title_exact: rate(sum((s) => s.fieldMatches.title), expected),
        authors_exact: rate(sum((s) => s.fieldMatches.authors), expected),
        abstract_exact: rate(sum((s) => s.fieldMatches.abstract), expected),
      };
      for (const [metric, value] of Object.entries(row)) if (typeof value === 'number') figures[`${site}.${metric}`] = value;
      return row;
    });
    console.log('');
    printTable(perSite);
    return figures;
  },
};

export default part;
