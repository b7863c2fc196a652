import { arxivIdFromUrl, canonicalId, normaliseArxivId, normaliseDoi, type EntryType, type PaperEntry } from '../../model';
import { entryFromCitationMeta } from '../meta';
import { LIMITS, cleanText, elementMayHoldRenderedMath, mayHoldRenderedMath, parseYear, readableText, splitCleanAuthors, withoutLabel } from '../text';
import type { EntryCollector, SiteAdapter } from '../types';
import { aliasesBesides } from './paper-page';

/**
 * arXiv listings (/list/<cat>/new, /recent, /pastweek, /catchup), in both the legacy (≤ 2024-05-07) and the
 * current markup; search results (/search/); single-paper /abs/, /html/ and /pdf/ URLs, with or without a
 * version. See shared notes §1 for the DOM.
 *
 * Listings are `dl`s of dt/dd pairs. The `<h3>` section headings sit inside or outside the `dl`, and
 * `#articles` is duplicated once per section, so entries are read per `dl`, pairing each dt with the
 * dd that follows it.
 */
export const arxiv: SiteAdapter = {
  site: 'arxiv',
  matches: (url) => /(^|\.)arxiv\.org$/.test(url.hostname),
  readWhileLoading: true,
  detect(doc, url, each) {
    if (/^\/(abs|html|pdf)\//.test(url.pathname)) {
      each.add(() => singlePaper(doc, url));
      return;
    }
    if (url.pathname.startsWith('/search')) {
      detectSearchResults(doc, url, each);
      return;
    }
    detectListing(doc, url, each);
  },
};

function arxivOrigin(pageUrl: URL): string {
  return pageUrl.origin.includes('arxiv.org') ? pageUrl.origin : 'https://arxiv.org';
}

function detectListing(doc: Document, url: URL, each: EntryCollector): void {
  const origin = arxivOrigin(url);
  // Raw pages have no rendered math: their fields are read without a probe each (see mayHoldRenderedMath).
  // The probe goes through the whole list (~11 ms on a 2,000-entry listing), so a read of the first
  // entries, or one spread over short tasks, probes each entry instead.
  const listMathFree = each.wholePageAtOnce ? !mayHoldRenderedMath(doc.querySelector('#dlpage') ?? doc) : undefined;
  const sections = new Map<Element, EntryType | undefined>();
  for (const dl of listingLists(doc)) {
    let section = sectionBefore(dl, sections);
    let context: ListingContext = { origin, section, mathFree: listMathFree };
    let dt: Element | null = null;
    for (let child = dl.firstElementChild; child; child = child.nextElementSibling) {
      const tag = child.tagName;
      if (tag === 'DT') dt = child;
      else if (tag === 'DD' && dt) {
        if (!each.add(entryBuilder(dt, child, context))) return;
        dt = null;
      } else if (tag === 'H3') {
        // The current markup's section heading is the dl's first child (invalid HTML, kept by parsers).
        section = sectionOfHeading(child);
        context = { origin, section, mathFree: listMathFree };
      }
    }
    sections.set(dl, section);
  }
}

/** An entry's build, for the collector to run (a function of its own, so it holds this dt and dd, not the walk's variables). */
function entryBuilder(dt: Element, dd: Element, context: ListingContext): () => PaperEntry | null {
  return () => listingEntry(dt, dd, context);
}

/** The parts of a listing entry's `dd > div.meta`, found in one pass over its children. */
interface ListingParts {
  title?: Element;
  authors?: Element;
  comments?: Element;
  journalRef?: Element;
  subjects?: Element;
  abstract?: Element;
}

/**
 * One walk over the meta block's children instead of a selector query per field: on a 2,000-entry
 * listing the queries were a fifth of detection time. Markup that does not have the usual shape
 * (no div.meta, parts nested deeper) falls back to the queries.
 */
