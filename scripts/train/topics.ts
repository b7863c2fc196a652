/**
 * Builds assets/classify/topics.json: a display set of a few hundred research topics with the phrases
 * that identify each, derived from
 *   - the topic seeds written for PaperLens (scripts/train/topic-seeds.ts), always first;
 *   - OpenAlex topic keywords (../shared/data/taxonomy/openalex_topics.csv; field = display group);
 *   - Papers with Code task names (../shared/data/taxonomy/pwc_*_tasks_detailed.csv).
 * Every candidate phrase is matched against the training abstracts (the same matcher as at run time).
 * A candidate (a phrase of two words or more) is kept when it is used (≥ MIN_PAPERS papers), not generic (≤ MAX_SHARE of papers) and
 * concentrated in one arXiv archive (a phrase spread evenly over every field says little). Candidates
 * are then chosen archive by archive, a quota per archive ∝ √(its training papers), best supported
 * first, skipping any whose papers are mostly those of a topic already chosen (near-duplicates).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TOPICS_FORMAT, TopicMatcher, topicWords, type TopicEntry, type TopicsFile } from '../../lib/classify/topics';
import { csvRecords } from '../lib/csv';
import { SHARED_DATA, type LabelledPaper } from './data';
import { TOPIC_SEEDS } from './topic-seeds';

const TOTAL_TOPICS = 400;
const MIN_PAPERS = 12;
const MIN_SEED_PAPERS = 3;
const MAX_SHARE = 0.03;
const MIN_CONCENTRATION = 0.4;
const MAX_OVERLAP = 0.6;

/**
 * Words (in matching form: singular, lower case) that make a phrase too vague to be a topic when all of
 * its words are among them: "Data-driven", "Case study", "High resolution", "Room temperature".
 */
const VAGUE = new Set(
  `analysis model modeling modelling method system theory data application technique study process design performance effect
approach learning network development high low multi based driven cost efficient efficiency scale level temperature dimensional
two three resolution throughput state solid open source case research direction success rate existence result empirical
evaluation improvement collection computational physical property resource constrained algorithm architecture information
processing statistical guarantee feature extraction decision making clinical practice problem solving room graph time delay
machine deep neural new novel large small real world general global local structure structural control dynamic dynamics
experimental experiment simulation numerical quantitative qualitative framework tool task benchmark power objective prediction
accuracy science temporal detection quality optimization index similarity`.split(/\s+/),
);

interface Candidate {
  key: string;
  label: string;
  group: string;
  phrases: Set<string>;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function sentenceCase(label: string): string {
  const clean = label.replace(/\s*\([^)]{0,80}\)/g, '').trim();
  // Keep acronyms and capitalised words after the first as written; lower-case ordinary words.
  return clean
    .split(' ')
    .map((word, i) => (i === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : /[A-Z].*[A-Z0-9]|^[A-Z][a-z]+[A-Z]/.test(word) ? word : word.toLowerCase()))
    .join(' ');
}

function phraseKey(text: string): string {
  return topicWords(text.replace(/\([^)]{0,80}\)/g, ' '), 200).join(' ');
}

function readCandidates(): Candidate[] {
  const byKey = new Map<string, Candidate>();
  const add = (text: string, group: string) => {
    const key = phraseKey(text);
    const words = key.split(' ');
    // Single words from these lists are too often ordinary English ("failure", "social"): phrases only.
    if (words.length < 2 || words.length > 5 || words.every((w) => VAGUE.has(w) || w.length < 3)) return;
    if (!byKey.has(key)) byKey.set(key, { key, label: sentenceCase(text.trim()), group, phrases: new Set([key]) });
  };
  for (const row of csvRecords(readFileSync(path.join(SHARED_DATA, 'taxonomy/openalex_topics.csv'), 'utf8'))) {
    for (const keyword of (row.keywords ?? '').split(';')) add(keyword, row.field_name ?? 'Other');
  }
  for (const area of ['cv', 'nlp', 'audio', 'other']) {
    for (const row of csvRecords(readFileSync(path.join(SHARED_DATA, `taxonomy/pwc_${area}_tasks_detailed.csv`), 'utf8'))) add(row['Task Name'] ?? '', 'Computer Science');
  }
  return [...byKey.values()];
}

