import { canonicalId, type PaperEntry } from '../../model';
import { idsFromIdentifiers, singlePaperEntry } from '../meta';
import { LIMITS, absoluteUrl, authorList, cleanText, parseYear, readableText } from '../text';
import type { SiteAdapter } from '../types';

/**
 * Semantic Scholar search, author and paper pages. The site is a client-rendered app, so the page watch
 * rescans as rows arrive. Rows (`.cl-paper-row`, the class Zotero's translator keys on) show a TLDR or
 * the start of the abstract behind "Expand": a snippet, never the full abstract. Paper pages carry
 * `citation_*` meta and the full abstract in `[data-test-id="abstract-text"]`.
 *
 * The Semantic Scholar paper id (40 hex digits, the last path segment of /paper/…) is kept as an
 * `s2:` alias; the canonical id is the arXiv id or DOI the page links to, else the title.
 */
export const semanticscholar: SiteAdapter = {
  site: 'semanticscholar',
  matches: (url) => /(^|\.)semanticscholar\.org$/.test(url.hostname),
  detect(doc, url, each) {
    if (url.pathname.startsWith('/paper/')) {
      each.add(() => paperPage(doc, url));
      return;
    }
    for (const row of Array.from(doc.querySelectorAll('.cl-paper-row'))) each.add(() => searchRow(row, url));
  },
};

const S2_PAPER_ID = /\/paper\/(?:[^/?#]*\/)?([0-9a-f]{40})(?:[/?#]|$)/;
/** Labels and buttons inside the abstract and author blocks that are not their text. */
const CONTROL_WORDS = /^(?:TLDR|Expand|Collapse|\.\.\.|…|\+\s*\d+\s*authors?)$/i;
const CONTROLS = 'button, [role="button"], .tldr-abstract-replacement__label, [data-test-id="text-truncator-toggle"]';

function s2Alias(href: string): string[] {
  const hex = S2_PAPER_ID.exec(href)?.[1];
  return hex ? [`s2:${hex}`] : [];
}

/** Text of an element without its buttons and labels ("TLDR", "Expand"); a copy is edited, never the page. */
function textWithoutControls(el: Element | null, max: number): string {
  if (!el) return '';
  if (!el.querySelector(CONTROLS)) return readableText(el, max);
  const copy = el.cloneNode(true) as Element;
  for (const control of Array.from(copy.querySelectorAll(CONTROLS))) control.remove();
  return readableText(copy, max);
}

function linkedIds(scope: Element | Document): string[] {
  const hrefs = Array.from(scope.querySelectorAll('a[href*="arxiv.org/"], a[href*="doi.org/10."]'))
    .slice(0, 20)
    .map((a) => a.getAttribute('href') ?? '');
  return idsFromIdentifiers(hrefs);
}

function authorsOf(block: Element | null): string[] {
  if (!block) return [];
  const links = Array.from(block.querySelectorAll('a[href*="/author/"]')).slice(0, LIMITS.authors);
  const names = links.length ? links.map((a) => cleanText(a.textContent, LIMITS.authorName)) : authorList(block);
  return names.filter((name) => name && !CONTROL_WORDS.test(name));
}

function searchRow(row: Element, pageUrl: URL): PaperEntry | null {
  const titleLink = row.querySelector('a[href*="/paper/"]');
  const title = readableText(row.querySelector('.cl-paper-title') ?? titleLink, LIMITS.title);
  if (!title) return null;
  const href = absoluteUrl(titleLink?.getAttribute('href'), pageUrl);
  const ids = linkedIds(row.querySelector('.cl-paper-controls, .cl-paper-row__actions') ?? row);
  const snippet = textWithoutControls(row.querySelector('.cl-paper-abstract, .tldr-abstract-replacement'), LIMITS.abstract);
  const pdfLink = row.querySelector('a[href$=".pdf"], a[data-heap-id*="pdf"]');
  return {
    id: ids[0] ?? canonicalId.title(title),
    aliases: [...ids.slice(1), ...s2Alias(href)],
    title,
    authors: authorsOf(row.querySelector('.cl-paper-authors')),
    abstract: snippet,
    abstractKind: snippet ? 'snippet' : 'none',
    url: href || pageUrl.href,
    pdfUrl: absoluteUrl(pdfLink?.getAttribute('href'), pageUrl) || undefined,
    subjects: [],
    venue: cleanText(row.querySelector('.cl-paper-venue')?.textContent) || undefined,
    year: parseYear(row.querySelector('.cl-paper-pubdates')?.textContent),
    site: 'semanticscholar',
    element: row,
  };
}

function paperPage(doc: Document, url: URL): PaperEntry | null {
  const header = doc.querySelector('[data-test-id="paper-detail-page-header"], .paper-detail-page__header') ?? doc;
  return singlePaperEntry(doc, url, 'semanticscholar', {
    title: readableText(doc.querySelector('[data-test-id="paper-detail-title"], h1'), LIMITS.title),
    authors: authorsOf(doc.querySelector('[data-test-id="author-list"]')),
    abstract: textWithoutControls(doc.querySelector('[data-test-id="abstract-text"]'), LIMITS.abstract),
    ids: linkedIds(header),
    aliases: s2Alias(url.pathname),
    year: parseYear(doc.querySelector('[data-test-id="paper-year"]')?.textContent),
  });
}
