/**
 * `npm run train`: builds the classification assets from the labelled data in ../shared/data.
 *   assets/classify/categories.json  arXiv category model (scripts/train/categories.ts)
 *   assets/classify/topics.json      research-topic term list (scripts/train/topics.ts)
 * Deterministic: the same data gives byte-identical files. Only the `train` split is learned from; the
 * `calibration` split fits the score calibration; the `test` split is left for `npm run eval`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { readLabelledPapers, readTaxonomy } from './train/data';
import { DEFAULT_OPTIONS, trainCategoryModel } from './train/categories';
import { buildTopics } from './train/topics';


const ASSETS = path.resolve(import.meta.dirname, '../assets/classify');
const only = process.argv.slice(2);
const log = (line: string) => console.log(line);

const started = Date.now();
const taxonomy = readTaxonomy();
const papers = readLabelledPapers(taxonomy);
const train = papers.filter((p) => p.split === 'train');
const calibration = papers.filter((p) => p.split === 'calibration');
log(`${papers.length} labelled papers: ${train.length} train, ${calibration.length} calibration, ${papers.length - train.length - calibration.length} test (held out)`);

if (!only.length || only.includes('categories')) {
  const model = trainCategoryModel(train, calibration, taxonomy.categories, { ...DEFAULT_OPTIONS, log });
  writeFileSync(path.join(ASSETS, 'categories.json'), `${JSON.stringify(model)}\n`);
}
if (!only.length || only.includes('topics')) {
  const topics = buildTopics(train, log);
  writeFileSync(path.join(ASSETS, 'topics.json'), `${JSON.stringify(topics, null, 1)}\n`);
}
log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
