import { canonicalId, type PaperEntry } from '../../model';
import { entryFromCitationMeta } from '../meta';
import { LIMITS, absoluteUrl, cleanText, readableText } from '../text';
import type { EntryCollector, SiteAdapter } from '../types';
import { aliasesBesides } from './paper-page';

/**
 * ACL Anthology volume, event and author pages, in the Bootstrap 4 (≤ 2025) and Bootstrap 5 (2026)
 * markup, and single-paper pages. See shared notes §3.
 *
 * An entry is a row (`p.d-sm-flex` in BS4, `div.d-sm-flex` in BS5) whose title is `strong > a` pointing at
 * the paper's Anthology id. Its abstract is not inside the row but in a following sibling card
 * (`div.abstract-collapse#abstract-<id with "." as "--">`), hidden until toggled; it is paired through the
 * row's `abs` link (href or aria-controls), never by position.
 */
export const acl: SiteAdapter = {
  site: 'acl',
  matches: (url) => /(^|\.)aclanthology\.org$/.test(url.hostname),
  detect(doc, url, each) {
    const pageId = anthologyIdFromPath(url.pathname);
    if (pageId) {
      each.add(() => paperPage(doc, url, pageId));
      return;
    }
    detectList(doc, url, each);
  },
};

/** New-style `2022.in2writing-1.1`, old-style `W19-4201`. */
const ANTHOLOGY_ID = /^(?:\d{4}\.[a-z\d-]{1,60}\.\d{1,4}|[A-Z]\d{2}-\d{4})$/i;

function anthologyIdFromPath(path: string): string | null {
  const segment = /^\/([^/]{1,80})\/?$/.exec(path)?.[1] ?? '';
  return ANTHOLOGY_ID.test(segment) ? segment : null;
}

function anthologyYear(id: string): number | undefined {
  const newStyle = /^(\d{4})\./.exec(id)?.[1];
  if (newStyle) return Number(newStyle);
  const yy = /^[A-Z](\d\d)-/i.exec(id)?.[1];
  if (!yy) return undefined;
  return Number(yy) >= 60 ? 1900 + Number(yy) : 2000 + Number(yy);
}

/**
 * Front matter is listed like a paper on volume pages: `<volume>.0` in new-style ids, the volume id padded
 * with zeros (`W19-4200` in volume `W19-42`) in old-style ones.
 */
function isFrontMatter(id: string, volumeId: string | undefined): boolean {
  if (/\.0$/.test(id)) return true;
  return Boolean(volumeId && id.startsWith(volumeId) && /^0+$/.test(id.slice(volumeId.length)));
}

