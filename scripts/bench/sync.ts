/**
 * Sync figures (issue #7): how many saved papers fit in storage.sync (100 KB, 8 KB a key), bytes per
 * paper, and the time to lay out and to merge a 2,000-paper replica. Titles are real arXiv titles from
 * ../shared when present (titles are most of a record's bytes), else generated ones.
 */
import { readFileSync } from 'node:fs';
import { canonicalUrl } from '../../lib/model';
import { mergeInto, type SyncRecord } from '../../lib/sync/replica';
import { QUOTA_BYTES, loadShardCodec } from '../../lib/sync/shards';
import { HAS_SHARED, sharedPath } from '../../tests/helpers/shared';
import { printTable, type Part } from '../lib/report';

const TAGS = ['to-read', 'rl', 'diffusion', 'llm', 'survey', 'important'];

const MAX_PAPERS = 5000;
let realTitles: string[] | undefined;

function titles(count: number): string[] {
  if (!HAS_SHARED) return Array.from({ length: count }, (_, i) => `A generated title number ${i} about scaling laws for reward models in long-horizon agents`);
  realTitles ??= readFileSync(sharedPath('data/arxiv-abstracts/arxiv_daily_2025-2026.jsonl'), 'utf8')
    .split('\n', MAX_PAPERS + 1)
    .filter(Boolean)
    .map((line) => String(JSON.parse(line).title).replace(/\s+/g, ' '));
  return realTitles.slice(0, count);
}

/** A realistic saved list: one save a minute, a third tagged later, a fifth read, a tenth with a short note. */
function savedList(count: number, device = 'laptop01'): SyncRecord[] {
  return titles(count).map((title, i) => {
    const id = `arxiv:${2500 + Math.floor(i / 9000)}.${String(10000 + (i % 9000)).padStart(5, '0')}`;
    const at = { wall: 1_780_000_000_000 + i * 60_000, count: 0, device };
    const later = { ...at, wall: at.wall + 3_600_000 };
    return {
      id,
      saved: { value: at.wall, at },
      title: { value: title, at },
      url: { value: canonicalUrl(id), at },
      ...(i % 3 === 0 ? { tags: { value: [TAGS[i % TAGS.length]!], at: later } } : {}),
      ...(i % 5 === 0 ? { read: { value: true, at: later } } : {}),
      ...(i % 10 === 0 ? { note: { value: 'Compare against the baseline in section 4.', at: later } } : {}),
    };
  });
}

function time<T>(run: () => T): [T, number] {
  const start = performance.now();
  const result = run();
  return [result, performance.now() - start];
}

const part: Part = {
  title: 'Sync: what fits in storage.sync, and how fast it merges',
  async run() {
    const { decodeShard, layoutReplica } = await loadShardCodec();
    const rows = [];
    for (const size of [1000, 2000, 3000, MAX_PAPERS]) {
      const list = savedList(size);
      const [layout, ms] = time(() => layoutReplica(list));
      rows.push({ 'saved papers': size, synced: layout.included, 'with title': layout.withTitle, 'bytes used': layout.bytes, 'bytes/paper': layout.bytes / layout.included, 'layout ms': ms });
    }
    printTable(rows);

    const fullTitles = layoutReplica(savedList(MAX_PAPERS));
    const base = savedList(2000);
    const other = savedList(2000, 'desktop2').map((r, i) => (i % 2 ? { ...r, saved: { value: 0, at: { ...r.saved.at, wall: r.saved.at.wall + 1 } } } : r));
    const [layout2000, layoutMs] = time(() => layoutReplica(base));
    const [, decodeMs] = time(() => [...layout2000.shards.values()].flatMap((v) => decodeShard(v).records));
    const [, mergeMs] = time(() => mergeInto(new Map(base.map((r) => [r.id, r])), other));
    const figures = {
      papers_fit: rows.reduce((max, r) => Math.max(max, r.synced), 0),
      papers_fit_with_title: fullTitles.withTitle,
      bytes_per_paper_2000: layout2000.bytes / layout2000.included,
      quota_bytes: QUOTA_BYTES,
      layout_ms_2000: layoutMs,
      decode_ms_2000: decodeMs,
      merge_ms_2000: mergeMs,
    };
    printTable([{ 'papers fit (of 5000)': figures.papers_fit, 'of them with title': figures.papers_fit_with_title, 'bytes/paper at 2000': figures.bytes_per_paper_2000, 'layout 2000 ms': layoutMs, 'decode 2000 ms': decodeMs, 'merge 2000 ms': mergeMs }]);
    return figures;
  },
};
export default part;
