import { canonicalId, type PaperEntry } from '../../model';
import { singlePaperEntry } from '../meta';
import { LIMITS, absoluteUrl, authorList, readableText } from '../text';
import type { SiteAdapter } from '../types';

/**
 * NeurIPS proceedings (papers.nips.cc, proceedings.neurips.cc): the year pages
 * `/paper_files/paper/<year>` (older: `/paper/<year>`) list one `li` per paper with the title link
 * (`a[title="paper title"]`, href `…/hash/<hash>-Abstract[-Track].html`) and the authors in
 * `span.paper-authors` or `<i>`; no abstracts. Paper pages carry `citation_*` meta, and the abstract
 * follows an `<h4>Abstract</h4>` heading. The canonical id is the title; `neurips:<year>/<hash>` is an alias.
 */
export const neurips: SiteAdapter = {
  site: 'neurips',
  matches: (url) => url.hostname === 'papers.nips.cc' || url.hostname === 'proceedings.neurips.cc',
  detect(doc, url, each) {
    if (PAPER_LINK.test(url.pathname)) {
      each.add(() => paperPage(doc, url));
      return;
    }
    for (const link of Array.from(doc.querySelectorAll('li a[href*="/hash/"]'))) each.add(() => listItem(link, url));
  },
};

const PAPER_LINK = /\/paper(?:_files\/paper)?\/(\d{4})\/hash\/([0-9a-f]{16,64})-Abstract(?:-([\w]+))?\.html$/;

function paperFacts(href: string) {
  const m = PAPER_LINK.exec(href.replace(/[?#].*$/, ''));
  if (!m) return null;
  const [, year, hash, track] = m;
  return {
    year: Number(year),
    alias: `neurips:${year}/${hash}`,
    venue: track?.startsWith('Datasets') ? `NeurIPS ${year} Datasets and Benchmarks` : `NeurIPS ${year}`,
    pdfPath: href.replace(/\/hash\//, '/file/').replace(/-Abstract(-\w+)?\.html$/, '-Paper$1.pdf'),
  };
}

function listItem(link: Element, pageUrl: URL): PaperEntry | null {
  const href = absoluteUrl(link.getAttribute('href'), pageUrl);
  const facts = paperFacts(href);
  const title = readableText(link, LIMITS.title);
  if (!facts || !title) return null;
  const item = link.closest('li') ?? link;
  return {
    id: canonicalId.title(title),
    aliases: [facts.alias],
    title,
    authors: authorList(item.querySelector('.paper-authors, i')),
    abstract: '',
    abstractKind: 'none',
    url: href,
    pdfUrl: facts.pdfPath,
    subjects: [],
    venue: facts.venue,
    year: facts.year,
    site: 'neurips',
    element: item,
  };
}

/** The paragraph after the "Abstract" heading (some years nest it as `<p><p>…</p></p>`). */
function abstractAfterHeading(doc: Document): string {
  const heading = Array.from(doc.querySelectorAll('h4, h3')).find((h) => /^\s*abstract\s*$/i.test(h.textContent ?? ''));
  let next = heading?.nextElementSibling ?? null;
  while (next && !next.textContent?.trim()) next = next.nextElementSibling;
  return readableText(next, LIMITS.abstract);
}

function paperPage(doc: Document, url: URL): PaperEntry | null {
  const facts = paperFacts(url.href);
  if (!facts) return null;
  return singlePaperEntry(doc, url, 'neurips', {
    title: readableText(doc.querySelector('h4'), LIMITS.title),
    abstract: abstractAfterHeading(doc),
    aliases: [facts.alias],
    pdfUrl: facts.pdfPath,
    venue: facts.venue,
    year: facts.year,
  });
}
