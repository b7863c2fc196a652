/**
 * Classification eval: the shipped category model on the held-out `test` split (which training and
 * calibration never saw) and on the real arXiv listings in ../shared (their stated subjects are the
 * truth), research-topic coverage, and a learning curve for personal tags simulated from labels.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseHtml } from '../../lib/cli/html';
import { loadClassifiers } from '../../lib/classify';
import type { CategoryModel, CategoryScore } from '../../lib/classify/categories';
import { featureVector, paperWords } from '../../lib/classify/features';
import { PersonalTagModel } from '../../lib/classify/personal';
import { detectPage } from '../../lib/detect';
import { REAL_PAGES, sharedPath } from '../../tests/helpers/shared';
import { printTable, type Figures, type Part } from '../lib/report';
import { seededRandom } from '../train/categories';
import { readLabelledPapers, readTaxonomy, SHARED_DATA, type LabelledPaper } from '../train/data';

const archiveOf = (category: string) => category.split('.')[0]!;

interface Case {
  truth: string[];
  /** False when only the primary category is known: left out of the set metrics. */
  complete: boolean;
  ranked: CategoryScore[];
  predicted: string[];
}

function predictCase(model: CategoryModel, title: string, abstract: string, truth: string[], complete: boolean): Case {
  const titleOnly = !abstract.trim();
  const ranked = model.rank(featureVector(title, abstract), titleOnly);
  const threshold = model.thresholdFor(titleOnly);
  const predicted = [ranked[0]!.id, ...ranked.slice(1, model.file.maxCategories).filter((s) => s.score >= threshold).map((s) => s.id)];
  return { truth, complete, ranked, predicted };
}

interface ClassCounts {
  tp: number;
  fp: number;
  fn: number;
}

const f1Of = ({ tp, fp, fn }: ClassCounts) => (tp ? (2 * tp) / (2 * tp + fp + fn) : 0);

function metrics(cases: Case[]) {
  const primary = cases.filter((c) => c.truth.length);
  const complete = primary.filter((c) => c.complete);
  const perClass = new Map<string, ClassCounts>();
  const counts = (id: string) => {
    let entry = perClass.get(id);
    if (!entry) perClass.set(id, (entry = { tp: 0, fp: 0, fn: 0 }));
    return entry;
  };
  const micro: ClassCounts = { tp: 0, fp: 0, fn: 0 };
  let recalled3 = 0;
  let labels = 0;
  for (const c of complete) {
    const gold = new Set(c.truth);
    for (const id of c.predicted) {
      const hit = gold.has(id);
      counts(id)[hit ? 'tp' : 'fp']++;
      micro[hit ? 'tp' : 'fp']++;
    }
    for (const id of gold) {
      if (!c.predicted.includes(id)) {
        counts(id).fn++;
        micro.fn++;
      }
      labels++;
      if (c.ranked.slice(0, 3).some((s) => s.id === id)) recalled3++;
    }
  }
  const supported = [...perClass].filter(([, k]) => k.tp + k.fn > 0);
  return {
    papers: primary.length,
    archiveAccuracy: primary.filter((c) => archiveOf(c.ranked[0]!.id) === archiveOf(c.truth[0]!)).length / primary.length,
    categoryAccuracy: primary.filter((c) => c.ranked[0]!.id === c.truth[0]).length / primary.length,
    primaryTop3: primary.filter((c) => c.ranked.slice(0, 3).some((s) => s.id === c.truth[0])).length / primary.length,
    labelRecallAt3: labels ? recalled3 / labels : 0,
    microF1: f1Of(micro),
    macroF1: supported.reduce((sum, [, k]) => sum + f1Of(k), 0) / Math.max(1, supported.length),
    perClass,
  };
}

/** Expected calibration error over the top 5 scores of every paper, in 10 bins. */
function calibrationError(cases: Case[]): number {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, score: 0, hits: 0 }));
  let total = 0;
  for (const c of cases.filter((k) => k.complete)) {
    for (const s of c.ranked.slice(0, 5)) {
      const bin = bins[Math.min(9, Math.floor(s.score * 10))]!;
      bin.n++;
      bin.score += s.score;
      bin.hits += c.truth.includes(s.id) ? 1 : 0;
      total++;
    }
  }
  return bins.reduce((sum, b) => sum + (b.n ? (b.n / total) * Math.abs(b.score / b.n - b.hits / b.n) : 0), 0);
}

