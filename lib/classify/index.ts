import categoriesJson from '../../assets/classify/categories.json';
import topicsJson from '../../assets/classify/topics.json';
import type { EntryData, Tag } from '../model';
import { CategoryModel, type CategoryModelFile } from './categories';
import { paperWords, type PaperWords } from './features';
import type { PersonalTagModel } from './personal';
import { TopicMatcher, type TopicsFile } from './topics';

/**
 * Tags for a paper, all computed on the device:
 * - categories the page states (arXiv listings): source "page", score 1;
 * - otherwise arXiv categories predicted from title + abstract (or the title alone): source "model",
 *   calibrated score (lib/classify/categories.ts);
 * - research topics with the phrases that fired as evidence (lib/classify/topics.ts);
 * - personal-tag suggestions when the caller passes the user's model (lib/classify/personal.ts).
 * The models are decoded on first use and kept for the life of the worker.
 */

export interface Classifiers {
  categories: CategoryModel;
  topics: TopicMatcher;
}

let loaded: Classifiers | null = null;
/** The category table, when the built extension ships it as a file (see prepareClassifiers). */
let tableBytes: Uint8Array | undefined;
/** The one read of that file: page batches arriving together after the worker starts share it. */
let tableRead: Promise<void> | undefined;

/**
 * Reads what the models need before they can be made: in the built extension the category weights
 * are a file beside the worker's script (scripts/build/model-table.ts), read once. Elsewhere (command
 * line, tests) they are in the JSON and this does nothing. Call it before classifying in the worker.
 */
export function prepareClassifiers(fetchFile: typeof fetch = fetch): Promise<void> {
  const { tableUrl } = categoriesJson as CategoryModelFile;
  if (!tableUrl) return Promise.resolve();
  tableRead ??= readTable(tableUrl, fetchFile).catch((error: unknown) => {
    tableRead = undefined; // a failed read is tried again by the next caller
    throw error;
  });
  return tableRead;
}

async function readTable(tableUrl: string, fetchFile: typeof fetch): Promise<void> {
  const response = await fetchFile(tableUrl);
  if (!response.ok) throw new Error(`could not read the category model (${tableUrl}): ${response.status}`);
  tableBytes = new Uint8Array(await response.arrayBuffer());
}

/** Decodes the shipped weights and term list (once; later calls return the same objects). */
export function loadClassifiers(): Classifiers {
  loaded ??= {
    categories: new CategoryModel(categoriesJson as CategoryModelFile, tableBytes),
    topics: new TopicMatcher(topicsJson as TopicsFile),
  };
  return loaded;
}

/**
 * Category id → the label a reader sees: its name, with the archive added where two categories share
 * a name (cs.LG and stat.ML are both "Machine Learning"), so a paper never shows the same chip twice.
 */
let labels: Map<string, string> | null = null;
export function categoryLabel(id: string): string {
  if (!labels) {
    const file = categoriesJson as CategoryModelFile;
    const uses = new Map<string, number>();
    for (const name of file.names) uses.set(name, (uses.get(name) ?? 0) + 1);
    labels = new Map(file.classes.map((code, i) => [code, uses.get(file.names[i]!)! > 1 ? `${file.names[i]} (${file.archives[i]})` : file.names[i]!]));
  }
  return labels.get(id) ?? id;
}

/**
 * Subject categories the page itself states (arXiv listings): ground truth, so they are tags with
 * score 1 and `source: "page"`.
 */
export function pageCategoryTags(entry: Pick<EntryData, 'subjects'>): Tag[] {
  return entry.subjects.map((code) => ({ id: code, label: categoryLabel(code), kind: 'category', score: 1, source: 'page' }));
}

/**
 * Below this calibrated score the model is guessing (a geology paper has no arXiv category it knows
 * well): better no category tag than a wrong one.
 */
export const MIN_CATEGORY_SCORE = 0.2;

/** Categories predicted by the model, with calibrated scores. */
export function modelCategoryTags(entry: Pick<EntryData, 'title' | 'abstract'>, words: PaperWords = paperWords(entry.title, entry.abstract)): Tag[] {
  if (!words.title.length && !words.abstract.length) return [];
  return loadClassifiers()
    .categories.predictWords(words)
    .filter((c) => c.score >= MIN_CATEGORY_SCORE)
    .map((c) => ({ id: c.id, label: categoryLabel(c.id), kind: 'category', score: Math.round(c.score * 1000) / 1000, source: 'model' }));
}

export function topicTags(entry: Pick<EntryData, 'title' | 'abstract'>, words: PaperWords = paperWords(entry.title, entry.abstract)): Tag[] {
  return loadClassifiers().topics.tags(words);
}

export interface ClassifyOptions {
  /** The user's personal-tag model: its suggestions are added. */
  personal?: PersonalTagModel;
}

/** All tags for an entry. */
export function classifyEntry(entry: EntryData, options: ClassifyOptions = {}): Tag[] {
  // One pass over the text serves both models.
  const words = paperWords(entry.title, entry.abstract);
  const categories = entry.subjects.length ? pageCategoryTags(entry) : modelCategoryTags(entry, words);
  return [...categories, ...topicTags(entry, words), ...(options.personal?.suggest(entry) ?? [])];
}
