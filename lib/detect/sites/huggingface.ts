import { canonicalId, normaliseArxivId, type PaperEntry } from '../../model';
import { entryFromCitationMeta } from '../meta';
import { LIMITS, absoluteUrl, cleanText, parseYear, readableText } from '../text';
import type { EntryCollector, SiteAdapter } from '../types';

/**
 * Hugging Face Papers: daily, weekly and monthly lists, trending, search, and paper pages. See shared
 * notes §2.
 *
 * The cards show titles but neither authors nor abstracts; both are in the JSON the page embeds for
 * hydration (`[data-target=DailyPapers]` `data-props`: `dailyPapers[].paper.{id,title,summary,authors}`).
 * The cards decide which papers are on the page (the JSON may be stale after client-side navigation) and
 * the JSON fills in their fields; without cards, the JSON alone is read. An HF paper is the arXiv paper:
 * its id is `arxiv:<id>`.
 */
export const huggingface: SiteAdapter = {
  site: 'huggingface',
  matches: (url) => url.hostname === 'huggingface.co' && /^\/papers(?:\/|$)/.test(url.pathname),
  detect(doc, url, each) {
    const segment = /^\/papers\/([^/]{1,40})\/?$/.exec(url.pathname)?.[1];
    const pageArxivId = segment ? normaliseArxivId(segment) : null;
    if (segment && pageArxivId) each.add(() => paperPage(doc, url, segment, pageArxivId));
    else detectList(doc, url, each);
  },
};

const ORIGIN = 'https://huggingface.co';
/** The hydration JSON of a monthly list is well under a megabyte; anything far larger is not read. */
const MAX_PROPS_CHARS = 5_000_000;
const MAX_HYDRATED_ELEMENTS = 50;

