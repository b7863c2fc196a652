import { detectPage } from '../../../lib/detect/index';
import { entryData } from '../../../lib/detect/index';
import type { PaperStatus } from '../../../lib/messaging';
import type { PaperEntry, ResultClaim, Tag } from '../../../lib/model';
import type { IdleDeadlineLike, PageBatch, PageServices, Scheduling } from '../../../lib/page/enricher';
import type { PageCounts } from '../../../lib/page/protocol';

export const LISTING_URL = 'https://arxiv.org/list/cs.LG/new';

/** Writes an arXiv-style listing (current markup) with `titles.length` entries into `doc.body`, by DOM calls. */
export function writeListing(doc: Document, titles: string[]): void {
  const page = doc.createElement('div');
  page.id = 'dlpage';
  const dl = doc.createElement('dl');
  titles.forEach((title, i) => {
    const id = `2609.${String(10000 + i)}`;
    const dt = doc.createElement('dt');
    const abs = doc.createElement('a');
    abs.setAttribute('href', `/abs/${id}`);
    abs.setAttribute('title', 'Abstract');
    abs.textContent = `arXiv:${id}`;
    dt.append(abs);
    const dd = doc.createElement('dd');
    const meta = doc.createElement('div');
    meta.className = 'meta';
    const titleDiv = doc.createElement('div');
    titleDiv.className = 'list-title mathjax';
    titleDiv.textContent = `Title: ${title}`;
    const subjects = doc.createElement('div');
    subjects.className = 'list-subjects';
    subjects.textContent = i % 3 === 0 ? 'Subjects: Machine Learning (cs.LG); Robotics (cs.RO)' : 'Subjects: Machine Learning (cs.LG)';
    meta.append(titleDiv, subjects);
    dd.append(meta);
    dl.append(dt, dd);
  });
  page.append(dl);
  doc.body.replaceChildren(page);
}

export function detected(doc: Document): PaperEntry[] {
  return detectPage(doc, LISTING_URL).entries;
}

export function batchOf(entries: PaperEntry[]): PageBatch {
  return { url: LISTING_URL, site: 'arxiv', entries: entries.map(entryData) };
}

export const tag = (id: string, kind: Tag['kind'] = 'category', source: Tag['source'] = 'page'): Tag => ({ id, label: id.replace(/^user:/, ''), kind, score: 1, source });

export function claim(value: string, sentence: string, confidence = 0.9): ResultClaim {
  return { value, number: parseFloat(value), unit: '%', kind: 'relative-gain', direction: 'up', metric: 'success rate', dataset: 'WebShop', comparator: '', subject: '', sentence, start: 0, end: 1, confidence };
}

/** A background that answers from `known` (else page-stated categories), and records what it was asked. */
export function fakeServices(known: Record<string, Partial<PaperStatus>> = {}) {
  const batches: PageBatch[] = [];
  const saves: [string, boolean][] = [];
  const counts: PageCounts[] = [];
  const services: PageServices = {
    async describe(batch) {
      batches.push(batch);
      return {
        papers: batch.entries.map((e) => ({ id: e.id, tags: e.subjects.map((s) => tag(s)), keyResult: null, saved: false, ...known[e.id] })),
      };
    },
    async setSaved(id, saved) {
      saves.push([id, saved]);
      return saved;
    },
    reportCounts: (c) => void counts.push(c),
  };
  return { services, batches, saves, counts };
}

/** Scheduling driven by the test: `see()` reports elements in view, `settle()` runs idle work and timers to the end. */
export function manualScheduling() {
  let onVisible: (elements: Element[]) => void = () => undefined;
  const observed = new Set<Element>();
  const queue: (() => void)[] = [];
  const idle: IdleDeadlineLike = { didTimeout: false, timeRemaining: () => 40 };
  const scheduling: Scheduling = {
    visibility(callback) {
      onVisible = callback;
      return { observe: (e) => void observed.add(e), unobserve: (e) => void observed.delete(e), disconnect: () => observed.clear() };
    },
    idle: (work) => void queue.push(() => work(idle)),
    later: (work) => void queue.push(work),
    loading: () => state.loading,
    whenLoaded: (work) => (state.loading ? loaded.push(work) : work()),
  };
  const state = { loading: false };
  const loaded: (() => void)[] = [];
  return {
    scheduling,
    /** Pretends the page is loading until `endLoading()`. */
    startLoading: () => void (state.loading = true),
    endLoading() {
      state.loading = false;
      for (const work of loaded.splice(0)) work();
    },
    observed,
    see: (elements: Element[]) => onVisible(elements),
    /** Lets answers arrive, then runs the work queued so far once (not the work it queues in turn). */
    async step() {
      await new Promise((resolve) => setTimeout(resolve, 0));
      for (const run of queue.splice(0)) run();
    },
    async settle() {
      for (let round = 0; round < 1000; round++) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        const work = queue.splice(0);
        if (!work.length) return;
        for (const run of work) run();
      }
      throw new Error('work never settled');
    },
  };
}
