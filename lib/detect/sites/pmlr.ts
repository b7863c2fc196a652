import { canonicalId, type PaperEntry } from '../../model';
import { singlePaperEntry } from '../meta';
import { LIMITS, absoluteUrl, authorList, cleanText, parseYear, readableText } from '../text';
import type { SiteAdapter } from '../types';

/**
 * PMLR (Proceedings of Machine Learning Research) volume pages `/vNNN/` and paper pages
 * `/vNNN/<key>.html` (shared notes §6, from the mlresearch jekyll theme). A volume lists `div.paper`
 * rows: `p.title`, `p.details > span.authors + span.info`, `p.links` with "abs" and "Download PDF";
 * no abstracts. Paper pages carry `citation_*` meta and `div#abstract`.
 *
 * PMLR has no DOIs: the canonical id is the title (so an arXiv copy seen elsewhere merges by title),
 * and `pmlr:vNNN/<key>` is an alias.
 */
export const pmlr: SiteAdapter = {
  site: 'pmlr',
  matches: (url) => url.hostname === 'proceedings.mlr.press',
  detect(doc, url, each) {
    if (PAPER_PAGE.test(url.pathname)) {
      each.add(() => paperPage(doc, url));
      return;
    }
    // The volume heading names the conference dates: "Volume 270: …, 12-18 July 2026, Lisbon".
    const volumeYear = parseYear(doc.querySelector('h2')?.textContent);
    for (const row of Array.from(doc.querySelectorAll('div.paper'))) each.add(() => volumeRow(row, url, volumeYear));
  },
};

const PAPER_PAGE = /^\/(v\d+)\/([\w-]+)\.html$/;

function pmlrAlias(href: string): string[] {
  const m = PAPER_PAGE.exec(safePath(href));
  return m ? [`pmlr:${m[1]}/${m[2]}`] : [];
}

function safePath(href: string): string {
  try {
    return new URL(href).pathname;
  } catch {
    return '';
  }
}

/** "Proceedings of the 41st International Conference on Machine Learning, PMLR 235:1-20" → the proceedings name. */
function venueFromInfo(info: string): string | undefined {
  return cleanText(info.replace(/,?\s*PMLR\s+\d+:[\d\s–-]*$/, '')) || undefined;
}

function volumeRow(row: Element, pageUrl: URL, volumeYear: number | undefined): PaperEntry | null {
  const title = readableText(row.querySelector('.title'), LIMITS.title);
  if (!title) return null;
  const links = Array.from(row.querySelectorAll('a[href]')).slice(0, 20);
  const abs = absoluteUrl(links.find((a) => /\.html$/.test(a.getAttribute('href') ?? ''))?.getAttribute('href'), pageUrl);
  const pdf = absoluteUrl(links.find((a) => /\.pdf$/.test(a.getAttribute('href') ?? ''))?.getAttribute('href'), pageUrl);
  const info = cleanText(row.querySelector('.info')?.textContent);
  return {
    id: canonicalId.title(title),
    aliases: pmlrAlias(abs),
    title,
    authors: authorList(row.querySelector('.authors')),
    abstract: '',
    abstractKind: 'none',
    url: abs || pageUrl.href,
    pdfUrl: pdf || undefined,
    subjects: [],
    venue: venueFromInfo(info),
    year: parseYear(info) ?? volumeYear,
    site: 'pmlr',
    element: row,
  };
}

function paperPage(doc: Document, url: URL): PaperEntry | null {
  return singlePaperEntry(doc, url, 'pmlr', {
    title: readableText(doc.querySelector('h1'), LIMITS.title),
    abstract: readableText(doc.querySelector('#abstract'), LIMITS.abstract),
    aliases: pmlrAlias(url.href),
  });
}
