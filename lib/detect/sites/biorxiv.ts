import { canonicalId, normaliseDoi, type PaperEntry } from '../../model';
import { singlePaperEntry } from '../meta';
import { LIMITS, absoluteUrl, authorList, blockText, cleanText, parseYear, readableText } from '../text';
import type { SiteAdapter } from '../types';

/**
 * bioRxiv and medRxiv, both HighWire sites (shared notes §6; Zotero's "HighWire 2.0" translator).
 * Lists (subject collections, search, "new" pages) are `div.highwire-article-citation` rows with the
 * title link, the author list and the DOI, and no abstract. Article pages (/content/10.1101/…) carry
 * `citation_*` meta; the abstract there is markup inside the meta value, or `div.abstract` in the body.
 * The canonical id is the DOI, without the version suffix of the URL.
 */
export const biorxiv: SiteAdapter = {
  site: 'biorxiv',
  matches: (url) => /(^|\.)(bio|med)rxiv\.org$/.test(url.hostname),
  detect(doc, url, each) {
    if (isArticlePage(url)) {
      each.add(() => articlePage(doc, url));
      return;
    }
    for (const row of Array.from(doc.querySelectorAll('.highwire-article-citation'))) each.add(() => listRow(row, url));
  },
};

/** /content/10.1101/2024.01.02.573001v1, with optional .full, .abstract, .full-text or .full.pdf+html. */
function isArticlePage(url: URL): boolean {
  return /^\/content\/10\.\d{4,9}\/[^/]+$/.test(url.pathname) && !/\.pdf$/.test(url.pathname);
}

/** The DOI in "/content/10.1101/2024.01.02.573001v2.full" or "doi: https://doi.org/10.1101/…". */
function doiFrom(text: string | null | undefined): string | null {
  const doi = normaliseDoi((text ?? '').replace(/^.*?\/content\//, ''));
  return doi ? doi.replace(/v\d+(?:\.[a-z+-]+)*$/, '') : null;
}

function serverName(url: URL): string {
  return url.hostname.includes('medrxiv') ? 'medRxiv' : 'bioRxiv';
}

function listRow(row: Element, pageUrl: URL): PaperEntry | null {
  const titleLink = row.querySelector('a.highwire-cite-linked-title');
  const title = readableText(row.querySelector('.highwire-cite-title') ?? titleLink, LIMITS.title);
  if (!title) return null;
  const href = absoluteUrl(titleLink?.getAttribute('href'), pageUrl);
  const doi = doiFrom(row.querySelector('.highwire-cite-metadata-doi')?.textContent) ?? doiFrom(new URL(href || pageUrl.href).pathname);
  if (!doi) return null;
  const names = Array.from(row.querySelectorAll('.highwire-citation-author')).slice(0, LIMITS.authors);
  return {
    id: canonicalId.doi(doi),
    aliases: [],
    title,
    authors: names.length ? names.map((n) => cleanText(n.textContent, LIMITS.authorName)).filter(Boolean) : authorList(row.querySelector('.highwire-cite-authors')),
    abstract: '',
    abstractKind: 'none',
    url: href || pageUrl.href,
    pdfUrl: href ? `${href.replace(/[?#].*$/, '')}.full.pdf` : undefined,
    subjects: [],
    venue: serverName(pageUrl),
    // bioRxiv DOIs since Dec 2019 start with the posting date (10.1101/2024.01.02.…); older ones do not.
    year: parseYear(/^10\.1101\/(\d{4})\.\d\d\.\d\d\./.exec(doi)?.[1]) ?? parseYear(row.querySelector('.highwire-cite-metadata-date, .highwire-cite-metadata-pub-date')?.textContent),
    site: 'biorxiv',
    element: row,
  };
}

function articlePage(doc: Document, url: URL): PaperEntry | null {
  const doi = doiFrom(url.pathname);
  const entry = singlePaperEntry(doc, url, 'biorxiv', {
    title: readableText(doc.querySelector('h1#page-title, h1.highwire-cite-title'), LIMITS.title),
    abstract: blockText(doc.querySelector('div.section.abstract, div.abstract'), LIMITS.abstract, 'h2'),
    ids: doi ? [canonicalId.doi(doi)] : [],
    venue: serverName(url),
  });
  // The page URL names a version (…v2.full); the paper is every version.
  return entry && { ...entry, url: url.href.replace(/(v\d+)\.[a-z.+-]+$/, '$1') };
}