function volumeIdFromHref(href: string | null | undefined): string | undefined {
  return /\/volumes\/([^/?#]{1,80})\/?/.exec(href ?? '')?.[1];
}

function detectList(doc: Document, pageUrl: URL, each: EntryCollector): void {
  const main = doc.querySelector('section#main') ?? doc.body;
  if (!main) return;
  const abstractCards = new Map<string, Element>();
  for (const card of Array.from(main.querySelectorAll('.abstract-collapse[id]'))) abstractCards.set(card.id, card);
  const pageVolumeId = volumeIdFromHref(pageUrl.pathname);
  const venues = new VolumeTitles(pageVolumeId ? cleanText(main.querySelector('#title')?.textContent) : '');
  for (const titleLink of Array.from(main.querySelectorAll('strong > a[href]'))) {
    const id = anthologyIdFromPath(new URL(absoluteUrl(titleLink.getAttribute('href'), pageUrl) || pageUrl.href).pathname);
    if (!id) continue;
    const details = titleLink.closest('span.d-block') ?? titleLink.parentElement?.parentElement;
    const volumeLink = details?.querySelector('a[href*="/volumes/"]');
    if (isFrontMatter(id, volumeIdFromHref(volumeLink?.getAttribute('href')) ?? pageVolumeId)) continue;
    each.add(() => listEntry({ id, titleLink, details, volumeLink, abstractCards, venues, pageUrl }));
  }
}

/**
 * Volume and event pages do not repeat the venue per entry: it is the title of the volume block the entry
 * sits in (event pages), or of the page (volume pages). Looked up once per block, so a volume of
 * thousands of papers is not searched once per paper.
 */
class VolumeTitles {
  private readonly byBlock = new Map<Element, string>();
  constructor(private readonly pageTitle: string) {}

  of(row: Element): string {
    const block = row.closest('div[id]');
    if (!block) return this.pageTitle;
    let title = this.byBlock.get(block);
    if (title === undefined) {
      const heading = Array.from(block.children).find((child) => child.tagName === 'H4');
      title = cleanText(heading?.querySelector('a[href*="/volumes/"]')?.textContent) || this.pageTitle;
      this.byBlock.set(block, title);
    }
    return title;
  }
}

interface ListedPaper {
  id: string;
  titleLink: Element;
  details: Element | null | undefined;
  volumeLink: Element | null | undefined;
  abstractCards: Map<string, Element>;
  venues: VolumeTitles;
  pageUrl: URL;
}

function listEntry({ id, titleLink, details, volumeLink, abstractCards, venues, pageUrl }: ListedPaper): PaperEntry | null {
  const title = readableText(titleLink, LIMITS.title);
  if (!title) return null;
  const row = titleLink.closest('.d-sm-flex') ?? details?.parentElement ?? titleLink;
  const card = abstractCard(row, id, abstractCards);
  const abstract = readableText(card?.querySelector('.card-body') ?? card, LIMITS.abstract);
  const authors = Array.from(details?.querySelectorAll('a[href*="/people/"]') ?? [])
    .slice(0, LIMITS.authors)
    .map((a) => cleanText(a.textContent, LIMITS.authorName))
    .filter(Boolean);
  const origin = 'https://aclanthology.org';
  return {
    id: canonicalId.acl(id),
    aliases: [],
    title,
    authors,
    abstract,
    abstractKind: abstract ? 'full' : 'none',
    url: `${origin}/${id}/`,
    pdfUrl: absoluteUrl(row.querySelector('a[title="Open PDF"], a[href$=".pdf"]')?.getAttribute('href'), pageUrl) || undefined,
    subjects: [],
    venue: cleanText(volumeLink?.textContent) || venues.of(row) || undefined,
    year: anthologyYear(id),
    site: 'acl',
    element: row,
  };
}

/**
 * The row's abstract card. Its `abs` link names the card by href (`#abstract-2022--x-1--1`) and by
 * aria-controls, which BS4 pages write with dots (`abstract-2022.x-1.1`) although the card's id has "--".
 */
function abstractCard(row: Element, id: string, cards: Map<string, Element>): Element | undefined {
  const toggle = row.querySelector('a[href^="#abstract-"], a[aria-controls^="abstract-"]');
  const candidates = [
    toggle?.getAttribute('href')?.slice(1),
    toggle?.getAttribute('aria-controls'),
    toggle?.getAttribute('aria-controls')?.replace(/\./g, '--'),
    `abstract-${id.replace(/\./g, '--')}`,
  ];
  for (const candidate of candidates) {
    const card = candidate ? cards.get(candidate) : undefined;
    if (card) return card;
  }
  return undefined;
}

/** A paper's own page: citation_* meta, the abstract from the page body (the meta has none). */
function paperPage(doc: Document, pageUrl: URL, anthologyId: string): PaperEntry | null {
  const meta = entryFromCitationMeta(doc, pageUrl, 'acl');
  if (!meta) return null;
  const id = canonicalId.acl(anthologyId);
  const abstractBox = doc.querySelector('.acl-abstract');
  const abstract = abstractBox ? readableText(abstractBox.querySelector(':scope > span') ?? abstractBox, LIMITS.abstract).replace(/^Abstract\s*/, '') : '';
  const chosen = abstract || meta.abstract;
  return {
    ...meta,
    id,
    aliases: aliasesBesides(id, meta),
    abstract: chosen,
    abstractKind: chosen ? 'full' : 'none',
    url: `https://aclanthology.org/${anthologyId}/`,
    year: meta.year ?? anthologyYear(anthologyId),
    element: doc.querySelector('section#main') ?? undefined,
  };
}
