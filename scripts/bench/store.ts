/**
 * The library's store and exports (issue #6), in Node: IndexedDB is fake-indexeddb (an in-memory
 * implementation, slower per request than Chromium's), exports run as in the extension.
 *
 * Papers are the real ones detected on our own arXiv fixture page (and ../shared's real pages when
 * present), copied with fresh ids to reach 10,000, each with user tags and a note.
 *
 * Measures: recording a 500-paper page batch (into an empty store, and into one holding 10,000 papers
 * with half the batch already known), listing 10,000 saved papers (and the first 50), exporting
 * 10,000 to every format (BibTeX with its progress callback), and a full backup + import of 10,000.
 * Targets: batch < 300 ms, BibTeX export < 2 s.
 */
import { availableParallelism, loadavg } from 'node:os';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { backupFile, importBackup } from '../../lib/export/backup';
import { exportPapers } from '../../lib/export';
import { EXPORT_FORMATS } from '../../lib/export/formats';
import type { Paper } from '../../lib/model';
import type { EnrichedEntry } from '../../lib/pipeline';
import { openPaperDb, type PaperDb } from '../../lib/store/db';
import { listPapers, mergeIn, recordSightings } from '../../lib/store/papers';
import { realisticEntries } from '../../tests/unit/store/data';
import { printTable, type Part } from '../lib/report';

const LIBRARY = 10_000;
const BATCH = 500;
const RUNS = 5;
const WHERE = { site: 'arxiv', url: 'https://arxiv.org/list/cs.LG/new' } as const;

/** `count` distinct entries: the real ones again and again, copy k with arXiv ids `(10+k)MM.NNNNN`. */
function entries(source: EnrichedEntry[], count: number, offset = 0): EnrichedEntry[] {
  return Array.from({ length: count }, (_, n) => {
    const i = n + offset;
    const real = source[i % source.length]!;
    const copy = Math.floor(i / source.length);
    const id = `arxiv:${3000 + copy}.${String(i).padStart(5, '0')}`;
    return { ...real, id, aliases: [], title: `${real.title} (${copy})`, url: `https://arxiv.org/abs/${id.slice(6)}` };
  });
}

function savedPaper(paper: Paper, i: number): Paper {
  return { ...paper, saved: true, savedAt: 1_790_000_000_000 + i * 60_000, userTags: [['rl', 'to read', 'survey'][i % 3]!], note: i % 4 ? '' : `Read section ${i % 7}; compare with the baseline.`, read: i % 2 === 0 };
}

async function freshDb(): Promise<PaperDb> {
  globalThis.indexedDB = new IDBFactory();
  return openPaperDb();
}

/** Wall time, and this process's CPU time (which other load on a shared machine inflates less). */
async function time<T>(work: () => Promise<T>): Promise<{ ms: number; cpuMs: number; result: T }> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, result };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const part: Part = {
  title: 'Store and export (Node, fake-indexeddb): page batch, list, export, backup',
  async run() {
    const source = realisticEntries().flatMap((page) => page.entries);
    const rows: Record<string, string | number>[] = [];

    // A 500-paper page batch into an empty store.
    const emptyRuns: number[] = [];
    const emptyCpu: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const db = await freshDb();
      const batch = entries(source, BATCH);
      const { ms, cpuMs } = await time(() => recordSightings(db, batch, WHERE));
      emptyRuns.push(ms);
      emptyCpu.push(cpuMs);
      db.close();
    }

    // A library of 10,000 saved papers.
    const db = await freshDb();
    const seen = await recordSightings(db, entries(source, LIBRARY), WHERE, 1_790_000_000_000);
    await mergeIn(db, seen.map(savedPaper));

    // A 500-paper batch into it, half of them already stored (a listing seen again the next day).
    const fullRuns: number[] = [];
    const fullCpu: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const batch = entries(source, BATCH, LIBRARY - BATCH / 2 + run * BATCH);
      const { ms, cpuMs } = await time(() => recordSightings(db, batch, WHERE));
      fullRuns.push(ms);
      fullCpu.push(cpuMs);
    }
    rows.push({ task: `record a ${BATCH}-paper batch, empty store (median of ${RUNS})`, ms: median(emptyRuns), cpu_ms: median(emptyCpu), target: '< 300' });
    rows.push({ task: `record a ${BATCH}-paper batch, ${LIBRARY} stored, half known`, ms: median(fullRuns), cpu_ms: median(fullCpu), target: '< 300' });

    const listAll = await time(() => listPapers(db, 'saved'));
    const listFirst = await time(() => listPapers(db, 'saved', 50));
    rows.push({ task: `list ${listAll.result.length} saved papers`, ms: listAll.ms, cpu_ms: listAll.cpuMs, target: '' });
    rows.push({ task: 'list the first 50 saved papers', ms: listFirst.ms, cpu_ms: listFirst.cpuMs, target: '' });

    const papers = listAll.result.slice(0, LIBRARY);
    const figures: Record<string, number> = {};
    for (const format of EXPORT_FORMATS) {
      let progressCalls = 0;
      const { ms, cpuMs, result } = await time(() => exportPapers(papers, format, { onProgress: () => progressCalls++ }));
      rows.push({ task: `export ${result.count} papers to ${format} (${(result.text.length / 1e6).toFixed(1)} MB, ${progressCalls} progress calls)`, ms, cpu_ms: cpuMs, target: format === 'bibtex' ? '< 2000' : '' });
      figures[`export_${format.replace('-', '_')}_ms`] = ms;
      figures[`export_${format.replace('-', '_')}_cpu_ms`] = cpuMs;
    }

    const backup = await time(() => backupFile(db));
    const target = await freshDb();
    const restore = await time(() => importBackup(target, backup.result.text));
    const again = await time(() => importBackup(target, backup.result.text));
    rows.push({ task: `full backup of ${backup.result.count} papers (${(backup.result.text.length / 1e6).toFixed(1)} MB)`, ms: backup.ms, cpu_ms: backup.cpuMs, target: '' });
    rows.push({ task: `import it into an empty library (+${restore.result.added})`, ms: restore.ms, cpu_ms: restore.cpuMs, target: '' });
    rows.push({ task: `import it again (${again.result.unchanged} unchanged, ${again.result.added} added)`, ms: again.ms, cpu_ms: again.cpuMs, target: '' });
    printTable(rows);
    console.log(`machine load average while measuring: ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`);

    return {
      batch_500_empty_ms: median(emptyRuns),
      batch_500_empty_cpu_ms: median(emptyCpu),
      batch_500_into_10k_ms: median(fullRuns),
      batch_500_into_10k_cpu_ms: median(fullCpu),
      list_10k_ms: listAll.ms,
      list_first_50_ms: listFirst.ms,
      ...figures,
      backup_10k_ms: backup.ms,
      import_10k_ms: restore.ms,
      reimport_10k_ms: again.ms,
    };
  },
};

export default part;
