import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, handleMessage } from '../../../lib/background/handlers';
import type { EntryData } from '../../../lib/model';
import { openPaperDb } from '../../../lib/store/db';

function entry(id: string, over: Partial<EntryData> = {}): EntryData {
  return { id, aliases: [], title: `Paper ${id}`, authors: ['A. Author'], abstract: '', abstractKind: 'none', url: `https://arxiv.org/abs/${id}`, subjects: ['cs.LG'], site: 'arxiv', ...over };
}

describe('background handlers', () => {
  let handlers: ReturnType<typeof createHandlers>;
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
    const db = openPaperDb();
    handlers = createHandlers(() => db);
  });

  it('stores a page batch, lists it as seen, and saves a paper', async () => {
    const batch = { url: 'https://arxiv.org/list/cs.LG/new', site: 'arxiv', entries: [entry('arxiv:2609.00001'), entry('arxiv:2609.00002')] };
    const { papers } = await handleMessage(handlers, 'pageEntries', batch);
    expect(papers.map((p) => p.id)).toEqual(['arxiv:2609.00001', 'arxiv:2609.00002']);
    expect(papers[0]!.tags.map((t) => t.id)).toContain('cs.LG');
    expect(await handleMessage(handlers, 'listPapers', { view: 'saved' })).toEqual([]);
    await handleMessage(handlers, 'setSaved', { id: 'arxiv:2609.00002', saved: true });
    const saved = await handleMessage(handlers, 'listPapers', { view: 'saved' });
    expect(saved.map((p) => p.id)).toEqual(['arxiv:2609.00002']);
    expect((await handleMessage(handlers, 'listPapers', { view: 'seen' })).length).toBe(2);
  });

  it('rejects invalid messages before any handler runs', async () => {
    await expect(handleMessage(handlers, 'pageEntries', { url: 'x', site: 'nowhere', entries: [] })).rejects.toThrow(/invalid pageEntries/);
    await expect(handleMessage(handlers, 'pageEntries', { url: 'x', site: 'arxiv', entries: [{ id: 1 }] })).rejects.toThrow(/invalid/);
    await expect(handleMessage(handlers, 'setSaved', { id: 'x'.repeat(5000), saved: true })).rejects.toThrow(/invalid/);
    await expect(handleMessage(handlers, 'listPapers', null)).rejects.toThrow(/invalid/);
  });

  it('hands every change to the saved list to sync', async () => {
    const calls: [string[], string[]][] = [];
    const db = openPaperDb('with-sync');
    const withSync = createHandlers(() => db, {
      localChanged: async (papers, removed = []) => void calls.push([papers.map((p) => `${p.id}:${p.saved}`), removed]),
      status: async () => ({ availability: 'on' }),
      flush: async () => ({ availability: 'on' }),
      scheduleFlush: () => undefined,
    });
    await handleMessage(withSync, 'pageEntries', { url: 'https://arxiv.org/list/cs.LG/new', site: 'arxiv', entries: [entry('arxiv:2609.00003')] });
    expect(calls).toEqual([]);
    await handleMessage(withSync, 'setSaved', { id: 'arxiv:2609.00003', saved: true });
    await handleMessage(withSync, 'updatePaper', { id: 'arxiv:2609.00003', patch: { note: 'n' } });
    await handleMessage(withSync, 'removePaper', { id: 'arxiv:2609.00003' });
    expect(calls).toEqual([[['arxiv:2609.00003:true'], []], [['arxiv:2609.00003:true'], []], [[], ['arxiv:2609.00003']]]);
  });
});