function printSummary(rows: { set: string; m: ReturnType<typeof metrics> }[]): void {
  printTable(
    rows.map(({ set, m }) => ({
      set,
      papers: m.papers,
      'archive acc': m.archiveAccuracy,
      'category acc': m.categoryAccuracy,
      'primary in top-3': m.primaryTop3,
      'label recall@3': m.labelRecallAt3,
      'micro-F1': m.microF1,
      'macro-F1': m.macroF1,
    })),
  );
}

function realPageCases(model: CategoryModel): Case[] {
  const cases: Case[] = [];
  for (const page of REAL_PAGES) {
    const file = sharedPath('fixtures/pages', page.file);
    if (page.site !== 'arxiv' || !existsSync(file)) continue;
    const detection = detectPage(parseHtml(readFileSync(file, 'utf8'), page.url), page.url);
    const canonical = readTaxonomy().canonical;
    for (const entry of detection.entries) {
      const truth = entry.subjects.map((code) => canonical.get(code)).filter((id): id is string => !!id);
      if (!truth.length || !entry.title) continue;
      cases.push(predictCase(model, entry.title, entry.abstract, [...new Set(truth)], true));
    }
  }
  return cases;
}

/** Tags a simulated user might keep: one per field, plus two close neighbours (cs.CL / cs.LG). */
const PERSONAL_TAGS = ['cs.CL', 'cs.LG', 'cs.CV', 'cs.CR', 'quant-ph', 'astro-ph.GA', 'math.AP', 'hep-ph', 'econ.EM', 'q-bio.NC'];
const SHOTS = [2, 5, 10, 20];
const SEEDS = [1, 2, 3];

/**
 * The user tags `shots` papers per tag (papers whose primary category is the tag), in interleaved order;
 * then every paper of a disjoint evaluation set (all categories, most of them none of the tags) is
 * scored, and a tag counts as suggested at score ≥ 0.5. Macro-F1 over the tags, mean over seeds.
 */
