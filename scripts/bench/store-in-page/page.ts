/**
 * Runs in a Chromium page (bundled by scripts/bench/store.ts): the store on Chromium's own IndexedDB
 * and the exports, timed where they run in the extension. Exposes `window.__storeBench`.
 */
import { backupFile, importBackup } from '../../../lib/export/backup';
import { exportPapers } from '../../../lib/export';
import { EXPORT_FORMATS } from '../../../lib/export/formats';
import type { Paper } from '../../../lib/model';
import type { EnrichedEntry } from '../../../lib/pipeline';
import { openPaperDb, type PaperDb } from '../../../lib/store/db';
import { listPapers, mergeIn, recordSightings } from '../../../lib/store/papers';

const WHERE = { site: 'arxiv', url: 'https://arxiv.org/list/cs.LG/new' } as const;

/** `count` distinct entries from the real ones: copy k gets arXiv ids `(3000+k).NNNNN`. */
function entries(source: EnrichedEntry[], count: number, offset = 0): EnrichedEntry[] {
  return Array.from({ length: count }, (_, n) => {
    const i = n + offset;
    const real = source[i % source.length]!;
    const copy = Math.floor(i / source.length);
    const id = `arxiv:${3000 + copy}.${String(i).padStart(5, '0')}`;
    return { ...real, id, aliases: [], title: `${real.title} (${copy})`, url: `https://arxiv.org/abs/${id.slice(6)}` };
  });
}

/** What a user has done with a saved paper: tags, some notes, some read. */
function saved(paper: Paper, i: number): Paper {
  return { ...paper, saved: true, savedAt: 1_790_000_000_000 + i * 60_000, userTags: [['rl', 'to read', 'survey'][i % 3]!], note: i % 4 ? '' : `Read section ${i % 7}; compare with the baseline.`, read: i % 2 === 0 };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

let db: PaperDb | undefined;
let source: EnrichedEntry[] = [];

async function fresh(name: string): Promise<PaperDb> {
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = resolve;
  });
  return openPaperDb(name);
}

const bench = {
  setSource(real: EnrichedEntry[]) {
    source = real;
  },
  async batchIntoEmpty(size: number, run: number): Promise<number> {
    db?.close();
    db = await fresh(`empty-${run}`);
    const batch = entries(source, size);
    return (await timed(() => recordSightings(db!, batch, WHERE))).ms;
  },
  /** A library of `size` saved papers, built as a user would: page batches, then saves. */
  async fillLibrary(size: number, batchSize: number): Promise<number> {
    db?.close();
    db = await fresh('library');
    for (let from = 0; from < size; from += batchSize) {
      const seen = await recordSightings(db, entries(source, Math.min(batchSize, size - from), from), WHERE, 1_790_000_000_000 + from);
      await mergeIn(db, seen.map((paper, i) => saved(paper, from + i)));
    }
    return db.count('papers');
  },
  async batchIntoLibrary(size: number, offset: number): Promise<number> {
    const batch = entries(source, size, offset);
    return (await timed(() => recordSightings(db!, batch, WHERE))).ms;
  },
  async list(limit?: number): Promise<{ ms: number; count: number }> {
    const { ms, result } = await timed(() => listPapers(db!, 'saved', limit));
    return { ms, count: result.length };
  },
  async exports(size: number): Promise<{ format: string; ms: number; count: number; bytes: number; progressCalls: number; longestGapMs: number }[]> {
    const papers = (await listPapers(db!, 'saved')).slice(0, size);
    const rows = [];
    for (const format of EXPORT_FORMATS) {
      let progressCalls = 0;
      let last = performance.now();
      let longestGapMs = 0;
      // The longest stretch between progress calls is how long the page cannot repaint its progress bar.
      const onProgress = () => {
        progressCalls++;
        longestGapMs = Math.max(longestGapMs, performance.now() - last);
        last = performance.now();
      };
      last = performance.now();
      const { ms, result } = await timed(() => exportPapers(papers, format, { onProgress }));
      rows.push({ format, ms, count: result.count, bytes: result.text.length, progressCalls, longestGapMs });
    }
    return rows;
  },
  async backupAndImport(): Promise<{ backupMs: number; papers: number; bytes: number; importMs: number; added: number; reimportMs: number; unchanged: number }> {
    const backup = await timed(() => backupFile(db!));
    const target = await fresh('imported');
    const first = await timed(() => importBackup(target, backup.result.text));
    const again = await timed(() => importBackup(target, backup.result.text));
    target.close();
    return { backupMs: backup.ms, papers: backup.result.count, bytes: backup.result.text.length, importMs: first.ms, added: first.result.added, reimportMs: again.ms, unchanged: again.result.unchanged };
  },
};

(window as unknown as { __storeBench: typeof bench }).__storeBench = bench;
export type StoreBench = typeof bench;