/** For each candidate, the (sorted) indices of the training papers that mention it. */
function papersMentioning(candidates: Candidate[], train: LabelledPaper[]): Int32Array[] {
  const file: TopicsFile = { format: TOPICS_FORMAT, topics: candidates.map((c) => ({ id: c.key, label: c.label, group: c.group, phrases: [...c.phrases] })) };
  const matcher = new TopicMatcher(file);
  const lists: number[][] = candidates.map(() => []);
  train.forEach((paper, i) => {
    for (const index of matcher.mentioned(paper.title, paper.abstract)) lists[index]!.push(i);
  });
  return lists.map((list) => Int32Array.from(list));
}

function overlap(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared;
}

export function buildTopics(train: LabelledPaper[], log: (line: string) => void): TopicsFile {
  const archiveOf = train.map((paper) => paper.categories[0]!.split('.')[0]!);
  const archiveCounts = new Map<string, number>();
  for (const archive of archiveOf) archiveCounts.set(archive, (archiveCounts.get(archive) ?? 0) + 1);

  const seeds: Candidate[] = TOPIC_SEEDS.map((seed) => ({ key: slug(seed.label), label: seed.label, group: seed.group, phrases: new Set(seed.phrases.map(phraseKey)) }));
  const seedPhrases = new Set(seeds.flatMap((seed) => [...seed.phrases]));
  const auto = readCandidates().filter((c) => !seedPhrases.has(c.key));
  const all = [...seeds, ...auto];
  const mentions = papersMentioning(all, train);

  const chosen: { candidate: Candidate; papers: Int32Array }[] = [];
  seeds.forEach((seed, i) => {
    if (mentions[i]!.length >= MIN_SEED_PAPERS) chosen.push({ candidate: seed, papers: mentions[i]! });
  });
  log(`topics: ${chosen.length} of ${seeds.length} seeds found in ≥ ${MIN_SEED_PAPERS} training papers; ${auto.length} OpenAlex/PwC candidate phrases`);

  // Candidates that pass the filters, grouped by the archive most of their papers belong to.
  const byArchive = new Map<string, { candidate: Candidate; papers: Int32Array; support: number }[]>();
  auto.forEach((candidate, k) => {
    const papers = mentions[seeds.length + k]!;
    if (papers.length < MIN_PAPERS || papers.length > MAX_SHARE * train.length) return;
    const counts = new Map<string, number>();
    for (const i of papers) counts.set(archiveOf[i]!, (counts.get(archiveOf[i]!) ?? 0) + 1);
    const [archive, top] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    const concentration = top / papers.length;
    if (concentration < MIN_CONCENTRATION) return;
    const list = byArchive.get(archive) ?? [];
    list.push({ candidate, papers, support: papers.length * concentration });
    byArchive.set(archive, list);
  });

  const budget = TOTAL_TOPICS - chosen.length;
  const weights = [...byArchive.keys()].map((archive) => [archive, Math.sqrt(archiveCounts.get(archive) ?? 0)] as const);
  const weightSum = weights.reduce((sum, [, w]) => sum + w, 0);
  for (const [archive, weight] of weights.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    const quota = Math.max(1, Math.round((budget * weight) / weightSum));
    const ranked = byArchive.get(archive)!.sort((a, b) => b.support - a.support || a.candidate.key.localeCompare(b.candidate.key));
    let taken = 0;
    for (const entry of ranked) {
      if (taken >= quota) break;
      const duplicate = chosen.some((c) => overlap(entry.papers, c.papers) > MAX_OVERLAP * Math.min(entry.papers.length, c.papers.length));
      if (duplicate) continue;
      chosen.push(entry);
      taken++;
    }
  }

  const seen = new Set<string>();
  const topics: TopicEntry[] = chosen.map(({ candidate }) => {
    let id = slug(candidate.label) || slug(candidate.key);
    while (seen.has(id)) id += '-2';
    seen.add(id);
    return { id, label: candidate.label, group: candidate.group, phrases: [...candidate.phrases].sort() };
  });
  topics.sort((a, b) => a.group.localeCompare(b.group) || a.label.localeCompare(b.label));
  const groups = new Map<string, number>();
  for (const topic of topics) groups.set(topic.group, (groups.get(topic.group) ?? 0) + 1);
  log(`topics: ${topics.length} in ${groups.size} groups: ${[...groups].map(([g, n]) => `${g} ${n}`).join(', ')}`);
  return { format: TOPICS_FORMAT, topics };
}