function listingParts(dd: Element): ListingParts {
  const parts: ListingParts = {};
  const first = dd.firstElementChild;
  const meta = first && hasClass(first.className, 'meta') ? first : dd.querySelector('div.meta');
  for (let child = meta?.firstElementChild ?? null; child; child = child.nextElementSibling) {
    const part = partOfMeta(child);
    if (part) parts[part] ??= child;
  }
  if (!parts.title) {
    return {
      title: dd.querySelector('.list-title') ?? undefined,
      authors: dd.querySelector('.list-authors') ?? undefined,
      comments: dd.querySelector('.list-comments') ?? undefined,
      journalRef: dd.querySelector('.list-journal-ref') ?? undefined,
      subjects: dd.querySelector('.list-subjects') ?? undefined,
      abstract: dd.querySelector('p.mathjax') ?? undefined,
    };
  }
  return parts;
}

/** The class lists arXiv gives the parts of an entry, looked up whole before each class is searched for. */
const PART_BY_CLASS_LIST = new Map<string, keyof ListingParts>([
  ['list-title mathjax', 'title'],
  ['list-authors', 'authors'],
  ['list-comments mathjax', 'comments'],
  ['list-journal-ref', 'journalRef'],
  ['list-subjects', 'subjects'],
]);

/** Which part of a listing entry a child of its div.meta is, if any. */
function partOfMeta(child: Element): keyof ListingParts | undefined {
  const names = child.className;
  if (typeof names !== 'string') return undefined;
  const known = PART_BY_CLASS_LIST.get(names);
  if (known) return known;
  if (hasClass(names, 'list-title')) return 'title';
  if (hasClass(names, 'list-authors')) return 'authors';
  if (hasClass(names, 'list-comments')) return 'comments';
  if (hasClass(names, 'list-journal-ref')) return 'journalRef';
  if (hasClass(names, 'list-subjects')) return 'subjects';
  if (child.tagName === 'P' && hasClass(names, 'mathjax')) return 'abstract';
  return undefined;
}

/**
 * Whether a `className` has the class `name`. A string test instead of `classList.contains`: the
 * classList object and the call into the DOM per test made up most of `listingParts`. `className` is not
 * a string on SVG elements, which then have no class this adapter reads.
 */
function hasClass(names: string | SVGAnimatedString, name: string): boolean {
  if (typeof names !== 'string') return false;
  for (let at = names.indexOf(name); at >= 0; at = names.indexOf(name, at + 1)) {
    const end = at + name.length;
    if ((at === 0 || names.charCodeAt(at - 1) <= 32) && (end === names.length || names.charCodeAt(end) <= 32)) return true;
  }
  return false;
}

/** The dt's "arXiv:<id>" link: a direct child in the current markup, inside span.list-identifier in the legacy one. */
function abstractLink(dt: Element): Element | null {
  for (let child = dt.firstElementChild; child; child = child.nextElementSibling) {
    if (child.tagName === 'A' && child.getAttribute('title') === 'Abstract') return child;
  }
  return dt.querySelector('a[title="Abstract"]');
}

/**
 * A listing entry's id and the text of its dt ("[2] arXiv:2405.04455 (cross-list from astro-ph.GA) [pdf,
 * other]"), which holds the note of a cross-list or replacement. The dt is arXiv's own markup, with no
 * text from the paper: one read of its text costs less than finding the link and the note beside it.
 * A dt without "arXiv:<id>" in its text is read from its link, in case its text differs.
 */
