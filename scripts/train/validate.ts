/**
 * Choosing training settings without looking at the held-out split:
 *   npx tsx scripts/train/validate.ts '{"archiveLoss":0.25}'
 * trains the category model on the `train` split less a validation slice carved from it (1 paper in 8,
 * by FNV-1a of "valid:" + id), calibrates it on the `calibration` split as `npm run train` does, and
 * prints the figures of the eval on that slice. Settings are compared here; the held-out `test` split
 * is read only by `npm run eval`, once the settings are chosen.
 */
import { CategoryModel } from '../../lib/classify/categories';
import { featureVector, hashString } from '../../lib/classify/features';
import { DEFAULT_OPTIONS, microF1, trainCategoryModel, type TrainOptions } from './categories';
import { readLabelledPapers, readTaxonomy } from './data';

const overrides = JSON.parse(process.argv[2] ?? '{}') as Partial<TrainOptions>;
const taxonomy = readTaxonomy();
const papers = readLabelledPapers(taxonomy);
const inSlice = (id: string) => (hashString(`valid:${id}`) >>> 0) % 8 === 0;
const train = papers.filter((p) => p.split === 'train' && !inSlice(p.id));
const validation = papers.filter((p) => p.split === 'train' && inSlice(p.id));
const calibration = papers.filter((p) => p.split === 'calibration');
const file = trainCategoryModel(train, calibration, taxonomy.categories, { ...DEFAULT_OPTIONS, ...overrides, log: (line) => console.log(line) });
const model = new CategoryModel(file);
const archive = (id: string) => id.split('.')[0]!;

function figures(titleOnly: boolean): string {
  let archiveHits = 0;
  let categoryHits = 0;
  let top3 = 0;
  const predicted: string[][] = [];
  const truth: string[][] = [];
  for (const paper of validation) {
    const ranked = model.rank(featureVector(paper.title, titleOnly ? '' : paper.abstract), titleOnly);
    if (archive(ranked[0]!.id) === archive(paper.categories[0]!)) archiveHits++;
    if (ranked[0]!.id === paper.categories[0]) categoryHits++;
    if (ranked.slice(0, 3).some((s) => s.id === paper.categories[0])) top3++;
    if (!paper.complete) continue;
    const threshold = model.thresholdFor(titleOnly);
    predicted.push([ranked[0]!.id, ...ranked.slice(1, file.maxCategories).filter((s) => s.score >= threshold).map((s) => s.id)]);
    truth.push(paper.categories);
  }
  const n = validation.length;
  return `archive ${(archiveHits / n).toFixed(4)}, category ${(categoryHits / n).toFixed(4)}, top-3 ${(top3 / n).toFixed(4)}, micro-F1 ${microF1(predicted, truth).toFixed(4)}`;
}

console.log(`settings ${JSON.stringify(overrides)}; validation slice ${validation.length} papers; archive blend ${file.archiveBlend}`);
console.log(`  title + abstract: ${figures(false)}`);
console.log(`  title only:       ${figures(true)}`);
console.log(`  categories.json would be ${(JSON.stringify(file).length / 1e6).toFixed(3)} MB`);
