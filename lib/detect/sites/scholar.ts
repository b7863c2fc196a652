import { arxivIdFromUrl, canonicalId, normaliseDoi, type PaperEntry } from '../../model';
import { LIMITS, absoluteUrl, cleanText, parseYear, readableText } from '../text';
import type { EntryCollector, SiteAdapter } from '../types';

/**
 * Google Scholar results (/scholar?q=…) and author profiles (/citations?user=…). See shared notes §4.
 *
 * Scholar shows a snippet, never the abstract: `abstractKind` is "snippet". A result has no identifier of
 * its own beyond the cluster id (`data-cid`), kept as the alias `scholar:<cid>`; the canonical id is an
 * arXiv id or DOI found in its links, or else the title.
 */
export const scholar: SiteAdapter = {
  site: 'scholar',
  matches: (url) => /^scholar\.google\.[a-z.]{2,8}$/.test(url.hostname),
  detect(doc, url, each) {
    if (url.pathname.startsWith('/citations')) detectProfile(doc, url, each);
    else detectResults(doc, url, each);
  },
};

const scholarAlias = (clusterId: string) => `scholar:${clusterId}`;

/** The type markers Scholar puts before a title: [PDF], [HTML], [CITATION], [BOOK], [B], [C]. */
const TYPE_MARKERS = '.gs_ctc, .gs_ctu, .gs_ctg2';
const LEADING_MARKERS = /^(?:\[[A-Z]{1,10}\]\s*){1,4}/;

/** Result rows; the "User profiles for …" box is also a .gs_r with a heading, but links to /citations. */
function detectResults(doc: Document, pageUrl: URL, each: EntryCollector): void {
  for (const row of Array.from(doc.querySelectorAll('.gs_r'))) {
    const heading = row.querySelector('h3.gs_rt');
    if (heading && !heading.querySelector('a[href^="/citations"]')) each.add(() => resultEntry(row, pageUrl));
  }
}

function markerSays(marker: Element | null, kind: string): boolean {
  return (marker?.textContent ?? '').includes(`[${kind}]`);
}