function listingTerm(dt: Element): { arxivId: string | null; text: string } {
  const whole = dt.textContent ?? '';
  const text = whole.length > LIMITS.field ? whole.slice(0, LIMITS.field) : whole;
  const idInText = ARXIV_ID_IN_TERM.exec(text);
  const arxivId = idInText?.[1] ?? idInText?.[2];
  if (arxivId) return { arxivId, text };
  const idLink = abstractLink(dt);
  return {
    arxivId: normaliseArxivId(idLink?.getAttribute('id') ?? '') ?? normaliseArxivId(idLink?.getAttribute('href')?.replace(/^.*\/abs\//, '') ?? ''),
    text,
  };
}

/**
 * "arXiv:2405.04522v1" in a dt's text, its id without the version captured: the shapes `normaliseArxivId`
 * accepts, new style in group 1 and old style in group 2, matched where they stand in one pass.
 */
const ARXIV_ID_IN_TERM = /\barXiv:(?:(\d{4}\.\d{4,5})|([a-z-]+(?:\.[A-Z]{2})?\/\d{7}))(?:v\d+)?(?!\S)/;

/** What every entry of one listing page shares. */
interface ListingContext {
  origin: string;
  section: EntryType | undefined;
  /** Whether the whole list was probed and has no rendered math; undefined: not probed, each entry is probed as it is read. */
  mathFree: boolean | undefined;
}

function listingEntry(dt: Element, dd: Element, { origin, section, mathFree: listMathFree }: ListingContext): PaperEntry | null {
  const term = listingTerm(dt);
  const arxivId = term.arxivId;
  if (!arxivId) return null;
  const mathFree = listMathFree ?? !elementMayHoldRenderedMath(dd);
  const parts = listingParts(dd);
  const title = labelledText(parts.title, LIMITS.title, mathFree, 'Title:');
  if (!title) return null;
  const abstract = readableText(parts.abstract, LIMITS.abstract, mathFree);
  return {
    id: canonicalId.arxiv(arxivId),
    aliases: [],
    title,
    authors: arxivAuthors(parts.authors, mathFree),
    abstract,
    abstractKind: abstract ? 'full' : 'none',
    url: `${origin}/abs/${arxivId}`,
    pdfUrl: `${origin}/pdf/${arxivId}`,
    subjects: categoryCodes(parts.subjects?.textContent ?? ''),
    venue: labelledText(parts.journalRef, LIMITS.field, mathFree, 'Journal-ref:') || undefined,
    year: yearFromArxivId(arxivId),
    entryType: entryTypeFromTerm(term.text) ?? section,
    comments: labelledText(parts.comments, LIMITS.field, mathFree, 'Comments:') || undefined,
    site: 'arxiv',
    element: dd,
  };
}

/**
 * The text of a meta line after its label (`<span class="descriptor">Title:</span> text`): one read of
 * the line's text, the label cut from its start, costs less than finding the text node after the label.
 */
function labelledText(line: Element | undefined, max: number, mathFree: boolean, label: string): string {
  const text = (mathFree ? (line?.textContent ?? '') : readableText(line, LIMITS.rawText, false)).trimStart();
  return cleanText(text.startsWith(label) ? text.slice(label.length) : text, max);
}

/**
 * The people on an arXiv author line: affiliation markers ("Ann Lee (1, 2)", "(4 and 5)") and the
 * affiliation list at the end ("((1) University of …)") dropped, "Euclid Collaboration: A, B" read as the
 * collaboration and then its members, "et al. (N additional authors not shown)" not an author.
 */
function arxivAuthors(line: Element | null | undefined, mathFree = false): string[] {
  let text = readableText(line, LIMITS.authorListText, mathFree);
  // Most lines have neither affiliations nor collaborations: their regexes run only where they can match.
  if (text.includes('(')) text = text.replace(/\s*\(\(\d+\)[\s\S]*$/, '').replace(/\s*\(\d+(?:\s*(?:and|,)\s*\d+)*\)/g, '');
  if (text.includes('Collaboration')) text = text.replace(/\bCollaboration\s*:/g, 'Collaboration,');
  return splitCleanAuthors(text);
}

/** "Machine Learning (cs.LG); Computation and Language (cs.CL)" → ["cs.LG", "cs.CL"]. */
export function categoryCodes(subjectsText: string): string[] {
  const codes: string[] = [];
  const text = subjectsText.length > LIMITS.field ? subjectsText.slice(0, LIMITS.field) : subjectsText;
  // A code is tried only where a parenthesis opens: a sticky regex there, instead of a regex scanning
  // the whole line for each code (subject names are long, codes few).
  for (let open = text.indexOf('('); open >= 0 && codes.length < LIMITS.subjects; open = text.indexOf('(', open + 1)) {
    CATEGORY_CODE_AT.lastIndex = open;
    // A test and a slice: no match array made for each code.
    if (!CATEGORY_CODE_AT.test(text)) continue;
    const code = text.slice(open + 1, CATEGORY_CODE_AT.lastIndex - 1);
    if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}

const CATEGORY_CODE_AT = /\([a-z-]+(?:\.[A-Za-z-]+)?\)/y;

function entryTypeFromTerm(text: string): EntryType | undefined {
  if (/cross-list/i.test(text)) return 'cross-list';
  if (/\(replaced\)/i.test(text)) return 'replacement';
  return undefined;
}

/**
 * The listing's dls: children of div#dlpage in every markup, found among its few children rather than
 * by a selector, which goes through every entry's markup (~2.5 ms on a 2,000-entry listing, paid by each
 * read of the first entries while the page loads). Markup with the dls deeper falls back to the selector.
 */
function listingLists(doc: Document): Element[] {
  const lists: Element[] = [];
  for (let child = doc.getElementById('dlpage')?.firstElementChild; child; child = child.nextElementSibling) {
    if (child.tagName === 'DL') lists.push(child);
  }
  return lists.length ? lists : Array.from(doc.querySelectorAll('#dlpage dl'));
}

/**
 * The section of the entries at the start of a dl, from the nearest h3 before it; a heading inside the
 * dl, met while its children are read, overrides it. Legacy /catchup has one dl per item under a single
 * h3, so a dl with no heading before it inherits the section the dl before it ended in (`known` holds
 * the dls already read, which keeps this linear). No query inside the dl: on a one-dl, 2,000-entry
 * listing a selector for its heading went through every entry's markup, each time entries were read.
 */
function sectionBefore(dl: Element, known: Map<Element, EntryType | undefined>): EntryType | undefined {
  for (let prev = dl.previousElementSibling; prev; prev = prev.previousElementSibling) {
    if (prev.tagName === 'H3') return sectionOfHeading(prev);
    if (known.has(prev)) return known.get(prev);
  }
  return undefined;
}

function sectionOfHeading(heading: Element): EntryType | undefined {
  const text = heading.textContent ?? '';
  if (/^\s*cross/i.test(text)) return 'cross-list';
  if (/^\s*replace/i.test(text)) return 'replacement';
  if (/^\s*new/i.test(text)) return 'new';
  return undefined;
}

/** The year from an id's YYMM: `2405.04522` → 2024, `hep-th/9901001` → 1999; ids are normalised, so their shape is known. */
function yearFromArxivId(id: string): number | undefined {
  const slash = id.indexOf('/');
  const at = slash < 0 ? 0 : slash + 1;
  const yy = Number(id.slice(at, at + 2));
  if (!Number.isInteger(yy) || id.length < at + 4) return undefined;
  return yy >= 91 ? 1900 + yy : 2000 + yy;
}

/**
 * A single paper at /abs/<id>, /html/<id> or /pdf/<id>, with or without a version (v2) or `.pdf`. The id
 * always comes from the URL, so even a PDF viewer, which has no markup to read, yields the paper.
 */
function singlePaper(doc: Document, pageUrl: URL): PaperEntry | null {
  const arxivId = arxivIdFromUrl(pageUrl.pathname);
  if (!arxivId) return entryFromCitationMeta(doc, pageUrl, 'arxiv');
  const version = /\d(v\d+)(?:\.pdf)?\/?$/.exec(pageUrl.pathname)?.[1] ?? '';
  const id = canonicalId.arxiv(arxivId);
  const origin = arxivOrigin(pageUrl);
  const meta = entryFromCitationMeta(doc, pageUrl, 'arxiv');
  const page = meta ?? latexmlPaper(doc) ?? { title: pdfViewerTitle(doc, arxivId), authors: [], abstract: '' };
  return {
    abstractKind: page.abstract ? 'full' : 'none',
    ...page,
    id,
    aliases: aliasesBesides(id, meta),
    url: `${origin}/abs/${arxivId}${version}`,
    pdfUrl: meta?.pdfUrl ?? `${origin}/pdf/${arxivId}${version}`,
    subjects: categoryCodes(doc.querySelector('td.subjects, .tablecell.subjects')?.textContent ?? ''),
    year: meta?.year ?? yearFromArxivId(arxivId),
    site: 'arxiv',
    element: doc.querySelector('#abs, article.ltx_document') ?? undefined,
  };
}

/** Title, authors and abstract of an arXiv HTML (LaTeXML) paper that carries no citation meta. */
function latexmlPaper(doc: Document): Pick<PaperEntry, 'title' | 'authors' | 'abstract'> | null {
  const title = readableText(doc.querySelector('h1.ltx_title_document'), LIMITS.title);
  if (!title) return null;
  const authors = Array.from(doc.querySelectorAll('.ltx_authors .ltx_personname'))
    .slice(0, LIMITS.authors)
    .map((name) => cleanText(textBeforeBreak(name), LIMITS.authorName))
    .filter(Boolean);
  const paragraphs = Array.from(doc.querySelectorAll('.ltx_abstract .ltx_p')).slice(0, 50);
  const abstract = cleanText(paragraphs.map((p) => readableText(p, LIMITS.abstract)).join(' '), LIMITS.abstract);
  return { title, authors, abstract };
}

/** A LaTeXML person name is the text up to the first line break; affiliations and emails follow it. */
function textBeforeBreak(el: Element): string {
  let text = '';
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeName === 'BR' || (node as Element).classList?.contains('ltx_break')) break;
    text += node.textContent ?? '';
    if (text.length > LIMITS.authorName) break;
  }
  return text;
}

/** A PDF viewer's title is the PDF's own title, unless it is only the file name. */
function pdfViewerTitle(doc: Document, arxivId: string): string {
  const title = cleanText(doc.title, LIMITS.title);
  return title.includes(arxivId.replace(/^.*\//, '')) ? '' : title;
}

/**
 * Search results (arxiv.org/search/…): one li.arxiv-result each. The full abstract is in the hidden
 * span.abstract-full (display:none but in the DOM); the visible span.abstract-short is truncated.
 */
function detectSearchResults(doc: Document, pageUrl: URL, each: EntryCollector): void {
  for (const result of Array.from(doc.querySelectorAll('li.arxiv-result'))) each.add(() => searchResult(result, pageUrl));
}

function searchResult(result: Element, pageUrl: URL): PaperEntry | null {
  const idLink = result.querySelector('.list-title a');
  const arxivId = normaliseArxivId(cleanText(idLink?.textContent)) ?? arxivIdFromUrl(idLink?.getAttribute('href') ?? '');
  if (!arxivId) return null;
  const title = readableText(result.querySelector('p.title'), LIMITS.title);
  if (!title) return null;
  const origin = arxivOrigin(pageUrl);
  const { abstract, abstractKind } = searchAbstract(result);
  const doi = normaliseDoi(result.querySelector('.tags a[href*="doi.org/"]')?.getAttribute('href') ?? '');
  const labelled = (label: RegExp) =>
    Array.from(result.querySelectorAll('p.comments'))
      .map((p) => readableText(p))
      .find((text) => label.test(text))
      ?.replace(label, '')
      .trim();
  return {
    id: canonicalId.arxiv(arxivId),
    aliases: doi ? [canonicalId.doi(doi)] : [],
    title,
    authors: arxivAuthors(result.querySelector('p.authors')),
    abstract,
    abstractKind,
    url: `${origin}/abs/${arxivId}`,
    pdfUrl: `${origin}/pdf/${arxivId}`,
    subjects: Array.from(result.querySelectorAll('.tags.is-inline-block > span.tag'))
      .map((tag) => cleanText(tag.textContent))
      .filter((code) => /^[a-z-]+(?:\.[A-Za-z-]+)?$/.test(code))
      .slice(0, LIMITS.subjects),
    venue: labelled(/^Journal ref:\s*/) || undefined,
    year: parseYear(/originally announced\s+\S+\s+\d{4}/.exec(readableText(result.querySelector('p.is-size-7')))?.[0]) ?? yearFromArxivId(arxivId),
    comments: labelled(/^Comments:\s*/) || undefined,
    site: 'arxiv',
    element: result,
  };
}

function searchAbstract(result: Element): Pick<PaperEntry, 'abstract' | 'abstractKind'> {
  const full = withoutLabel(readableText(result.querySelector('.abstract-full'), LIMITS.abstract), /\s*△\s*Less$/);
  if (full) return { abstract: full, abstractKind: 'full' };
  const shortEl = result.querySelector('.abstract-short');
  const short = withoutLabel(readableText(shortEl, LIMITS.abstract), /\s*▽\s*More$/);
  if (!short) return { abstract: '', abstractKind: 'none' };
  return { abstract: short, abstractKind: shortEl?.querySelector('a') ? 'snippet' : 'full' };
}
