/** Export formats and their files; no dependencies, so message schemas can import it cheaply. */
export type ExportFormat = 'bibtex' | 'ris' | 'csl-json' | 'csv' | 'markdown';
export const EXPORT_FORMATS = ['bibtex', 'ris', 'csl-json', 'csv', 'markdown'] as const satisfies readonly ExportFormat[];

/** A file ready to download; `mime` is never HTML, so a browser shows an export as text whatever it holds. */
export interface ExportFile {
  filename: string;
  mime: string;
  text: string;
  count: number;
}

export const FORMAT_INFO: Record<ExportFormat | 'backup', { label: string; extension: string; mime: string }> = {
  bibtex: { label: 'BibTeX', extension: 'bib', mime: 'application/x-bibtex' },
  ris: { label: 'RIS', extension: 'ris', mime: 'application/x-research-info-systems' },
  'csl-json': { label: 'CSL-JSON', extension: 'json', mime: 'application/vnd.citationstyles.csl+json' },
  csv: { label: 'CSV', extension: 'csv', mime: 'text/csv' },
  markdown: { label: 'Markdown', extension: 'md', mime: 'text/markdown' },
  backup: { label: 'Full backup (JSON)', extension: 'json', mime: 'application/json' },
};

export function exportFilename(format: ExportFormat | 'backup', now: number): string {
  const name = format === 'backup' ? 'paperlens-backup' : 'paperlens';
  return `${name}-${new Date(now).toISOString().slice(0, 10)}.${FORMAT_INFO[format].extension}`;
}
