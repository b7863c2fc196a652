/**
 * Writes tests/fixtures/real-expected/<page>.json for the real pages in ../shared/fixtures/pages.
 *
 * The expected values come from a second reader, written for this purpose, that works on the raw HTML
 * with regular expressions, independently of the adapters' DOM selectors. Every value on which it and
 * the adapter disagree is printed; each one was settled by reading the page, and the reading became a
 * rule in the reader below (see tests/fixtures/real-expected/README.md). Usage:
 * `npx tsx scripts/real-expected.ts`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { parseHtml } from '../lib/cli/html';
import { detectPage } from '../lib/detect';
import { canonicalId, normaliseArxivId } from '../lib/model';
import { HAS_SHARED, REAL_PAGES, readShared } from '../tests/helpers/shared';
import { fieldHash, normaliseField, type RealExpected } from './lib/expected-hash';

interface Plain {
  id: string;
  title: string;
  authors: string[];
  abstract: string;
}

const OUT_DIR = path.join(import.meta.dirname, '../tests/fixtures/real-expected');

/** Text of an HTML fragment: tags dropped, entities decoded, whitespace folded. */
function textOf(fragment: string): string {
  const { document } = parseHTML(`<!doctype html><html><body><div>${fragment}</div></body></html>`);
  return normaliseField(document.querySelector('div')?.textContent ?? '');
}

