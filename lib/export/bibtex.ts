import type { Paper } from '../model';
import { toBiblatexRecords, type CitationRecord } from './citation';
import { arxivIdOf, isPreprint, toCsl, type CslItem } from './csl';

/**
 * BibTeX that Zotero, Mendeley and JabRef import cleanly: citation-js maps and escapes every value
 * (braces, backslashes and TeX specials become commands, so no value can close its field early);
 * PaperLens turns its BibLaTeX fields into classic BibTeX ones and adds the arXiv fields
 * (`eprint`, `archivePrefix`, `primaryClass`) that arXiv's own BibTeX uses, which citation-js has
 * no CSL source for.
 */

// citation-js's ASCII escaping drops characters it has no TeX command for (CJK, Greek, emoji): they
// travel through it as inert ASCII placeholders and come back as UTF-8, which every BibTeX tool reads.
// A diacritic it knows (ü = u + U+0308) is left to it, and comes out as {\"u}.
const KNOWN_DIACRITICS = /[\u0300-\u0308\u030a-\u030c\u0332\u0323\u0327\u0328\u0361\u0326]/g;
const NON_ASCII = /[^\u0000-\u007f]/gu;
const PLACEHOLDER = /qqxu([0-9a-f]{2,6})xqq/g;

function protectUnicode(text: string): string {
  return text.replace(NON_ASCII, (char) =>
     
    /[^\u0000-\u007f]/.test(char.normalize('NFKD').replace(KNOWN_DIACRITICS, '')) ? `qqxu${char.codePointAt(0)!.toString(16)}xqq` : char,
  );
}

function restoreUnicode(text: string): string {
  if (!text.includes('qqxu')) return text;
  return text.replace(PLACEHOLDER, (match, hex: string) => {
    const codePoint = Number.parseInt(hex, 16);
    // Only non-ASCII comes back, so nothing restored can be a brace or a backslash.
    return codePoint >= 0x80 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : match;
  });
}

function protectItem(item: CslItem): CslItem {
  const protectedItem: CslItem = {
    ...item,
    title: protectUnicode(item.title),
    author: item.author.map((name) => ('literal' in name ? { literal: protectUnicode(name.literal) } : { ...name, family: protectUnicode(name.family), given: name.given && protectUnicode(name.given) })),
  };
  for (const field of ['container-title', 'abstract', 'keyword', 'note'] as const) {
    // A field must be absent, not undefined: citation-js converts every field that is present.
    if (item[field] !== undefined) protectedItem[field] = protectUnicode(item[field]);
  }
  return protectedItem;
}

const ARXIV_CATEGORY = /^[a-z-]+(?:\.[A-Za-z-]+)?$/;

/** Classic BibTeX fields, in the order people read them. */
function bibtexFields(paper: Paper, record: CitationRecord): [string, string][] {
  const { date, journaltitle, ...rest } = record.properties;
  const fields: Record<string, string | undefined> = {
    author: rest.author,
    title: rest.title,
    journal: journaltitle,
    booktitle: rest.booktitle,
    year: /^\d{4}/.exec(date ?? '')?.[0],
    ...rest,
  };
  const arxiv = arxivIdOf(paper);
  if (arxiv) {
    fields.eprint = arxiv;
    fields.archivePrefix = 'arXiv';
    const category = paper.subjects.find((s) => ARXIV_CATEGORY.test(s));
    if (category) fields.primaryClass = category;
  }
  return Object.entries(fields).filter((field): field is [string, string] => !!field[1]);
}

/** One chunk of papers as BibTeX entries; `keys` are their citation keys. */
export function bibtexEntries(papers: readonly Paper[], keys: readonly string[]): string {
  const items = papers.map((paper, i) => protectItem(toCsl(paper, keys[i]!)));
  const records = toBiblatexRecords(items);
  return papers
    .map((paper, i) => {
      const record = records[i]!;
      const type = isPreprint(paper) ? 'misc' : record.type === 'inproceedings' ? 'inproceedings' : 'article';
      const body = bibtexFields(paper, record)
        .map(([field, value]) => `  ${field} = {${restoreUnicode(value)}},\n`)
        .join('');
      return `@${type}{${keys[i]},\n${body}}\n`;
    })
    .join('\n');
}
