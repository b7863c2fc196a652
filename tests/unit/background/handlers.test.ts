import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, handleMessage } from '../../../lib/background/handlers';
import type { EntryData } from '../../../lib/model';
import { openPaperDb } from '../../../lib/store/db';
import { listModels } from '../../../lib/store/models';

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

  it("answers a page with what its chips show: the key result, not every claim of every paper", async () => {
    const withResult = entry('arxiv:2609.00011', { abstract: 'Our method improves accuracy on ImageNet by 4.2% over the previous best. It also runs 3x faster than the baseline.' });
    const { papers } = await handleMessage(handlers, 'pageEntries', { url: 'https://arxiv.org/list/cs.LG/new', site: 'arxiv', entries: [withResult] });
    const stored = await handleMessage(handlers, 'getPaper', { id: 'arxiv:2609.00011' });
    expect(stored!.results.length).toBeGreaterThan(1);
    expect(stored!.results.map((claim) => claim.value)).toContain(papers[0]!.keyResult!.value);
    // Every answer crosses the extension's messaging, serialised on the page's main thread: it carries one claim, not all.
    expect(Object.keys(papers[0]!).sort()).toEqual(['id', 'keyResult', 'saved', 'tags']);
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

  it('learns a personal tag from the papers the user tags, suggests it on a new page, and unlearns on removal', async () => {
    const rl = (n: number, title: string) =>
      entry(`arxiv:2609.1000${n}`, { title, abstract: `${title}. We train a policy with reinforcement learning from a reward model; the agent explores the environment and the policy gradient improves returns.` });
    const other = entry('arxiv:2609.20001', { title: 'Dark matter halos in cosmological simulations', abstract: 'We measure the mass function of dark matter halos in N-body simulations of large-scale structure.' });
    await handleMessage(handlers, 'pageEntries', { url: 'https://arxiv.org/list/cs.LG/new', site: 'arxiv', entries: [rl(1, 'Policy optimisation for agents'), rl(2, 'Reward models for reinforcement learning agents'), other] });
    for (const id of ['arxiv:2609.10001', 'arxiv:2609.10002']) await handleMessage(handlers, 'updatePaper', { id, patch: { userTags: ['my RL'] } });
    // At the lowest threshold every suggestion is applied.
    await handleMessage(handlers, 'setSettings', { patch: { personalTagThreshold: 0.5 } });

    const { papers } = await handleMessage(handlers, 'pageEntries', {
      url: 'https://arxiv.org/list/cs.AI/new',
      site: 'arxiv',
      entries: [rl(3, 'Exploration bonuses for policy gradient agents'), entry('arxiv:2609.20002', { title: 'Galaxy cluster lensing', abstract: 'We measure weak lensing of galaxy clusters and the halo mass function.' })],
    });
    const personalOn = (id: string) => papers.find((p) => p.id === id)!.tags.filter((t) => t.kind === 'personal').map((t) => t.label);
    expect(personalOn('arxiv:2609.10003')).toContain('my RL');
    expect(personalOn('arxiv:2609.20002')).not.toContain('my RL');
    expect((await handleMessage(handlers, 'getPaper', { id: 'arxiv:2609.10003' }))!.userTags).toEqual(['my RL']);
    expect((await handleMessage(handlers, 'getPaper', { id: 'arxiv:2609.20002' }))!.userTags).toEqual([]);

    await handleMessage(handlers, 'updatePaper', { id: 'arxiv:2609.10001', patch: { userTags: [] } });
    // The model is kept in IndexedDB, one record per tag.
    expect((await listModels(await openPaperDb())).map((m) => m.id)).toEqual(['user:my-rl']);
  });
});
