/**
 * Text helpers shared by the site adapters. Page content is hostile: every helper caps its input and
 * output, and every regex here runs in linear time.
 */

export const LIMITS = {
  entriesPerPage: 5000,
  title: 1000,
  abstract: 20_000,
  authors: 500,
  authorName: 200,
  subjects: 50,
  field: 2000,
  /** A whole author list: collaborations list hundreds of names (500 × ~25 characters). */
  authorListText: 15_000,
  /** Characters read from one element before cleaning, so a 10 MB text node costs nothing. */
  rawText: 60_000,
} as const;

const MATHJAX_RENDERED = '.MathJax, .MathJax_Preview, .MathJax_Display, mjx-container, .katex-html';

const INVISIBLE_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
/** Whitespace that is not already a single space: a run of two or more, or one newline, tab, NBSP…. */
const UNFOLDED_SPACE = /\s{2,}|[^\S ]/g;
/**
 * Trimmed text that `cleanText` would leave as it is: words of characters that are neither whitespace
 * nor control or invisible, separated by single spaces. Anchored and matched in one attempt, this runs
 * about twice as fast as a search for anything to clean, which the regex engine restarts at every
 * position. Linear: a word can only end at a space or the end, so a failed match gives each character
 * back once.
 */
const CLEAN_WORD = '[^\\s\\u0000-\\u001f\\u007f\\u200b-\\u200f\\u202a-\\u202e\\u2066-\\u2069]+';
const ALREADY_CLEAN = new RegExp(`^${CLEAN_WORD}(?: ${CLEAN_WORD})*$`);

/**
 * Whitespace folded and trimmed, control and invisible characters removed, length capped.
 *
 * Most fields are clean once trimmed (a title, an author list): one test finds that, and only text that
 * needs it is rebuilt. Testing for invisible characters and then folding whitespace cost two scans of
 * every field, on every field of every entry of a listing.
 */
export function cleanText(text: string | null | undefined, max: number = LIMITS.field): string {
  if (!text) return '';
  const trimmed = (text.length > LIMITS.rawText ? text.slice(0, LIMITS.rawText) : text).trim();
  const clean = ALREADY_CLEAN.test(trimmed) ? trimmed : trimmed.replace(INVISIBLE_CHARS, '').trim().replace(UNFOLDED_SPACE, ' ');
  return clean.length > max ? clean.slice(0, max) : clean;
}

/**
 * The text of an element as a reader would copy it: MathJax's rendered glyphs dropped (its
 * `script[type=math/tex]` source is kept and put back between $…$), MathML with a TeX `alttext`
 * (LaTeXML, arXiv HTML) read as $alttext$ rather than as glyphs plus annotation, hidden or not.
 * `mathFree`: the caller checked with `mayHoldRenderedMath` that no math is rendered around `el`.
 */
export function readableText(el: Element | null | undefined, max: number = LIMITS.field, mathFree = false): string {
  if (!el) return '';
  if (mathFree || !elementMayHoldRenderedMath(el)) return cleanText(el.textContent, max);
  const copy = el.cloneNode(true) as Element;
  for (const rendered of Array.from(copy.querySelectorAll(MATHJAX_RENDERED))) rendered.remove();
  for (const math of Array.from(copy.querySelectorAll('math[alttext]'))) {
    math.replaceWith(copy.ownerDocument.createTextNode(`$${math.getAttribute('alttext')}$`));
  }
  for (const script of Array.from(copy.querySelectorAll('script'))) {
    const type = script.getAttribute('type') ?? '';
    if (type.startsWith('math/tex')) {
      const display = type.includes('mode=display');
      script.replaceWith(copy.ownerDocument.createTextNode(display ? `$$${script.textContent}$$` : `$${script.textContent}$`));
    } else {
      script.remove();
    }
  }
  return cleanText(copy.textContent, max);
}

const RENDERED_MATH_OR_SCRIPT = `${MATHJAX_RENDERED}, script, math`;

/**
 * Whether anything under `root` may be rendered math or a script, so text under it needs the
 * copy-and-clean path of `readableText`. A listing asks once for the whole list and passes `mathFree`
 * to `readableText`, instead of a probe per field of every entry (10,000 probes on a 2,000-entry arXiv
 * listing). Over a whole list, tag and class collections cost a fraction of one selector query (a
 * 7-selector query over 2,000 entries took ~40 ms in Chromium); on one small element the query is cheaper.
 */
export function mayHoldRenderedMath(root: Element | Document): boolean {
  return (
    root.getElementsByTagName('script').length > 0 ||
    root.getElementsByTagName('math').length > 0 ||
    root.getElementsByTagName('mjx-container').length > 0 ||
    root.getElementsByClassName('MathJax').length > 0 ||
    root.getElementsByClassName('MathJax_Preview').length > 0 ||
    root.getElementsByClassName('katex-html').length > 0
  );
}

/**
 * `mayHoldRenderedMath` for one small element (an entry, a field): one selector query over its few
 * nodes costs less than six collections, each made and walked for it alone.
 */
