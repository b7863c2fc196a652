import { readFileSync } from 'node:fs';
import { csvRows } from '../../../scripts/lib/csv';
import path from 'node:path';
import * as v from 'valibot';
import { readSeedPapers } from '../../helpers/seed';
import { readShared } from '../../helpers/shared';

/**
 * The hand-annotated extraction gold (see GUIDELINES.md) and the abstracts it refers to.
 * The gold files hold only keys and short field strings; the abstracts are read from ../shared at run
 * time, so call the abstract loaders only when HAS_SHARED is true.
 */

export const GOLD_DIR = import.meta.dirname;
export const GOLD_FILES = ['hf-seed.jsonl', 'arxiv.jsonl'] as const;

export const GOLD_SOURCES = ['hf-seed', 'arxiv_daily_2025-2026', 'arxiv_ml_multilabel_1000', 'arxiv_more'] as const;
export type GoldSource = (typeof GOLD_SOURCES)[number];

const ShortField = v.pipe(v.string(), v.maxLength(120));

export const GoldClaimSchema = v.strictObject({
  value: ShortField,
  number: v.nullable(v.pipe(v.number(), v.finite())),
  unit: v.pipe(v.string(), v.maxLength(16)),
  kind: v.picklist(['absolute', 'relative-gain', 'reduction', 'speed-up', 'count', 'bound', 'sota']),
  direction: v.picklist(['up', 'down', 'none']),
  metric: ShortField,
  dataset: ShortField,
  comparator: ShortField,
  subject: ShortField,
});
export type GoldClaim = v.InferOutput<typeof GoldClaimSchema>;

export const GoldLineSchema = v.strictObject({
  source: v.picklist(GOLD_SOURCES),
  key: v.pipe(v.string(), v.minLength(1)),
  title: v.pipe(v.string(), v.maxLength(60)),
  claims: v.array(GoldClaimSchema),
});
export type GoldLine = v.InferOutput<typeof GoldLineSchema>;

export interface GoldAbstract extends GoldLine {
  /** The abstract with whitespace collapsed: the text the claims' values occur in. */
  abstract: string;
  /** The full title, whitespace collapsed. */
  fullTitle: string;
}

export function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The raw gold lines of one file, unvalidated (the format test validates them). */
export function readGoldLines(file: (typeof GOLD_FILES)[number]): unknown[] {
  return readFileSync(path.join(GOLD_DIR, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);
}

/** Every gold line of both files, validated. */
export function readGold(): GoldLine[] {
  return GOLD_FILES.flatMap((file) => readGoldLines(file).map((line) => v.parse(GoldLineSchema, line)));
}

interface SourceRecord {
  title: string;
  abstract: string;
}

const ARXIV_DIR = 'data/arxiv-abstracts';

/** JSONL records by arXiv id, only for the ids asked for (the files are tens of MB). */
function jsonlRecords(file: string, ids: Set<string>): Map<string, SourceRecord> {
  const found = new Map<string, SourceRecord>();
  for (const line of readShared(ARXIV_DIR, file).split('\n')) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as { id: string; title: string; abstract: string };
    if (ids.has(record.id)) found.set(record.id, { title: record.title, abstract: record.abstract });
  }
  return found;
}

/** arxiv_ml_multilabel_1000.csv by 1-based data row (the header is row 0). */
function multilabelRecords(): Map<string, SourceRecord> {
  const [header, ...rows] = csvRows(readShared(ARXIV_DIR, 'arxiv_ml_multilabel_1000.csv'));
  const titleAt = header!.indexOf('titles');
  const abstractAt = header!.indexOf('summaries');
  return new Map(rows.map((row, i) => [String(i + 1), { title: row[titleAt] ?? '', abstract: row[abstractAt] ?? '' }]));
}

/** The source records the gold refers to, by source and key; a key that does not resolve is absent. */
export function resolveSources(lines: readonly GoldLine[]): Map<string, SourceRecord> {
  const keysOf = (source: GoldSource) => new Set(lines.filter((l) => l.source === source).map((l) => l.key));
  const bySource: Record<GoldSource, () => Map<string, SourceRecord>> = {
    'hf-seed': () => new Map(readSeedPapers().map((p) => [String(p.index), p])),
    'arxiv_daily_2025-2026': () => jsonlRecords('arxiv_daily_2025-2026.jsonl', keysOf('arxiv_daily_2025-2026')),
    arxiv_ml_multilabel_1000: multilabelRecords,
    arxiv_more: () => jsonlRecords('arxiv_more.jsonl', keysOf('arxiv_more')),
  };
  const resolved = new Map<string, SourceRecord>();
  for (const source of GOLD_SOURCES) {
    if (keysOf(source).size === 0) continue;
    for (const [key, record] of bySource[source]()) resolved.set(goldId(source, key), record);
  }
  return resolved;
}

export function goldId(source: string, key: string): string {
  return `${source}:${key}`;
}

/** Every gold abstract with its text, for the eval and the format test. Needs ../shared. */
export function loadGoldAbstracts(): GoldAbstract[] {
  const lines = readGold();
  const records = resolveSources(lines);
  return lines.map((line) => {
    const record = records.get(goldId(line.source, line.key));
    if (!record) throw new Error(`gold key does not resolve: ${goldId(line.source, line.key)}`);
    return { ...line, abstract: collapseSpace(record.abstract), fullTitle: collapseSpace(record.title) };
  });
}
