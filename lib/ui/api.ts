import type { Paper } from '../model';

export type ListView = 'saved' | 'seen';

/** What the user may change on a paper from the popup or the library page. */
export type PaperPatch = Partial<Pick<Paper, 'userTags' | 'note' | 'read' | 'saved' | 'savedAt'>>;

export type ExportFormat = 'bibtex' | 'ris' | 'csl-json' | 'csv' | 'markdown';
export const EXPORT_FORMATS: { format: ExportFormat; label: string }[] = [
  { format: 'bibtex', label: 'BibTeX' },
  { format: 'ris', label: 'RIS' },
  { format: 'csl-json', label: 'CSL-JSON' },
  { format: 'csv', label: 'CSV' },
  { format: 'markdown', label: 'Markdown' },
];

/** A file ready to download. */
export interface ExportFile {
  filename: string;
  mime: string;
  text: string;
}

/**
 * Everything the popup and the library page ask of the rest of the extension. The entrypoints pass
 * one backed by messaging (lib/ui/messagingApi.ts); tests pass their own.
 */
export interface LibraryApi {
  /** Saved papers newest first, or everything seen, most recent first; `limit` for a first screenful. */
  listPapers(view: ListView, limit?: number): Promise<Paper[]>;
  setSaved(id: string, saved: boolean): Promise<Paper | null>;
  updatePaper(id: string, patch: PaperPatch): Promise<Paper | null>;
  /** Deletes a paper from history altogether; `restorePaper` brings it back (undo). */
  removePaper(id: string): Promise<Paper | null>;
  restorePaper(id: string): Promise<Paper | null>;
  /** Personal tags a model proposes for this paper, when such a model exists. */
  suggestTags?(id: string): Promise<string[]>;
  /** The papers with these ids as a file in `format`. */
  exportPapers(format: ExportFormat, ids: string[]): Promise<ExportFile>;
  openUrl(url: string): void;
}
