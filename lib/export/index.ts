import type { Paper } from '../model';
import { bibtexEntries } from './bibtex';
import { toCslData } from './citation';
import { citationKeys, toCsl } from './csl';
import { CSV_HEADER, csvRows } from './csv';
import { markdownHeader, markdownPaper } from './markdown';
import { exportFilename, FORMAT_INFO, type ExportFile, type ExportFormat } from './formats';
import { risRecords } from './ris';

export { EXPORT_FORMATS, exportFilename, FORMAT_INFO, type ExportFile, type ExportFormat } from './formats';

/** Papers per chunk: between chunks the export yields, so a progress bar can paint. */
const CHUNK = 250;

export interface ExportOptions {
  /** Called after each chunk with papers done and total. */
  onProgress?: (done: number, total: number) => void;
  now?: number;
}

function chunkWriter(format: ExportFormat, papers: readonly Paper[], now: number) {
  const keys = citationKeys(papers);
  switch (format) {
    case 'bibtex':
      return { head: '', write: (from: number, to: number) => bibtexEntries(papers.slice(from, to), keys.slice(from, to)), join: '\n', tail: '' };
    case 'ris':
      return { head: '', write: (from: number, to: number) => risRecords(papers.slice(from, to), keys.slice(from, to)), join: '\r\n', tail: '' };
    case 'csl-json':
      return {
        head: '[\n',
        write: (from: number, to: number) => toCslData(papers.slice(from, to).map((p, i) => toCsl(p, keys[from + i]!))).map((item) => `  ${JSON.stringify(item)}`).join(',\n'),
        join: ',\n',
        tail: '\n]\n',
      };
    case 'csv':
      return { head: CSV_HEADER, write: (from: number, to: number) => csvRows(papers.slice(from, to)), join: '', tail: '' };
    case 'markdown':
      return { head: markdownHeader(papers.length, now), write: (from: number, to: number) => papers.slice(from, to).map(markdownPaper).join('\n'), join: '\n', tail: '' };
  }
}

/** Exports papers in chunks, reporting progress and yielding between chunks. */
export async function exportPapers(papers: readonly Paper[], format: ExportFormat, options: ExportOptions = {}): Promise<ExportFile> {
  const now = options.now ?? Date.now();
  const writer = chunkWriter(format, papers, now);
  const parts: string[] = [];
  for (let from = 0; from < papers.length; from += CHUNK) {
    parts.push(writer.write(from, Math.min(from + CHUNK, papers.length)));
    options.onProgress?.(Math.min(from + CHUNK, papers.length), papers.length);
    if (from + CHUNK < papers.length) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const info = FORMAT_INFO[format];
  return { filename: exportFilename(format, now), mime: info.mime, text: writer.head + parts.join(writer.join) + writer.tail, count: papers.length };
}
