import { canonicalId, normaliseDoi, type PaperEntry } from '../../model';
import { entryFromPageMeta } from '../meta';
import { LIMITS, absoluteUrl, blockText, cleanText, parseYear, readableText, splitAuthors, withoutClosingPeriod } from '../text';
import type { SiteAdapter } from '../types';

/**
 * PubMed search results and article pages (shared notes §6; Zotero's PubMed translator keys on
 * `a.docsum-title` and `span.docsum-pmid`).
 *
 * A search row shows a snippet of the abstract with the query highlighted (`abstractKind: "snippet"`);
 * the article page has the full abstract, structured in labelled paragraphs ("Background: …").
 * The canonical id is the PMID; a DOI in the citation line is an alias.
 */
export const pubmed: SiteAdapter = {
  site: 'pubmed',
  matches: (url) => url.hostname === 'pubmed.ncbi.nlm.nih.gov',
  detect(doc, url, each) {
    if (/^\/\d{1,9}\/?$/.test(url.pathname)) {
      each.add(() => articlePage(doc, url));
      return;
    }
    // Full-format rows are `article.full-docsum`; older and summary layouts only have the wrapper.
    let rows = doc.querySelectorAll('article.full-docsum');
    if (!rows.length) rows = doc.querySelectorAll('.docsum-wrap');
    for (const row of Array.from(rows)) each.add(() => searchRow(row, url));
  },
};

const PMID = /^\d{1,9}$/;

/** "Okafor A, Lindqvist E, Tanaka H." → ["Okafor A", "Lindqvist E", "Tanaka H"]. */
function pubmedAuthors(text: string | null | undefined): string[] {
  return splitAuthors(withoutClosingPeriod(cleanText(text)));
}

/** "J Example Med. 2024 Mar;12(3):45-56. doi: 10.1234/x. Epub 2024 Jan 5." → venue, year and DOI. */
function citationParts(text: string) {
  const doi = /\bdoi:\s*(10\.\S{3,200})/i.exec(text)?.[1];
  return {
    venue: cleanText(text.split('. ')[0]) || undefined,
    year: parseYear(text),
    doi: doi ? normaliseDoi(doi) : null,
  };
}

function searchRow(row: Element, pageUrl: URL): PaperEntry | null {
  const titleLink = row.querySelector('a.docsum-title');
  const pmid = cleanText(row.querySelector('.docsum-pmid')?.textContent) || titleLink?.getAttribute('data-article-id') || '';
  if (!PMID.test(pmid)) return null;
  const title = withoutClosingPeriod(readableText(titleLink, LIMITS.title));
  if (!title) return null;
  const citation = citationParts(cleanText(row.querySelector('.docsum-journal-citation.full-journal-citation, .docsum-journal-citation')?.textContent));
  const snippet = readableText(row.querySelector('.full-view-snippet, .short-view-snippet'), LIMITS.abstract);
  return {
    id: canonicalId.pubmed(pmid),
    aliases: citation.doi ? [canonicalId.doi(citation.doi)] : [],
    title,
    authors: pubmedAuthors(row.querySelector('.docsum-authors.full-authors, .docsum-authors')?.textContent),
    abstract: snippet,
    abstractKind: snippet ? 'snippet' : 'none',
    url: absoluteUrl(`/${pmid}/`, pageUrl),
    subjects: [],
    venue: citation.venue,
    year: citation.year,
    site: 'pubmed',
    element: row.closest('article') ?? row,
  };
}

/**
 * The article page: the DOM for title, authors and the full abstract (paragraph labels kept, as they
 * read), meta for ids. Only the first author list counts: PubMed repeats the heading in a short view.
 */
function articlePage(doc: Document, url: URL): PaperEntry | null {
  const fromMeta = entryFromPageMeta(doc, url, 'pubmed');
  const heading = doc.querySelector('#full-view-heading') ?? doc;
  const title = withoutClosingPeriod(readableText(heading.querySelector('h1.heading-title'), LIMITS.title)) || fromMeta?.title || '';
  const shownPmid = cleanText(heading.querySelector('.identifier.pubmed .current-id, strong.current-id')?.textContent);
  const pmid = PMID.test(shownPmid) ? shownPmid : url.pathname.replace(/\D/g, '');
  if (!title || !PMID.test(pmid)) return null;
  const doi = normaliseDoi(cleanText(heading.querySelector('.identifier.doi a, .citation-doi')?.textContent));
  const abstract = blockText(doc.querySelector('#eng-abstract, .abstract-content.selected'), LIMITS.abstract) || fromMeta?.abstract || '';
  const names = Array.from(heading.querySelectorAll('.authors-list .full-name')).slice(0, LIMITS.authors);
  const citation = citationParts(cleanText(heading.querySelector('.article-source, .article-citation')?.textContent));
  return {
    id: canonicalId.pubmed(pmid),
    aliases: [...new Set([...(doi ? [canonicalId.doi(doi)] : []), ...(fromMeta?.aliases ?? [])])].filter((a) => a !== canonicalId.pubmed(pmid)),
    title,
    authors: names.length ? names.map((a) => cleanText(a.textContent, LIMITS.authorName)) : (fromMeta?.authors ?? []),
    abstract,
    abstractKind: abstract ? 'full' : 'none',
    url: `${url.origin}/${pmid}/`,
    pdfUrl: fromMeta?.pdfUrl,
    subjects: [],
    venue: cleanText(heading.querySelector('.citation-journal, #full-view-journal-trigger')?.textContent) || fromMeta?.venue || citation.venue,
    year: citation.year ?? fromMeta?.year,
    site: 'pubmed',
    element: heading === doc ? undefined : (heading as Element),
  };
}
