import { canonicalId, type PaperEntry } from '../../model';
import { idsFromIdentifiers } from '../meta';
import { LIMITS, absoluteUrl, cleanText, parseYear, readableText, withoutClosingPeriod } from '../text';
import type { SiteAdapter } from '../types';

/**
 * DBLP person, venue (table of contents) and search pages: one `li.entry` per publication
 * (plus a type class: article, inproceedings, informal, …; Zotero's translator keys on `.entry` and
 * `.title`). Inside, `cite.data` holds schema.org microdata: `span[itemprop=author]`, `span.title`,
 * `span[itemprop=isPartOf]` (venue), `span[itemprop=datePublished]`; `nav.publ` holds the electronic
 * edition links (DOI, arXiv). No abstracts.
 *
 * The canonical id is the arXiv id (informal CoRR entries), else the DOI, else the title; the DOI of
 * an arXiv entry and the DBLP key (`dblp:conf/icml/Okafor24`) are aliases. Proceedings volumes
 * (`li.entry.editor`) list editors, not authors, and are not papers: they are left out.
 */
export const dblp: SiteAdapter = {
  site: 'dblp',
  matches: (url) => url.hostname === 'dblp.org' || url.hostname === 'dblp.uni-trier.de' || url.hostname === 'www.dblp.org',
  detect(doc, url, each) {
    for (const entry of Array.from(doc.querySelectorAll('li.entry'))) {
      if (entry.classList.contains('editor')) continue;
      each.add(() => publication(entry, url));
    }
  },
};

/** DBLP tells namesakes apart with a number: "Wei Wang 0003" is the person "Wei Wang". */
function personName(text: string | null): string {
  return cleanText(text, LIMITS.authorName).replace(/\s+\d{4}$/, '');
}

function publication(li: Element, pageUrl: URL): PaperEntry | null {
  const cite = li.querySelector('cite') ?? li;
  const title = withoutClosingPeriod(readableText(cite.querySelector('.title'), LIMITS.title));
  if (!title) return null;
  const editions = Array.from(li.querySelectorAll('nav.publ a[href]'))
    .slice(0, 40)
    .map((a) => absoluteUrl(a.getAttribute('href'), pageUrl))
    .filter(Boolean);
  const ids = idsFromIdentifiers(editions);
  const key = cleanText(li.getAttribute('id'));
  const authors = Array.from(cite.querySelectorAll('[itemprop="author"]')).slice(0, LIMITS.authors);
  const venue = cleanText(cite.querySelector('[itemprop="isPartOf"] [itemprop="name"], [itemprop="isPartOf"]')?.textContent);
  const year = parseYear(cite.querySelector('[itemprop="datePublished"]')?.textContent) ?? parseYear(venue);
  const edition = editions.find((href) => !/(^|\.)dblp\.(org|uni-trier\.de)$/.test(new URL(href).hostname));
  return {
    id: ids[0] ?? canonicalId.title(title),
    aliases: [...ids.slice(1), ...(key ? [`dblp:${key}`] : [])],
    title,
    authors: authors.map((a) => personName(a.querySelector('[itemprop="name"]')?.textContent ?? a.textContent)).filter(Boolean),
    abstract: '',
    abstractKind: 'none',
    url: edition ?? (key ? `https://dblp.org/rec/${key}.html` : pageUrl.href),
    subjects: [],
    venue: venue || undefined,
    year,
    site: 'dblp',
    element: li,
  };
}
