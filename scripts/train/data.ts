/**
 * The labelled arXiv abstracts in ../shared/data/arxiv-abstracts (the two JSONL files and the Kaggle CSV;
 * the ML multi-label CSV is left out: no ids, no primary order, and cs.CV/LG are abundant anyway), read into one shape, with labels mapped
 * to the canonical active categories and every paper assigned to a split by a hash of its id.
 *
 * The split is the contract between `npm run train` and `npm run eval`: training reads only `train`,
 * calibration only `calibration`, and the eval reports on `test`, which nothing else ever sees.
 */
import { readFileSync } from 'node:fs';
import { csvRecords } from '../lib/csv';
import path from 'node:path';
import { hashString } from '../../lib/classify/features';

export const SHARED_DATA = path.resolve(import.meta.dirname, '../../../shared/data');

export type Split = 'train' | 'calibration' | 'test';

export interface LabelledPaper {
  id: string;
  title: string;
  abstract: string;
  /** Canonical active categories, primary first. */
  categories: string[];
  /** False when only the primary category is known (cross-lists missing). */
  complete: boolean;
  split: Split;
}

/**
 * 10 % test, 10 % calibration, 80 % train, by FNV-1a of "split:" + the arXiv id. A hash rather than a random draw: a paper keeps its split whatever else is added.
 */
export function splitOf(key: string): Split {
  const bucket = (hashString(`split:${key}`) >>> 0) % 100;
  return bucket < 10 ? 'test' : bucket < 20 ? 'calibration' : 'train';
}

export interface CategoryInfo {
  id: string;
  name: string;
  archive: string;
  archiveName: string;
  description: string;
}

export interface Taxonomy {
  /** Active, non-alias categories: the classes the model predicts. */
  categories: CategoryInfo[];
  /** Any code seen in data (alias, legacy archive) → canonical active category. */
  canonical: Map<string, string>;
}

export function readTaxonomy(): Taxonomy {
  const rows = csvRecords(readFileSync(path.join(SHARED_DATA, 'taxonomy/arxiv_categories.csv'), 'utf8'));
  const canonical = new Map<string, string>();
  const categories: CategoryInfo[] = [];
  for (const row of rows) {
    const id = row.category_id!;
    if (row.is_active === 'true' && !row.alias_canonical) {
      categories.push({ id, name: row.name!, archive: row.archive_id!, archiveName: row.archive_name!, description: row.description ?? '' });
      canonical.set(id, id);
    }
  }
  for (const row of rows) {
    const id = row.category_id!;
    if (canonical.has(id)) continue;
    const target = row.alias_canonical || row.alt_name;
    if (target && canonical.has(target)) canonical.set(id, target);
  }
  return { categories, canonical };
}

function mapLabels(codes: string[], canonical: Map<string, string>): string[] {
  const out: string[] = [];
  for (const code of codes) {
    const id = canonical.get(code.trim());
    if (id && !out.includes(id)) out.push(id);
  }
  return out;
}

interface JsonlRecord {
  id: string;
  title: string;
  abstract: string;
  categories: string[];
  categories_complete?: boolean;
}

function readJsonl(file: string, canonical: Map<string, string>): LabelledPaper[] {
  const papers: LabelledPaper[] = [];
  for (const line of readFileSync(path.join(SHARED_DATA, 'arxiv-abstracts', file), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as JsonlRecord;
    const categories = mapLabels(record.categories, canonical);
    if (!categories.length) continue;
    papers.push({
      id: record.id,
      title: record.title,
      abstract: record.abstract,
      categories,
      complete: record.categories_complete !== false,
      split: splitOf(record.id),
    });
  }
  return papers;
}

/** The Kaggle snapshot CSV (April 2007 ids, full category lists, space-separated). */
function readKaggle(canonical: Map<string, string>): LabelledPaper[] {
  const rows = csvRecords(readFileSync(path.join(SHARED_DATA, 'arxiv-abstracts/arxiv_kaggle_0704_first2000.csv'), 'utf8'));
  return rows.flatMap((row) => {
    const categories = mapLabels((row.categories ?? '').split(/\s+/), canonical);
    const id = row.id ?? '';
    if (!categories.length || !id) return [];
    return [{ id, title: (row.title ?? '').replace(/\s+/g, ' ').trim(), abstract: (row.abstract ?? '').replace(/\s+/g, ' ').trim(), categories, complete: true, split: splitOf(id) }];
  });
}

/** Every labelled paper, deduplicated by id (first file wins). */
export function readLabelledPapers(taxonomy: Taxonomy = readTaxonomy()): LabelledPaper[] {
  const all = [
    ...readJsonl('arxiv_daily_2025-2026.jsonl', taxonomy.canonical),
    ...readJsonl('arxiv_more.jsonl', taxonomy.canonical),
    ...readKaggle(taxonomy.canonical),
  ];
  const seen = new Set<string>();
  return all.filter((paper) => {
    if (seen.has(paper.id)) return false;
    seen.add(paper.id);
    return true;
  });
}
