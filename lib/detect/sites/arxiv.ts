import { canonicalId, normaliseArxivId, type EntryType, type PaperEntry } from '../../model';
import { entryFromCitationMeta } from '../meta';
import { LIMITS, authorList, cleanText, readableText, withoutLabel } from '../text';
import type { EntryCollector, SiteAdapter } from '../types';

/**
 * arXiv listings (/list/<cat>/new, /recent, /pastweek, /catchup), in both the legacy (≤ 2024-05-07) and the
 * current markup, and single-paper /abs/ and /html/ pages. See shared notes §1 for the DOM.
 *
 * Listings are `dl`s of dt/dd pairs. The `<h3>` section headings sit inside or outside the `dl`, and
 * `#articles` is duplicated once per section, so entries are read per `dl`, pairing each dt with the
 * dd that follows it.
 */
export const arxiv: SiteAdapter = {
  site: 'arxiv',
  matches: (url) => /(^|\.)arxiv\.org$/.test(url.hostname),
  detect(doc, url, each) {
    if (/^\/(abs|html)\//.test(url.pathname)) {
      each.add(() => entryFromCitationMeta(doc, url, 'arxiv'));
      return;
    }
    detectListing(doc, url, each);
  },
};

function detectListing(doc: Document, url: URL, each: EntryCollector): void {
  for (const dl of Array.from(doc.querySelectorAll('#dlpage dl'))) {
    const section = sectionEntryType(dl);
    let dt: Element | null = null;
    for (const child of Array.from(dl.children)) {
      if (child.tagName === 'DT') dt = child;
      else if (child.tagName === 'DD' && dt) {
        const [term, description] = [dt, child];
        each.add(() => listingEntry(term, description, url, section));
        dt = null;
      }
    }
  }
}

function listingEntry(dt: Element, dd: Element, pageUrl: URL, section: EntryType | undefined): PaperEntry | null {
  const idLink = dt.querySelector('a[title="Abstract"]');
  const rawId = idLink?.textContent || idLink?.getAttribute('id') || '';
  const arxivId = normaliseArxivId(cleanText(rawId)) ?? normaliseArxivId(idLink?.getAttribute('href')?.replace(/^.*\/abs\//, '') ?? '');
  if (!arxivId) return null;
  const title = withoutLabel(readableText(dd.querySelector('.list-title'), LIMITS.title), /^Title:\s*/);
  if (!title) return null;
  const abstractEl = dd.querySelector('div.meta > p.mathjax, p.mathjax');
  const abstract = readableText(abstractEl, LIMITS.abstract);
  const origin = pageUrl.origin.includes('arxiv.org') ? pageUrl.origin : 'https://arxiv.org';
  return {
    id: canonicalId.arxiv(arxivId),
    aliases: [],
    title,
    authors: authorList(dd.querySelector('.list-authors')).map((name) => withoutLabel(name, /^Authors:\s*/)),
    abstract,
    abstractKind: abstract ? 'full' : 'none',
    url: `${origin}/abs/${arxivId}`,
    pdfUrl: `${origin}/pdf/${arxivId}`,
    subjects: categoryCodes(dd.querySelector('.list-subjects')?.textContent ?? ''),
    venue: withoutLabel(readableText(dd.querySelector('.list-journal-ref')), /^Journal-ref:\s*/) || undefined,
    year: yearFromArxivId(arxivId),
    entryType: entryTypeFromTerm(dt.textContent ?? '') ?? section,
    comments: withoutLabel(readableText(dd.querySelector('.list-comments')), /^Comments:\s*/) || undefined,
    site: 'arxiv',
    element: dd,
  };
}

/** "Machine Learning (cs.LG); Computation and Language (cs.CL)" → ["cs.LG", "cs.CL"]. */
export function categoryCodes(subjectsText: string): string[] {
  const codes = new Set<string>();
  for (const m of subjectsText.slice(0, LIMITS.field).matchAll(/\(([a-z-]+(?:\.[A-Za-z-]+)?)\)/g)) codes.add(m[1]!);
  return [...codes].slice(0, LIMITS.subjects);
}

function entryTypeFromTerm(text: string): EntryType | undefined {
  if (/cross-list/i.test(text)) return 'cross-list';
  if (/\(replaced\)/i.test(text)) return 'replacement';
  return undefined;
}

/** The section a dl belongs to, from the nearest h3 inside it or just before it. */
function sectionEntryType(dl: Element): EntryType | undefined {
  let heading: Element | null = dl.querySelector(':scope > h3');
  for (let prev = dl.previousElementSibling; !heading && prev; prev = prev.previousElementSibling) {
    if (prev.tagName === 'H3') heading = prev;
    if (prev.tagName === 'DL') break;
  }
  const text = heading?.textContent ?? '';
  if (/^\s*cross/i.test(text)) return 'cross-list';
  if (/^\s*replace/i.test(text)) return 'replacement';
  if (/^\s*new/i.test(text)) return 'new';
  return undefined;
}

function yearFromArxivId(id: string): number | undefined {
  const yymm = /^(\d\d)\d\d\./.exec(id)?.[1] ?? /\/(\d\d)\d{5}$/.exec(id)?.[1];
  if (!yymm) return undefined;
  const yy = Number(yymm);
  return yy >= 91 ? 1900 + yy : 2000 + yy;
}
