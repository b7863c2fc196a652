import type { Paper } from '../model';
import { arxivIdOf, doiOf, keywordsOf, safeHttpUrl } from './csl';
import { claimSummary, isoDate, keyResult } from './text';

/**
 * CSV for spreadsheets (RFC 4180: every cell quoted, quotes doubled, CRLF rows). A cell that starts
 * with = + - @ (or a tab or carriage return) would run as a formula in Excel, LibreOffice or Sheets,
 * so it is prefixed with an apostrophe, which spreadsheets show as plain text.
 */
const COLUMNS: [string, (paper: Paper) => string | number | undefined][] = [
  ['title', (p) => p.title],
  ['authors', (p) => p.authors.join('; ')],
  ['year', (p) => p.year],
  ['venue', (p) => p.venue],
  ['arxiv', (p) => arxivIdOf(p)],
  ['doi', (p) => doiOf(p)],
  ['url', (p) => safeHttpUrl(p.url)],
  ['pdf', (p) => safeHttpUrl(p.pdfUrl)],
  ['tags', (p) => p.userTags.join('; ')],
  ['keywords', (p) => keywordsOf(p).join('; ')],
  ['categories', (p) => p.subjects.join('; ')],
  ['key_result', (p) => {
    const claim = keyResult(p);
    return claim && claimSummary(claim);
  }],
  ['note', (p) => p.note],
  ['read', (p) => (p.read ? 'yes' : 'no')],
  ['saved', (p) => isoDate(p.savedAt)],
  ['first_seen', (p) => isoDate(p.firstSeenAt)],
  ['sites', (p) => p.sites.join('; ')],
  ['id', (p) => p.id],
  ['abstract', (p) => (p.abstractKind === 'none' ? '' : p.abstract)],
];

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | undefined): string {
  const text = value === undefined ? '' : String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export const CSV_HEADER = `\uFEFF${COLUMNS.map(([name]) => csvCell(name)).join(',')}\r\n`;

/** The rows for a chunk of papers (the header is written once, before the first chunk). */
export function csvRows(papers: readonly Paper[]): string {
  return papers.map((paper) => `${COLUMNS.map(([, read]) => csvCell(read(paper))).join(',')}\r\n`).join('');
}