function looksLikePdf(link: string): boolean {
  return /\.pdf(?:$|[?#])/i.test(link);
}

function resultEntry(row: Element, pageUrl: URL): PaperEntry | null {
  const heading = row.querySelector('h3.gs_rt')!;
  const title = titleWithoutMarkers(heading);
  if (!title) return null;
  const titleLink = heading.querySelector('a[href]');
  const href = absoluteUrl(titleLink?.getAttribute('href'), pageUrl);
  const sideLink = absoluteUrl(row.querySelector('.gs_ggs a[href]')?.getAttribute('href'), pageUrl);
  const clusterId = cleanText(row.getAttribute('data-cid') ?? titleLink?.getAttribute('id') ?? '', 40);
  const ids = paperIds([href, sideLink]);
  const byline = bylineParts(readableText(row.querySelector('.gs_a')));
  const snippet = readableText(row.querySelector('.gs_rs'), LIMITS.abstract);
  const sidePdf = sideLink && (markerSays(row.querySelector('.gs_ggs .gs_ctg2'), 'PDF') || looksLikePdf(sideLink)) ? sideLink : '';
  const titlePdf = href && (markerSays(heading.querySelector('.gs_ctc'), 'PDF') || looksLikePdf(href)) ? href : '';
  return {
    id: ids[0] ?? canonicalId.title(title),
    aliases: [...ids.slice(1), ...(clusterId ? [scholarAlias(clusterId)] : [])],
    title,
    authors: byline.authors,
    abstract: snippet,
    abstractKind: snippet ? 'snippet' : 'none',
    url: href || clusterUrl(row, pageUrl) || pageUrl.href,
    pdfUrl: sidePdf || titlePdf || undefined,
    subjects: [],
    venue: byline.venue || undefined,
    year: byline.year,
    site: 'scholar',
    links: [href, sideLink].filter(Boolean),
    element: row,
  };
}

function titleWithoutMarkers(heading: Element): string {
  const hasMarkers = heading.querySelector(TYPE_MARKERS);
  let source: Element = heading;
  if (hasMarkers) {
    source = heading.cloneNode(true) as Element;
    for (const marker of Array.from(source.querySelectorAll(TYPE_MARKERS))) marker.remove();
  }
  return readableText(source, LIMITS.title).replace(LEADING_MARKERS, '');
}

/** An arXiv id or DOI in a result's links, best first. */
function paperIds(links: string[]): string[] {
  const ids = new Set<string>();
  for (const link of links) {
    if (!link) continue;
    const arxivId = /^https?:\/\/(?:[a-z]+\.)?arxiv\.org\//.test(link) ? arxivIdFromUrl(link) : null;
    if (arxivId) ids.add(canonicalId.arxiv(arxivId));
  }
  for (const link of links) {
    const doi = link ? normaliseDoi(decodeURIComponentSafe(link)) : null;
    if (doi) ids.add(canonicalId.doi(doi));
  }
  return [...ids];
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Results with no link ([CITATION]) point at their cluster: "All N versions", or the "Cited by" list. */
function clusterUrl(row: Element, pageUrl: URL): string {
  const cluster = row.querySelector('.gs_fl a[href*="cluster="]') ?? row.querySelector('.gs_fl a[href*="cites="]');
  return absoluteUrl(cluster?.getAttribute('href'), pageUrl);
}

/**
 * The green line under a result: "PJ Forsyth, N Mortimer, IM Turnbull - Terra Antartica, 2002 - unisi.it".
 * Authors before the first " - ", venue and year in the middle part; Scholar truncates each part with "…".
 */
export function bylineParts(text: string): { authors: string[]; venue: string; year: number | undefined } {
  // A leading space so that a byline with no authors ("- Nature, 2001") still splits into parts.
  const [authorPart = '', middle = ''] = ` ${text}`.split(/\s-\s/);
  const authors = authorPart
    .split(/\s*,\s*/)
    .map((name) => cleanText(name.replace(/\s*…$/, ''), LIMITS.authorName))
    .filter((name) => name && name !== '…')
    .slice(0, LIMITS.authors);
  const yearAtEnd = /(?:^|,\s*)((?:19|20)\d\d)$/.exec(middle);
  const venue = cleanText(yearAtEnd ? middle.slice(0, yearAtEnd.index) : middle);
  return { authors, venue, year: yearAtEnd ? Number(yearAtEnd[1]) : undefined };
}

/**
 * An author profile: rows tr.gsc_a_tr; the title link's href is `javascript:void(0)`, the real one in
 * data-href; two gray lines give the authors and "venue, year"; the year has its own cell.
 */
function detectProfile(doc: Document, pageUrl: URL, each: EntryCollector): void {
  for (const row of Array.from(doc.querySelectorAll('tr.gsc_a_tr'))) {
    if (row.querySelector('a.gsc_a_at')) each.add(() => profileEntry(row, pageUrl));
  }
}

function profileEntry(row: Element, pageUrl: URL): PaperEntry | null {
  const link = row.querySelector('a.gsc_a_at')!;
  const title = readableText(link, LIMITS.title);
  if (!title) return null;
  const [authorLine, venueLine] = Array.from(row.querySelectorAll('.gs_gray')).map((line) => readableText(line));
  const year = parseYear(row.querySelector('.gsc_a_y')?.textContent) ?? parseYear(venueLine);
  const venue = cleanText((venueLine ?? '').replace(/,\s*(?:19|20)\d\d$/, ''));
  return {
    id: canonicalId.title(title),
    aliases: [],
    title,
    authors: (authorLine ?? '')
      .split(/\s*,\s*/)
      .map((name) => cleanText(name, LIMITS.authorName))
      .filter((name) => name && !/^(?:\.\.\.|…)$/.test(name))
      .slice(0, LIMITS.authors),
    abstract: '',
    abstractKind: 'none',
    url: absoluteUrl(link.getAttribute('data-href') ?? link.getAttribute('href'), pageUrl) || pageUrl.href,
    subjects: [],
    venue: venue || undefined,
    year,
    site: 'scholar',
    element: row,
  };
}
