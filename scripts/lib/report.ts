import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Figures from one part of an eval or bench run: metric name → value. */
export type Figures = Record<string, number>;

/** A part of `npm run eval` or `npm run bench`: prints its own tables, returns its figures. */
export interface Part {
  title: string;
  run(): Promise<Figures>;
}

export function printTable(rows: Record<string, string | number>[]): void {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]!);
  const cell = (v: string | number | undefined) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(3)) : (v ?? ''));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i]!)).join('  ');
  console.log(line(columns));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(columns.map((c) => cell(row[c]))));
}

/**
 * Runs every part in `dir` (one file each, default-exporting a Part), or only those named on the command
 * line, then writes all figures to `outFile` so runs can be compared over time.
 */
export async function runParts(dir: string, outFile: string, only: string[]): Promise<void> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();
  const all: Figures = {};
  let failed = false;
  for (const file of files) {
    const name = file.replace(/\.ts$/, '');
    if (only.length && !only.includes(name)) continue;
    const part = (await import(pathToFileURL(path.join(dir, file)).href)).default as Part;
    console.log(`\n== ${part.title} ==`);
    try {
      for (const [metric, value] of Object.entries(await part.run())) all[`${name}.${metric}`] = value;
    } catch (e) {
      failed = true;
      console.error(`${name} failed: ${e instanceof Error ? e.stack : String(e)}`);
    }
  }
  // A run of some parts keeps the other parts' last figures.
  const kept = only.length && existsSync(outFile) ? (JSON.parse(readFileSync(outFile, 'utf8')) as Figures) : {};
  const stale = Object.keys(kept).filter((metric) => only.includes(metric.split('.')[0]!));
  for (const metric of stale) delete kept[metric];
  writeFileSync(outFile, `${JSON.stringify({ ...kept, ...all }, null, 2)}\n`);
  console.log(`\nwrote ${Object.keys(all).length} figures to ${path.basename(outFile)}`);
  if (failed) process.exitCode = 1;
}