function arxivListing(html: string): Plain[] {
  const byId = new Map<string, Plain>();
  for (const chunk of html.split(/<dt>/i).slice(1)) {
    const entry = chunk.slice(0, chunk.search(/<\/dd>/i) + 1 || undefined);
    const rawId = /href\s*=\s*["']?(?:https?:\/\/arxiv\.org)?\/abs\/([^"'\s>]+)["']?[^>]*title=["']Abstract["']/.exec(entry)?.[1];
    const id = rawId && normaliseArxivId(rawId);
    if (!id || byId.has(id)) continue;
    const title = textOf(/<div class=["']list-title[^>]*>([\s\S]*?)<\/div>/.exec(entry)?.[1] ?? '').replace(/^Title:\s*/, '');
    const authors = arxivAuthors(/<div class=["']list-authors["']>([\s\S]*?)<\/div>/.exec(entry)?.[1] ?? '');
    const abstract = textOf(/<p class=["']mathjax["']>([\s\S]*?)<\/p>/.exec(entry)?.[1] ?? '');
    byId.set(id, { id: canonicalId.arxiv(id), title, authors, abstract });
  }
  return [...byId.values()];
}

/**
 * The names as the page shows them, by these rules: an author is one person or collaboration;
 * affiliation markers ("(1)", "(4 and 5)") and the affiliation list after the last name ("((1) University
 * of …)") are not part of names; "X Collaboration: A, B" lists the collaboration and then its members;
 * "et al. (N additional authors not shown)" is not an author.
 */
function arxivAuthors(block: string): string[] {
  return textOf(block)
    .replace(/^Authors:\s*/, '')
    .replace(/\s*\(\(\d+\)[\s\S]*$/, '')
    .replace(/\s*\(\d+(?:\s*(?:and|,)\s*\d+)*\)/g, '')
    .replace(/,?\s*et al\. \(\d+ additional authors not shown\)/, '')
    .replace(/Collaboration\s*:/g, 'Collaboration,')
    .split(',')
    .map((name) => normaliseField(name))
    .filter(Boolean);
}

function metaContent(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`<meta name="${name}" content="([^"]*)"`, 'g'))].map((m) => textOf(m[1]!));
}

function arxivAbs(html: string): Plain[] {
  const id = normaliseArxivId(metaContent(html, 'citation_arxiv_id')[0] ?? '');
  const authors = metaContent(html, 'citation_author').map((n) => n.split(/\s*,\s*/).reverse().join(' '));
  return [{ id: canonicalId.arxiv(id ?? ''), title: metaContent(html, 'citation_title')[0] ?? '', authors, abstract: metaContent(html, 'citation_abstract')[0] ?? '' }];
}

function aclAuthorPage(html: string): Plain[] {
  const entries: Plain[] = [];
  for (const m of html.matchAll(/<strong><a class=align-middle href=\/([^/>]+)\/>([\s\S]*?)<\/a><\/strong>([\s\S]*?)<\/span>/g)) {
    const [, id, title, rest] = m;
    const authors = [...rest!.matchAll(/<a href=\/people\/[^>]*>([\s\S]*?)<\/a>/g)].map((a) => textOf(a[1]!));
    const cardId = `abstract-${id!.replace(/\./g, '--')}`;
    const abstract = new RegExp(`id=${cardId}><div class="card-body p-3 small">([\\s\\S]*?)</div>`).exec(html)?.[1] ?? '';
    entries.push({ id: canonicalId.acl(id!), title: textOf(title!), authors, abstract: textOf(abstract) });
  }
  return entries;
}

function scholarResults(html: string): Plain[] {
  return html
    .split('class="gs_r gs_or gs_scl"')
    .slice(1)
    .map((result) => {
      const heading = (/<h3 class="gs_rt"[^>]*>([\s\S]*?)<\/h3>/.exec(result)?.[1] ?? '').replace(/<span class="?gs_ct[cu]"?>[\s\S]*?<\/span><\/span>/g, '');
      const title = textOf(heading);
      const byline = textOf(/<div class="gs_a">([\s\S]*?)<\/div>/.exec(result)?.[1] ?? '');
      // The byline is cut with "…" when long: the last name shown is kept without it.
      const authors = byline.split(' - ')[0]!.split(/\s*,\s*/).map((n) => n.replace(/…$/, '')).filter(Boolean);
      const snippet = textOf(/<div class="gs_rs">([\s\S]*?)<\/div>/.exec(result)?.[1] ?? '');
      const href = /<h3 class="gs_rt"[^>]*>[\s\S]*?<a [^>]*href="([^"]+)"/.exec(result)?.[1] ?? '';
      const doi = /\/doi\/(?:abs\/|full\/|pdf\/)?(10\.\d{4,9}\/[^"?#&]+)/.exec(href)?.[1];
      return { id: doi ? canonicalId.doi(doi) : canonicalId.title(title), title, authors, abstract: snippet };
    });
}

const READERS: Record<string, (html: string) => Plain[]> = {
  arxiv: (html) => (/citation_arxiv_id/.test(html) && !/id="dlpage"/.test(html) ? arxivAbs(html) : arxivListing(html)),
  acl: aclAuthorPage,
  scholar: scholarResults,
};

if (!HAS_SHARED) {
  console.log('../shared is absent: nothing to write.');
} else {
  for (const page of REAL_PAGES) {
    const html = readShared('fixtures/pages', page.file);
    const independent = READERS[page.site]!(html);
    const detected = new Map(detectPage(parseHtml(html, page.url), page.url).entries.map((e) => [e.id, e]));
    for (const entry of independent) {
      const got = detected.get(entry.id);
      if (!got) console.log(`${page.file}: ${entry.id} not detected by the adapter`);
      for (const field of ['title', 'authors', 'abstract'] as const) {
        if (got && normaliseField(got[field]) !== normaliseField(entry[field])) {
          console.log(`${page.file} ${entry.id} ${field}\n  independent: ${normaliseField(entry[field])}\n  adapter:     ${normaliseField(got[field])}`);
        }
      }
    }
    const expected: RealExpected = {
      file: page.file,
      url: page.url,
      site: page.site,
      entries: independent.map((e) => ({ id: e.id, title: fieldHash(e.title), authors: fieldHash(e.authors), abstract: fieldHash(e.abstract) })),
    };
    writeFileSync(path.join(OUT_DIR, page.file.replace(/\.html$/, '.json')), `${JSON.stringify(expected, null, 1)}\n`);
    console.log(`${page.file}: ${independent.length} entries written`);
  }
}
