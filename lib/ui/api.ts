import type { ExportFile, ExportFormat } from '../export/formats';
import type { Paper } from '../model';
import type { FirstScreenCache } from './firstScreen';

export type ListView = 'saved' | 'seen';

/** What the user may change on a paper from the popup or the library page. */
export type PaperPatch = Partial<Pick<Paper, 'userTags' | 'note' | 'read' | 'saved' | 'savedAt'>>;

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
  /** The papers as a file in `format`, reporting progress for large exports. */
  exportPapers(format: ExportFormat, papers: readonly Paper[], onProgress?: (done: number, total: number) => void): Promise<ExportFile>;
  openUrl(url: string): void;
  /** The first screen kept from the last time, shown until the background answers; none in tests that do not ask. */
  firstScreen?: FirstScreenCache;
}
