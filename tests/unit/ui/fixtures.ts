import { vi } from 'vitest';
import type { Paper, ResultClaim } from '../../../lib/model';
import type { ExportFormat } from '../../../lib/export/formats';
import type { LibraryApi, ListView, PaperPatch } from '../../../lib/ui/api';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);

/** A stored paper, saved `i` days after T0, with overrides. */
export function makePaper(i: number, overrides: Partial<Paper> = {}): Paper {
  return {
    id: `arxiv:2401.${String(10000 + i)}`,
    aliases: [],
    title: `Paper number ${i}`,
    authors: [`Author ${i}`],
    abstract: `Abstract of paper ${i}.`,
    abstractKind: 'full',
    url: `https://arxiv.org/abs/2401.${String(10000 + i)}`,
    subjects: [],
    year: 2020 + (i % 5),
    sites: ['arxiv'],
    tags: [],
    results: [],
    artifacts: [],
    saved: true,
    savedAt: T0 + i * DAY,
    firstSeenAt: T0 + i * DAY,
    lastSeenAt: T0 + i * DAY,
    seen: [{ site: 'arxiv', url: 'https://arxiv.org/list/cs.LG/new', at: T0 + i * DAY }],
    userTags: [],
    note: '',
    read: false,
    ...overrides,
  };
}

/** A claim quoted from `abstract`, with offsets pointing at `value` inside `sentence`. */
export function claimIn(abstract: string, sentence: string, value: string, extra: Partial<ResultClaim> = {}): ResultClaim {
  const start = abstract.indexOf(sentence) + sentence.indexOf(value);
  return {
    value,
    number: Number.parseFloat(value),
    unit: '',
    kind: 'absolute',
    direction: 'up',
    metric: 'BLEU',
    dataset: 'WMT14',
    comparator: '',
    subject: '',
    sentence,
    start,
    end: start + value.length,
    confidence: 0.9,
    ...extra,
  };
}

/** An in-memory LibraryApi over a list of papers, recording calls. */
export function fakeApi(initial: Paper[]) {
  let papers = initial.map((p) => ({ ...p }));
  const removed = new Map<string, Paper>();
  const find = (id: string) => papers.find((p) => p.id === id) ?? null;
  const api = {
    listPapers: vi.fn(async (view: ListView, limit?: number) => {
      const chosen = view === 'saved' ? papers.filter((p) => p.saved) : [...papers];
      const time = (p: Paper) => (view === 'saved' ? (p.savedAt ?? 0) : p.lastSeenAt);
      const sorted = chosen.sort((a, b) => time(b) - time(a));
      return structuredClone(limit === undefined ? sorted : sorted.slice(0, limit));
    }),
    setSaved: vi.fn(async (id: string, saved: boolean) => {
      const paper = find(id);
      if (!paper) return null;
      paper.saved = saved;
      paper.savedAt = saved ? (paper.savedAt ?? Date.now()) : undefined;
      return structuredClone(paper);
    }),
    updatePaper: vi.fn(async (id: string, patch: PaperPatch) => {
      const paper = find(id);
      if (!paper) return null;
      Object.assign(paper, patch);
      return structuredClone(paper);
    }),
    removePaper: vi.fn(async (id: string) => {
      const paper = find(id);
      if (!paper) return null;
      papers = papers.filter((p) => p.id !== id);
      removed.set(id, paper);
      return structuredClone(paper);
    }),
    restorePaper: vi.fn(async (id: string) => {
      const paper = removed.get(id);
      if (!paper) return null;
      papers.push(paper);
      return structuredClone(paper);
    }),
    // Lists the ids, one a line: enough to see which papers an export received.
    exportPapers: vi.fn(async (format: ExportFormat, chosen: readonly Paper[]) => ({ filename: `papers.${format}`, mime: 'text/plain', text: chosen.map((p) => p.id).join('\n'), count: chosen.length })),
    openUrl: vi.fn((_url: string) => undefined),
  } satisfies LibraryApi;
  return { api, stored: () => papers };
}
