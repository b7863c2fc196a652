import { canonicalId, type PaperEntry } from '../../model';
import { idsFromIdentifiers, singlePaperEntry } from '../meta';
import { LIMITS, absoluteUrl, authorList, cleanText, readableText } from '../text';
import type { SiteAdapter } from '../types';

/**
 * CVF open access (openaccess.thecvf.com): conference pages (`/CVPR2024?day=all`, `/ICCV2023`,
 * `/WACV2024`) list papers as a `dt.ptitle` (title link to `/content/<CONF>/html/<key>_paper.html`)
 * followed by two `dd`s: the authors (one `form.authsearch` per name) and the links ([pdf], [supp],
 * [arXiv], bibtex). No abstracts in the list. Paper pages carry `citation_*` meta and `div#abstract`.
 *
 * The canonical id is the arXiv id when the entry links to arXiv, else the title; `cvf:<key>` is an alias.
 */
export const cvf: SiteAdapter = {
  site: 'cvf',
  matches: (url) => url.hostname === 'openaccess.thecvf.com',
  detect(doc, url, each) {
    if (/\/html\/[^/]+_paper\.html$/.test(url.pathname)) {
      each.add(() => paperPage(doc, url));
      return;
    }
    for (const dt of Array.from(doc.querySelectorAll('dt.ptitle'))) each.add(() => listEntry(dt, url));
  },
};

/** "/content/CVPR2024/html/Okafor_Sparse_Voxel_CVPR_2024_paper.html" → key, venue and year. */
function paperFacts(href: string) {
  const key = /\/([^/]+)_paper\.html$/.exec(href)?.[1];
  const conference = /(CVPR|ICCV|WACV|ECCV|ACCV)[_ ]?(\d{4})/i.exec(href);
  return {
    aliases: key ? [`cvf:${key}`] : [],
    venue: conference ? `${conference[1]!.toUpperCase()} ${conference[2]}` : undefined,
    year: conference ? Number(conference[2]) : undefined,
  };
}

/** The `dd`s that follow a `dt`, up to the next `dt`. */
function descriptions(dt: Element): Element[] {
  const dds: Element[] = [];
  for (let next = dt.nextElementSibling; next && next.tagName === 'DD' && dds.length < 4; next = next.nextElementSibling) dds.push(next);
  return dds;
}

function authorsOf(dd: Element | undefined): string[] {
  if (!dd) return [];
  const hidden = Array.from(dd.querySelectorAll('input[name="query_author"]')).slice(0, LIMITS.authors);
  if (hidden.length) return hidden.map((input) => cleanText(input.getAttribute('value'), LIMITS.authorName)).filter(Boolean);
  return authorList(dd);
}

function listEntry(dt: Element, pageUrl: URL): PaperEntry | null {
  const titleLink = dt.querySelector('a[href]');
  const title = readableText(titleLink ?? dt, LIMITS.title);
  if (!title) return null;
  const href = absoluteUrl(titleLink?.getAttribute('href'), pageUrl);
  const [authorsDd, linksDd] = descriptions(dt);
  const links = Array.from(linksDd?.querySelectorAll('a[href]') ?? []).slice(0, 20);
  const arxiv = idsFromIdentifiers(links.map((a) => a.getAttribute('href') ?? '').filter((h) => h.includes('arxiv.org')));
  const pdf = links.find((a) => /\/papers\/[^/]+\.pdf$/.test(a.getAttribute('href') ?? ''));
  const facts = paperFacts(href);
  return {
    id: arxiv[0] ?? canonicalId.title(title),
    aliases: facts.aliases,
    title,
    authors: authorsOf(authorsDd),
    abstract: '',
    abstractKind: 'none',
    url: href || pageUrl.href,
    pdfUrl: absoluteUrl(pdf?.getAttribute('href'), pageUrl) || undefined,
    subjects: [],
    venue: facts.venue,
    year: facts.year,
    site: 'cvf',
    element: dt,
  };
}

function paperPage(doc: Document, url: URL): PaperEntry | null {
  const facts = paperFacts(url.pathname);
  const arxivLinks = Array.from(doc.querySelectorAll('a[href*="arxiv.org/abs/"]')).slice(0, 5);
  return singlePaperEntry(doc, url, 'cvf', {
    title: readableText(doc.querySelector('#papertitle'), LIMITS.title),
    authors: authorList(doc.querySelector('#authors b, #authors i')),
    abstract: readableText(doc.querySelector('#abstract'), LIMITS.abstract),
    ids: idsFromIdentifiers(arxivLinks.map((a) => a.getAttribute('href') ?? '')),
    ...facts,
  });
}