/** A paper as the embedded JSON describes it. */
interface HfPaper {
  id: string;
  title: string;
  summary: string;
  authors: string[];
  publishedAt: string;
  links: string[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: Json | undefined, max: number = LIMITS.field): string {
  return typeof value === 'string' ? cleanText(value, max) : '';
}

/** Every hydration payload on the page, parsed; malformed or oversized ones are ignored. */
function hydrationProps(doc: Document): { [key: string]: Json }[] {
  const found: { [key: string]: Json }[] = [];
  for (const el of Array.from(doc.querySelectorAll('[data-target][data-props]')).slice(0, MAX_HYDRATED_ELEMENTS)) {
    const raw = el.getAttribute('data-props') ?? '';
    if (raw.length > MAX_PROPS_CHARS) continue;
    try {
      const props = JSON.parse(raw) as Json;
      if (isObject(props)) found.push(props);
    } catch {
      // Not JSON: the cards are read instead.
    }
  }
  return found;
}

/** A list item is `{paper: {...}, title, summary, …}` on daily/weekly/monthly/trending pages, or the paper itself. */
function hfPaper(value: Json | undefined): HfPaper | null {
  if (!isObject(value)) return null;
  const paper = isObject(value.paper) ? value.paper : value;
  const id = text(paper.id, 40);
  const title = text(paper.title, LIMITS.title) || text(value.title, LIMITS.title);
  if (!id || !title) return null;
  const authors = (Array.isArray(paper.authors) ? paper.authors : [])
    .slice(0, LIMITS.authors)
    .map((author) => (isObject(author) ? text(author.name, LIMITS.authorName) : text(author, LIMITS.authorName)))
    .filter(Boolean);
  return {
    id,
    title,
    summary: text(paper.summary, LIMITS.abstract) || text(value.summary, LIMITS.abstract),
    authors,
    publishedAt: text(paper.publishedAt, 40) || text(value.publishedAt, 40),
    links: [text(paper.githubRepo), text(paper.projectPage)].filter((link) => /^https?:\/\//.test(link)),
  };
}

/** The papers listed in the page's JSON, by HF id, in page order. */
function listedPapers(allProps: { [key: string]: Json }[]): Map<string, HfPaper> {
  const papers = new Map<string, HfPaper>();
  for (const props of allProps) {
    for (const key of ['dailyPapers', 'searchResults', 'papers']) {
      const items = props[key];
      if (!Array.isArray(items)) continue;
      for (const item of items.slice(0, LIMITS.entriesPerPage)) {
        const paper = hfPaper(item);
        if (paper && !papers.has(paper.id)) papers.set(paper.id, paper);
      }
    }
  }
  return papers;
}

function detectList(doc: Document, pageUrl: URL, each: EntryCollector): void {
  const fromJson = listedPapers(hydrationProps(doc));
  const cards = paperCards(doc, pageUrl);
  if (!cards.size) {
    for (const paper of fromJson.values()) each.add(() => entryFromJson(paper, undefined));
    return;
  }
  for (const [id, card] of cards) {
    const paper = fromJson.get(id);
    each.add(() => (paper ? entryFromJson(paper, card.element) : entryFromCard(id, card)));
  }
}

interface Card {
  element: Element;
  titleLink: Element;
}

/** One card per paper: the `article` around an `h3 a[href^="/papers/<id>"]`, keyed by that id. */
function paperCards(doc: Document, pageUrl: URL): Map<string, Card> {
  const cards = new Map<string, Card>();
  for (const titleLink of Array.from(doc.querySelectorAll('h3 a[href*="/papers/"]'))) {
    const href = absoluteUrl(titleLink.getAttribute('href'), pageUrl);
    const id = href ? /^\/papers\/([^/]{1,40})$/.exec(new URL(href).pathname)?.[1] : undefined;
    if (!id || cards.has(id)) continue;
    cards.set(id, { element: titleLink.closest('article') ?? titleLink.parentElement ?? titleLink, titleLink });
  }
  return cards;
}

/** The entry for an HF paper id: the arXiv paper when the id is an arXiv id. */
function baseEntry(hfId: string, title: string): Pick<PaperEntry, 'id' | 'aliases' | 'url' | 'pdfUrl' | 'site' | 'subjects'> {
  const arxivId = normaliseArxivId(hfId);
  return {
    id: arxivId ? canonicalId.arxiv(arxivId) : canonicalId.title(title),
    aliases: [],
    url: `${ORIGIN}/papers/${hfId}`,
    pdfUrl: arxivId ? `https://arxiv.org/pdf/${arxivId}` : undefined,
    subjects: [],
    site: 'huggingface',
  };
}

function yearOf(hfId: string, publishedAt: string): number | undefined {
  const fromDate = parseYear(publishedAt);
  if (fromDate) return fromDate;
  const yymm = /^(\d\d)\d\d\./.exec(hfId)?.[1];
  return yymm ? 2000 + Number(yymm) : undefined;
}

function entryFromJson(paper: HfPaper, element: Element | undefined): PaperEntry {
  return {
    ...baseEntry(paper.id, paper.title),
    title: paper.title,
    authors: paper.authors,
    abstract: paper.summary,
    abstractKind: paper.summary ? 'full' : 'none',
    year: yearOf(paper.id, paper.publishedAt),
    links: paper.links,
    element,
  };
}

function entryFromCard(hfId: string, card: Card): PaperEntry | null {
  const title = readableText(card.titleLink, LIMITS.title);
  if (!title) return null;
  return {
    ...baseEntry(hfId, title),
    title,
    authors: [],
    abstract: '',
    abstractKind: 'none',
    year: yearOf(hfId, ''),
    element: card.element,
  };
}

/**
 * A paper page, /papers/<arxiv id>: its embedded JSON when it carries this paper, else citation meta,
 * else the page body (h1 title, the text under the "Abstract" heading). The AI-generated summary some
 * pages show is not the abstract and is never read as one.
 */
function paperPage(doc: Document, pageUrl: URL, hfId: string, arxivId: string): PaperEntry | null {
  const element = doc.querySelector('main') ?? undefined;
  for (const props of hydrationProps(doc)) {
    const paper = hfPaper(props.paper);
    if (paper && normaliseArxivId(paper.id) === arxivId) return entryFromJson(paper, element);
  }
  const meta = entryFromCitationMeta(doc, pageUrl, 'huggingface');
  const title = meta?.title || readableText(doc.querySelector('h1'), LIMITS.title);
  if (!title) return null;
  const abstract = meta?.abstract || abstractUnderHeading(doc);
  return {
    ...baseEntry(hfId, title),
    title,
    authors: meta?.authors ?? [],
    abstract,
    abstractKind: abstract ? 'full' : 'none',
    year: meta?.year ?? yearOf(hfId, ''),
    element,
  };
}

function abstractUnderHeading(doc: Document): string {
  const heading = Array.from(doc.querySelectorAll('h2'))
    .slice(0, 50)
    .find((h2) => cleanText(h2.textContent) === 'Abstract');
  const body = heading?.nextElementSibling;
  return body ? readableText(body, LIMITS.abstract) : '';
}
