/**
 * Classification bench: how fast papers are tagged (categories + topics, single-threaded, as the
 * background worker does it), how long the shipped weights take to load, and the memory they hold.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { classifyEntry } from '../../lib/classify';
import { CategoryModel, type CategoryModelFile } from '../../lib/classify/categories';
import { TopicMatcher, type TopicsFile } from '../../lib/classify/topics';
import type { EntryData } from '../../lib/model';
import { printTable, type Figures, type Part } from '../lib/report';
import { median } from '../lib/stats';
import { SHARED_DATA } from '../train/data';

const ASSETS = path.resolve(import.meta.dirname, '../../assets/classify');
const PAPERS = 5000;
const LOAD_RUNS = 7;

/** A handle on V8's garbage collector without a command-line flag, so memory is measured after collection. */
function collectGarbage(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Papers per second of wall time and of this process's CPU time (the machine may be shared). */
function rates(run: () => void, papers: number): { wall: number; cpu: number } {
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  run();
  const wallSeconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  return { wall: papers / wallSeconds, cpu: papers / ((cpu.user + cpu.system) / 1e6) };
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
    const loadCpu: number[] = [];
    for (let run = 0; run < LOAD_RUNS; run++) {
      const cpuStart = process.cpuUsage();
      const started = performance.now();
      new CategoryModel(JSON.parse(categoriesText) as CategoryModelFile);
      new TopicMatcher(JSON.parse(topicsText) as TopicsFile);
      loads.push(performance.now() - started);
      const cpu = process.cpuUsage(cpuStart);
      loadCpu.push((cpu.user + cpu.system) / 1000);
    }

    // Memory held by one loaded pair (the parsed JSON strings are dropped after decoding).
    const gc = collectGarbage();
    // Collect twice with a pause between, so buffers freed by the load runs are swept before measuring.
    const settle = async () => {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 100));
      gc();
    };
    await settle();
    const before = process.memoryUsage();
    const held = [new CategoryModel(JSON.parse(categoriesText) as CategoryModelFile), new TopicMatcher(JSON.parse(topicsText) as TopicsFile)];
    await settle();
    const after = process.memoryUsage();
    const memoryMb = (after.heapUsed - before.heapUsed + after.arrayBuffers - before.arrayBuffers) / 2 ** 20;

    const papers = samplePapers();
    const rows: Record<string, string | number>[] = [
      { measure: 'model load (parse + decode), median of 7, wall clock', value: median(loads), unit: 'ms', target: '< 50' },
      { measure: '  the same in CPU time of this process', value: median(loadCpu), unit: 'ms', target: '< 50' },
      { measure: 'memory held by the loaded models', value: memoryMb, unit: 'MB', target: '< 30' },
      { measure: 'categories.json size', value: categoriesText.length / 1e6, unit: 'MB', target: '≤ 2' },
    ];
    const figures: Figures = { load_ms: median(loads), load_cpu_ms: median(loadCpu), memory_mb: memoryMb, weights_mb: categoriesText.length / 1e6 };
    if (papers.length) {
      for (const entry of papers.slice(0, 500)) classifyEntry(entry); // warm-up
      let tags = 0;
      const full = rates(() => {
        for (const entry of papers) tags += classifyEntry(entry).length;
      }, papers.length);
      const titles = papers.map((entry) => ({ ...entry, abstract: '', abstractKind: 'none' as const }));
      const titleOnly = rates(() => {
        for (const entry of titles) classifyEntry(entry);
      }, papers.length);
      rows.push(
        { measure: `tagging ${papers.length} real abstracts (categories + topics), wall clock`, value: Math.round(full.wall), unit: 'papers/s', target: '≥ 5000' },
        { measure: '  the same per CPU-second of this process', value: Math.round(full.cpu), unit: 'papers/s', target: '≥ 5000' },
        { measure: 'tagging titles only, wall clock', value: Math.round(titleOnly.wall), unit: 'papers/s', target: '' },
        { measure: 'tags per paper', value: tags / papers.length, unit: '', target: '' },
      );
      figures.papers_per_second = full.wall;
      figures.papers_per_cpu_second = full.cpu;
      figures.title_only_papers_per_second = titleOnly.wall;
    } else console.log(`throughput skipped: ${SHARED_DATA} is absent`);
    printTable(rows);
    void held;
    return figures;
  },
};

export default part;
