import { readShared } from './shared';

export interface SeedPaper {
  /** 1-based position of the paper on the seed page (the gold's `key` for source "hf-seed"). */
  index: number;
  title: string;
  abstract: string;
}

/** The page's date line ("Mar 14") is the last header line before the papers. */
const DATE_LINE = /^[A-Z][a-z]{2} \d{1,2}$/;

/**
 * The 56 papers of ../shared/seed/hf-papers-listing.txt: after the page's header lines (ending with the
 * date line), each paper is a title line, a blank line and its abstract on one line.
 * Call only when HAS_SHARED is true.
 */
export function readSeedPapers(): SeedPaper[] {
  const lines = readShared('seed', 'hf-papers-listing.txt')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const firstPaper = lines.findIndex((line) => DATE_LINE.test(line)) + 1;
  const papers: SeedPaper[] = [];
  for (let i = firstPaper; i + 1 < lines.length; i += 2) {
    papers.push({ index: papers.length + 1, title: lines[i]!, abstract: lines[i + 1]! });
  }
  return papers;
}
