import { canonicalId, normaliseArxivId, normaliseDoi, type PaperEntry, type SiteId } from '../model';
import { LIMITS, absoluteUrl, cleanText, parseYear } from './text';

/** All values of `<meta name=…>` (or property=…), in page order. */
export function metaValues(doc: Document, name: string): string[] {
  const values: string[] = [];
  for (const meta of Array.from(doc.querySelectorAll(`meta[name="${name}"], meta[property="${name}"]`))) {
    const content = meta.getAttribute('content');
    if (content) values.push(content);
  }
  return values;
}

function firstMeta(doc: Document, ...names: string[]): string {
  for (const name of names) {
    const value = metaValues(doc, name)[0];
    if (value) return value;
  }
  return '';
}

/** Highwire lists authors as "Last, First"; everywhere else PaperLens shows "First Last". */
function firstNameFirst(name: string): string {
  const [last, first, ...rest] = cleanText(name, LIMITS.authorName).split(/\s*,\s*/);
  return first && !rest.length ? `${first} ${last}` : cleanText(name, LIMITS.authorName);
}

/**
 * A single-paper page described by Highwire Press `citation_*` meta tags (arXiv /abs/, OpenReview
 * forums, PubMed, bioRxiv, PMLR and most publishers). Returns null when the page has no citation_title.
 */
export function entryFromCitationMeta(doc: Document, pageUrl: URL, site: SiteId): PaperEntry | null {
  const title = cleanText(firstMeta(doc, 'citation_title'), LIMITS.title);
  if (!title) return null;
  const arxiv = normaliseArxivId(firstMeta(doc, 'citation_arxiv_id'));
  const doi = normaliseDoi(firstMeta(doc, 'citation_doi'));
  const pmid = cleanText(firstMeta(doc, 'citation_pmid'));
  const ids = [
    arxiv && canonicalId.arxiv(arxiv),
    doi && canonicalId.doi(doi),
    /^\d+$/.test(pmid) && canonicalId.pubmed(pmid),
  ].filter((x): x is string => Boolean(x));
  const abstract = cleanText(firstMeta(doc, 'citation_abstract', 'dc.description', 'description'), LIMITS.abstract);
  const date = firstMeta(doc, 'citation_publication_date', 'citation_date', 'citation_online_date');
  return {
    id: ids[0] ?? canonicalId.title(title),
    aliases: ids.slice(1),
    title,
    authors: metaValues(doc, 'citation_author').map(firstNameFirst).filter(Boolean).slice(0, LIMITS.authors),
    abstract,
    abstractKind: abstract ? 'full' : 'none',
    url: pageUrl.href,
    pdfUrl: absoluteUrl(firstMeta(doc, 'citation_pdf_url'), pageUrl) || undefined,
    subjects: [],
    venue: cleanText(firstMeta(doc, 'citation_conference_title', 'citation_journal_title')) || undefined,
    year: parseYear(date),
    site,
  };
}