export function elementMayHoldRenderedMath(el: Element): boolean {
  return el.querySelector(RENDERED_MATH_OR_SCRIPT) !== null;
}

/** Text with a leading label such as "Title:" or "Authors:" removed. */
export function withoutLabel(text: string, label: RegExp): string {
  return text.replace(label, '').trim();
}

/**
 * Names from an author list. Read from the text, not the links: text between links can belong to a
 * name (arXiv: `<a>Jaemyoung</a> (Jason)Lee`).
 */
export function authorList(container: Element | null | undefined, mathFree = false): string[] {
  if (!container) return [];
  return splitCleanAuthors(readableText(container, LIMITS.authorListText, mathFree));
}

/** "A, B and C; D | E" → names, from any text; "et al." and ellipses are not names. */
export function splitAuthors(text: string): string[] {
  return splitCleanAuthors(cleanText(text, LIMITS.authorListText));
}

/**
 * `splitAuthors` for text already cleaned (by `readableText` or `cleanText`, so its only whitespace is
 * single spaces): split on the separators, and look for " and " only in the pieces that have one. Each
 * name is cut from the list once, trimmed by its bounds: splitting into pieces and trimming each made two
 * strings a name, and was the slowest step of an arXiv listing entry (~1.3 ms of 2,000 entries' ~15 ms).
 */
export function splitCleanAuthors(cleaned: string): string[] {
  const names: string[] = [];
  const list = /^authors?:/i.test(cleaned) ? cleaned.replace(/^authors?:\s*/i, '') : cleaned;
  // A list separated by commas alone (most are) is cut at commas only; "Lee, Ann; Kim, Bo" at all three.
  const semicolonsOrBars = list.includes(';') || list.includes('|');
  // Most lists have no " and ": the pieces are tested for one only when the list has one.
  const hasAnd = / and /i.test(list);
  for (let start = 0; start <= list.length && names.length < LIMITS.authors; ) {
    const end = semicolonsOrBars ? nextSeparator(list, start) : commaOrEnd(list, start);
    const piece = hasAnd ? list.slice(start, end) : null;
    if (piece !== null && / and /i.test(piece)) {
      for (const part of piece.split(/\s+and\s+/i)) addName(names, part, 0, part.length);
    } else addName(names, list, start, end);
    start = end + 1;
  }
  return names;
}

function commaOrEnd(list: string, from: number): number {
  const at = list.indexOf(',', from);
  return at < 0 ? list.length : at;
}

function nextSeparator(list: string, from: number): number {
  let at = from;
  for (; at < list.length; at++) {
    const code = list.charCodeAt(at);
    if (code === 44 || code === 59 || code === 124) break; // , ; |
  }
  return at;
}

/** The name in `text` between `start` and `end`, capped at LIMITS.authorName and trimmed, unless it is empty or "et al.". */
function addName(names: string[], text: string, start: number, end: number): void {
  let from = start;
  let to = Math.min(end, start + LIMITS.authorName);
  while (from < to && text.charCodeAt(from) <= 32) from++;
  while (to > from && text.charCodeAt(to - 1) <= 32) to--;
  if (to === from || names.length >= LIMITS.authors) return;
  const name = text.slice(from, to);
  if (!isEtAl(name)) names.push(name);
}

/**
 * "et al.", "et al. (12 additional authors not shown)" or an ellipsis where a name would be. The first
 * character is tested first, as almost no name passes it.
 */
function isEtAl(name: string): boolean {
  const first = name[0];
  return (first === 'e' || first === 'E' || first === '.' || first === '…') && /^(?:et al\b|\.\.\.$|…$)/i.test(name);
}

/** An absolute URL for `href` against the page, or '' for anything that is not http(s). */
export function absoluteUrl(href: string | null | undefined, base: URL | string): string {
  if (!href) return '';
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '';
  } catch {
    return '';
  }
}

export function parseYear(text: string | null | undefined): number | undefined {
  const m = /\b(19[5-9]\d|20\d\d)\b/.exec(text ?? '');
  return m ? Number(m[1]) : undefined;
}

/** "A Title." → "A Title": PubMed and DBLP end every title with a period that is not part of it. */
export function withoutClosingPeriod(text: string): string {
  return text.endsWith('.') && !text.endsWith('..') ? text.slice(0, -1).trimEnd() : text;
}

/**
 * Text of a block of paragraphs and headings with a space between them: `textContent` runs
 * `<h3>Background</h3><p>Text` together as "BackgroundText". Children matching `skip` are left out.
 */
export function blockText(el: Element | null | undefined, max: number, skip?: string): string {
  if (!el) return '';
  const parts: string[] = [];
  for (const child of Array.from(el.childNodes).slice(0, 500)) {
    if (child.nodeType === 1) {
      if (!skip || !(child as Element).matches(skip)) parts.push(readableText(child as Element, max));
    } else if (child.nodeType === 3) parts.push(child.textContent ?? '');
  }
  return cleanText(parts.join(' '), max);
}
