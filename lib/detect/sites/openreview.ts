import { canonicalId, type PaperEntry } from '../../model';
import { entryFromCitationMeta } from '../meta';
import { LIMITS, absoluteUrl, cleanText, parseYear, readableText } from '../text';
import type { EntryCollector, SiteAdapter } from '../types';
import { aliasesBesides } from './paper-page';

/**
 * OpenReview venue and group lists, and forum pages. See shared notes §5.
 *
 * Lists are rendered in the browser: `div.note` per submission, the title link `h4 > a[href="/forum?id=…"]`,
 * authors in `.note-authors`, date and venue in `ul.note-meta-info`. The abstract is under "Show details",
 * which renders `.note-content` only when opened; the page watch re-scans on that change, and an entry
 * whose abstract appeared is handed on again. Forum pages carry citation_* meta, abstract included.
 */
export const openreview: SiteAdapter = {
  site: 'openreview',
  matches: (url) => /(^|\.)openreview\.net$/.test(url.hostname),
  detect(doc, url, each) {
    const forum = url.pathname === '/forum' ? forumIdOf(url.searchParams.get('id')) : null;
    if (forum) each.add(() => forumPage(doc, url, forum));
    else detectNotes(doc, url, each);
  },
};

const ORIGIN = 'https://openreview.net';

/** Forum ids are short base64url-like strings (`rJXMpikCZ`, `aBc-12_xYz`). */
function forumIdOf(value: string | null | undefined): string | null {
  const id = (value ?? '').trim();
  return /^[\w-]{4,40}$/.test(id) ? id : null;
}

function detectNotes(doc: Document, pageUrl: URL, each: EntryCollector): void {
  for (const note of Array.from(doc.querySelectorAll('div.note'))) {
    const titleLink = note.querySelector('h4 a[href*="forum?id="]');
    if (!titleLink) continue;
    let link: URL;
    try {
      link = new URL(titleLink.getAttribute('href') ?? '', pageUrl);
    } catch {
      continue;
    }
    const forum = forumIdOf(link.searchParams.get('id'));
    const noteId = link.searchParams.get('noteId');
    // A reply (review, comment) links to its forum with its own noteId: not a paper.
    if (noteId && noteId !== forum) continue;
    each.add(() => (forum ? noteEntry(note, titleLink, forum, pageUrl) : null));
  }
}

function noteEntry(note: Element, titleLink: Element, forum: string, pageUrl: URL): PaperEntry | null {
  const title = readableText(titleLink, LIMITS.title);
  if (!title) return null;
  const abstract = abstractField(note);
  const { venue, year } = metaInfo(note);
  const pdfLink = note.querySelector('a.pdf-link, a[href*="/pdf?id="], a[href*="/attachment?id="][href*="name=pdf"]');
  return {
    id: canonicalId.openreview(forum),
    aliases: [],
    title,
    authors: noteAuthors(note.querySelector('.note-authors')),
    abstract,
    abstractKind: abstract ? 'full' : 'none',
    url: `${ORIGIN}/forum?id=${forum}`,
    pdfUrl: absoluteUrl(pdfLink?.getAttribute('href'), pageUrl) || undefined,
    subjects: [],
    venue: venue || undefined,
    year,
    site: 'openreview',
    element: note,
  };
}

/**
 * Author names, one element each: profile or DBLP links, and plain spans for authors without a profile.
 * Not the text split on commas: "et al. (N additional authors not shown)" and institution numbers
 * (`<sup>1,2</sup>`) sit in the same line.
 */
function noteAuthors(container: Element | null): string[] {
  if (!container) return [];
  const names: string[] = [];
  for (const el of Array.from(container.querySelectorAll('a, span'))) {
    if (names.length >= LIMITS.authors) break;
    const isProfileLink = el.tagName === 'A' && /profile\?|dblp\.org/.test(el.getAttribute('href') ?? '');
    const isPlainName = el.tagName === 'SPAN' && !el.children.length && !el.getAttribute('class');
    if (!isProfileLink && !isPlainName) continue;
    const name = cleanText(el.textContent, LIMITS.authorName);
    if (name) names.push(name);
  }
  return names;
}

/** The "Abstract:" field of an opened note (or of the forum's main note): the value after its label. */
function abstractField(container: Element): string {
  const label = Array.from(container.querySelectorAll('.note-content strong.note-content-field'))
    .slice(0, 100)
    .find((field) => /^abstract\s*:?$/i.test(cleanText(field.textContent)));
  if (!label) return '';
  const value = label.nextElementSibling?.classList.contains('note-content-value') ? label.nextElementSibling : label.parentElement?.querySelector('.note-content-value');
  return readableText(value, LIMITS.abstract);
}

/**
 * `ul.note-meta-info`: the first item is the date ("Published: 22 Jan 2025, Last Modified: …"), the next
 * the venue ("ICLR 2025 Poster") or the invitation; then readers and reply counts.
 */
function metaInfo(note: Element): { venue: string; year: number | undefined } {
  const items = Array.from(note.querySelectorAll('ul.note-meta-info > li')).slice(0, 10);
  const [date, ...rest] = items.map((li) => ({ li, text: readableText(li) }));
  const venue = rest.find(({ li, text }) => !li.classList.contains('readers') && !/^readers:|^\d+\s+repl/i.test(text))?.text ?? '';
  return { venue, year: parseYear(venue) ?? parseYear(date?.text) };
}

/** A forum page: citation_* meta (abstract included), or the main note's own markup when the meta is absent. */
function forumPage(doc: Document, pageUrl: URL, forum: string): PaperEntry | null {
  const id = canonicalId.openreview(forum);
  const element = doc.querySelector('.forum-container, main') ?? undefined;
  const meta = entryFromCitationMeta(doc, pageUrl, 'openreview');
  const url = `${ORIGIN}/forum?id=${forum}`;
  if (meta) return { ...meta, id, aliases: aliasesBesides(id, meta), url, element };
  const mainNote = doc.querySelector('.forum-note') ?? doc.querySelector('.forum-container');
  const title = readableText(mainNote?.querySelector('.forum-title h2, h2.citation_title'), LIMITS.title);
  if (!mainNote || !title) return null;
  const abstract = abstractField(mainNote);
  return {
    id,
    aliases: [],
    title,
    authors: noteAuthors(mainNote.querySelector('.forum-authors')),
    abstract,
    abstractKind: abstract ? 'full' : 'none',
    url,
    pdfUrl: absoluteUrl(mainNote.querySelector('a.citation_pdf_url, a[href*="/pdf?id="]')?.getAttribute('href'), pageUrl) || undefined,
    subjects: [],
    site: 'openreview',
    element,
  };
}
