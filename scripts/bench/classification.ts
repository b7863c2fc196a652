/**
 * Classification bench: how fast papers are tagged (categories + topics, single-threaded, as the
 * background worker does it), how long the shipped weights take to load, and the memory they hold.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { classifyEntry } from '../../lib/classify';
import { CategoryModel, type CategoryModelFile } from '../../lib/classify/categories';
import { TopicMatcher, type TopicsFile } from '../../lib/classify/topics';
import type { EntryData } from '../../lib/model';
import { printTable, type Figures, type Part } from '../lib/report';
import { SHARED_DATA } from '../train/data';

const ASSETS = path.resolve(import.meta.dirname, '../../assets/classify');
const PAPERS = 5000;
const LOAD_RUNS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Real abstracts from ../shared when present, else none (the throughput figure needs real text). */
function samplePapers(): EntryData[] {
  let text: string;
  try {
    text = readFileSync(path.join(SHARED_DATA, 'arxiv-abstracts/arxiv_daily_2025-2026.jsonl'), 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((line) => line.trim())
    .slice(0, PAPERS)
    .map((line) => {
      const { id, title, abstract } = JSON.parse(line) as { id: string; title: string; abstract: string };
      return { id: `arxiv:${id}`, aliases: [], title, authors: [], abstract, abstractKind: 'full', url: '', subjects: [], site: 'generic' };
    });
}

const part: Part = {
  title: 'Classification: throughput, model load time, memory',
  async run(): Promise<Figures> {
    const categoriesText = readFileSync(path.join(ASSETS, 'categories.json'), 'utf8');
    const topicsText = readFileSync(path.join(ASSETS, 'topics.json'), 'utf8');

    // Load: parse the JSON and decode the weights and the topic trie, as the worker does on first use.
    const loads: number[] = [];
    for (let run = 0; run < LOAD_RUNS; run++) {
      const started = performance.now();
      new CategoryModel(JSON.parse(categoriesText) as CategoryModelFile);
      new TopicMatcher(JSON.parse(topicsText) as TopicsFile);
      loads.push(performance.now() - started);
    }

    // Memory held by one loaded pair (the parsed JSON strings are dropped after decoding).
    globalThis.gc?.();
    const before = process.memoryUsage();
    const held = [new CategoryModel(JSON.parse(categoriesText) as CategoryModelFile), new TopicMatcher(JSON.parse(topicsText) as TopicsFile)];
    globalThis.gc?.();
    const after = process.memoryUsage();
    const memoryMb = (after.heapUsed - before.heapUsed + after.arrayBuffers - before.arrayBuffers) / 2 ** 20;

    const papers = samplePapers();
    const rows: Record<string, string | number>[] = [
      { measure: 'model load (parse + decode), median of 7', value: median(loads), unit: 'ms', target: '< 50' },
      { measure: 'memory held by the loaded models', value: memoryMb, unit: 'MB', target: '< 30' },
      { measure: 'categories.json size', value: categoriesText.length / 1e6, unit: 'MB', target: '≤ 2' },
    ];
    const figures: Figures = { load_ms: median(loads), memory_mb: memoryMb, weights_mb: categoriesText.length / 1e6 };
    if (papers.length) {
      for (const entry of papers.slice(0, 200)) classifyEntry(entry); // warm-up
      const started = performance.now();
      let tags = 0;
      for (const entry of papers) tags += classifyEntry(entry).length;
      const seconds = (performance.now() - started) / 1000;
      const rate = papers.length / seconds;
      const titleStarted = performance.now();
      for (const entry of papers) classifyEntry({ ...entry, abstract: '', abstractKind: 'none' });
      const titleRate = papers.length / ((performance.now() - titleStarted) / 1000);
      rows.push(
        { measure: `tagging ${papers.length} real abstracts (categories + topics)`, value: Math.round(rate), unit: 'papers/s', target: '≥ 5000' },
        { measure: 'tagging titles only', value: Math.round(titleRate), unit: 'papers/s', target: '' },
        { measure: 'tags per paper', value: tags / papers.length, unit: '', target: '' },
      );
      figures.papers_per_second = rate;
      figures.title_only_papers_per_second = titleRate;
    } else console.log(`throughput skipped: ${SHARED_DATA} is absent`);
    printTable(rows);
    void held;
    return figures;
  },
};

export default part;