export function personalCurve(pool: LabelledPaper[]): Record<number, { f1: number; precision: number; recall: number }> {
  const out: Record<number, { f1: number; precision: number; recall: number }> = {};
  for (const shots of SHOTS) {
    let f1 = 0;
    let precision = 0;
    let recall = 0;
    for (const seed of SEEDS) {
      const random = seededRandom(seed);
      const shuffled = pool.map((p) => ({ p, r: random() })).sort((a, b) => a.r - b.r).map((x) => x.p);
      const training: { paper: LabelledPaper; tag: string }[] = [];
      const used = new Set<LabelledPaper>();
      for (const tag of PERSONAL_TAGS) {
        for (const paper of shuffled.filter((p) => p.categories[0] === tag).slice(0, shots)) {
          training.push({ paper, tag });
          used.add(paper);
        }
      }
      // Interleave tags, as a user would tag papers over time.
      training.sort((a, b) => training.filter((t) => t.tag === a.tag).indexOf(a) - training.filter((t) => t.tag === b.tag).indexOf(b));
      const model = new PersonalTagModel();
      for (const { paper, tag } of training) model.addTag(paper, tag);
      const evaluation = shuffled.filter((p) => !used.has(p)).slice(0, 2000);
      const counts = new Map(PERSONAL_TAGS.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
      for (const paper of evaluation) {
        const suggested = new Set(model.suggest(paper).map((t) => t.label));
        for (const tag of PERSONAL_TAGS) {
          const gold = paper.categories[0] === tag;
          const k = counts.get(tag)!;
          if (gold && suggested.has(tag)) k.tp++;
          else if (suggested.has(tag)) k.fp++;
          else if (gold) k.fn++;
        }
      }
      for (const k of counts.values()) {
        f1 += f1Of(k) / PERSONAL_TAGS.length / SEEDS.length;
        precision += (k.tp + k.fp ? k.tp / (k.tp + k.fp) : 0) / PERSONAL_TAGS.length / SEEDS.length;
        recall += (k.tp + k.fn ? k.tp / (k.tp + k.fn) : 0) / PERSONAL_TAGS.length / SEEDS.length;
      }
    }
    out[shots] = { f1, precision, recall };
  }
  return out;
}

const part: Part = {
  title: 'Classification: arXiv categories (held-out split, real pages), topics, personal tags',
  async run(): Promise<Figures> {
    if (!existsSync(SHARED_DATA)) {
      console.log(`skipped: ${SHARED_DATA} is absent (labelled data and real pages live there)`);
      return {};
    }
    const { categories: model, topics } = loadClassifiers();
    const papers = readLabelledPapers();
    const test = papers.filter((p) => p.split === 'test');
    const full = test.map((p) => predictCase(model, p.title, p.abstract, p.categories, p.complete));
    const titleOnly = test.map((p) => predictCase(model, p.title, '', p.categories, p.complete));
    const pages = realPageCases(model);
    const heldOut = metrics(full);
    const heldOutTitles = metrics(titleOnly);
    const real = metrics(pages);
    console.log(`Held-out split: ${test.length} papers (10 % by id hash, never seen by training or calibration); ${test.filter((p) => p.complete).length} with complete labels for the set metrics.`);
    console.log('Anchors: TF-IDF + linear ≈ 0.80 archive accuracy; fine-tuned SciBERT ≈ 0.84 (on 12 arXiv classes).\n');
    printSummary([
      { set: 'held-out, title + abstract', m: heldOut },
      { set: 'held-out, title only', m: heldOutTitles },
      { set: 'real arXiv pages', m: real },
    ]);
    const ece = calibrationError(full);
    console.log(`\nCalibration (held-out, top-5 scores per paper): expected calibration error ${ece.toFixed(3)}`);

    console.log('\nPer class (held-out, title + abstract; the 30 categories with most papers):');
    const support = new Map<string, number>();
    for (const p of test.filter((x) => x.complete)) for (const id of p.categories) support.set(id, (support.get(id) ?? 0) + 1);
    printTable(
      [...support]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 30)
        .map(([id, n]) => {
          const k = heldOut.perClass.get(id) ?? { tp: 0, fp: 0, fn: 0 };
          return { category: id, support: n, precision: k.tp + k.fp ? k.tp / (k.tp + k.fp) : 0, recall: k.tp / Math.max(1, k.tp + k.fn), F1: f1Of(k) };
        }),
    );

    let tagged = 0;
    let topicCount = 0;
    const frequency = new Map<string, number>();
    for (const p of test) {
      const tags = topics.tags(paperWords(p.title, p.abstract));
      if (tags.length) tagged++;
      topicCount += tags.length;
      for (const t of tags) frequency.set(t.label, (frequency.get(t.label) ?? 0) + 1);
    }
    console.log(`\nTopics: ${topics.file.topics.length} in the display set; ${((100 * tagged) / test.length).toFixed(1)} % of held-out papers get at least one, ${(topicCount / test.length).toFixed(2)} per paper.`);
    console.log(`Most frequent: ${[...frequency].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([label, n]) => `${label} ${n}`).join(', ')}`);

    console.log(`\nPersonal tags: learning curve (${PERSONAL_TAGS.length} tags = primary categories, ${SEEDS.length} seeds, 2,000 held-out papers scored, suggest at ≥ 0.5):`);
    const curve = personalCurve(test.filter((p) => p.complete));
    printTable(SHOTS.map((shots) => ({ 'examples per tag': shots, 'macro-F1': curve[shots]!.f1, precision: curve[shots]!.precision, recall: curve[shots]!.recall })));

    const figures: Figures = {
      heldout_archive_accuracy: heldOut.archiveAccuracy,
      heldout_category_accuracy: heldOut.categoryAccuracy,
      heldout_micro_f1: heldOut.microF1,
      heldout_macro_f1: heldOut.macroF1,
      heldout_primary_top3: heldOut.primaryTop3,
      heldout_label_recall_at3: heldOut.labelRecallAt3,
      heldout_title_only_archive_accuracy: heldOutTitles.archiveAccuracy,
      heldout_title_only_micro_f1: heldOutTitles.microF1,
      heldout_calibration_error: ece,
      real_pages_papers: real.papers,
      real_pages_archive_accuracy: real.archiveAccuracy,
      real_pages_micro_f1: real.microF1,
      real_pages_primary_top3: real.primaryTop3,
      topics_coverage: tagged / test.length,
    };
    for (const shots of SHOTS) figures[`personal_f1_at_${shots}`] = curve[shots]!.f1;
    return figures;
  },
};

export default part;
