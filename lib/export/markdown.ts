import type { Paper } from '../model';
import { arxivIdOf, doiOf, safeHttpUrl } from './csl';
import { claimSummary, isoDate, keyResult } from './text';

/**
 * A Markdown reading list. All page and user text is escaped so that a Markdown viewer shows it as
 * typed: the characters that make HTML, links, images, emphasis, code and tables get a backslash
 * (CommonMark's escape), as does anything at the start that could open a block (a heading, a list,
 * a quote); line breaks are folded so no text can start a block of its own. Hyphens and periods mid
 * text stay readable. Links are written only for http(s) URLs, in their parsed, percent-encoded form.
 */

 
const LINE_BREAKS = /[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g;

const INLINE_SPECIAL = /[\\`*_{}[\]<>!|~&]/g;
const LIST_NUMBER = /^\d{1,9}(?=[.)])/;
const PUNCTUATION = /^[!-/:-@[-`{-~]/;

export function escapeMarkdown(text: string): string {
  const clean = text.replace(LINE_BREAKS, ' ').trim();
  const inline = (part: string) => part.replace(INLINE_SPECIAL, (char) => `\\${char}`);
  // What could open a block is escaped first, on the raw text: "2024\. A study", "\# not a heading".
  const number = LIST_NUMBER.exec(clean)?.[0];
  if (number) return `${number}\\${inline(clean.slice(number.length))}`;
  if (PUNCTUATION.test(clean)) return `\\${clean[0]}${inline(clean.slice(1))}`;
  return inline(clean);
}

function link(label: string, url: string | undefined): string {
  const href = safeHttpUrl(url);
  return href ? `[${escapeMarkdown(label)}](<${href}>)` : escapeMarkdown(label);
}

/** One paper as a section: title linked, who and where, tags, key result and the note as a quote. */
export function markdownPaper(paper: Paper): string {
  const arxiv = arxivIdOf(paper);
  const doi = doiOf(paper);
  const where = [paper.venue, paper.year].filter(Boolean).join(' ');
  const lines = [`## ${link(paper.title || paper.id, paper.url)}`, ''];
  const byline = [paper.authors.join(', '), where].filter(Boolean).map(escapeMarkdown).join(' · ');
  if (byline) lines.push(byline, '');
  const ids = [arxiv && link(`arXiv:${arxiv}`, `https://arxiv.org/abs/${arxiv}`), doi && !doi.startsWith('10.48550/') && link(`doi:${doi}`, `https://doi.org/${doi}`), paper.pdfUrl && link('PDF', paper.pdfUrl)];
  if (ids.some(Boolean)) lines.push(ids.filter(Boolean).join(' · '), '');
  if (paper.userTags.length) lines.push(`Tags: ${paper.userTags.map(escapeMarkdown).join(', ')}`, '');
  const claim = keyResult(paper);
  if (claim) lines.push(`Key result: ${escapeMarkdown(claimSummary(claim))}`, '');
  if (paper.savedAt) lines.push(`Saved ${isoDate(paper.savedAt)}${paper.read ? ', read' : ''}`, '');
  const note = paper.note.split(/\r?\n/).map(escapeMarkdown);
  if (paper.note.trim()) lines.push(...note.map((line) => (line ? `> ${line}` : '>')), '');
  return lines.join('\n');
}

export function markdownHeader(count: number, now: number): string {
  return `# PaperLens: ${count} paper${count === 1 ? '' : 's'}\n\nExported ${isoDate(now)}.\n\n`;
}
