import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EntryData } from '../../../lib/model';
import { enrichEntry } from '../../../lib/pipeline';
import { openPaperDb, type PaperDb } from '../../../lib/store/db';
import { getPaper, listPapers, recordSightings, removePaper, updatePaper } from '../../../lib/store/papers';
import { setSettings } from '../../../lib/store/settings';
import type { SyncArea } from '../../../lib/sync/engine';
import { SyncService } from '../../../lib/sync/service';

/** One storage.sync shared by two profiles, delivering each write to the other profile's listener. */
function sharedArea() {
  const items = new Map<string, unknown>();
  const listeners: ((changes: Record<string, { newValue?: unknown }>) => Promise<void>)[] = [];
  const area = (me: number): SyncArea => ({
    get: async () => Object.fromEntries(items),
    set: async (changes) => {
      for (const [k, v] of Object.entries(changes)) items.set(k, v);
      await Promise.all(listeners.map((l, i) => (i === me ? undefined : l(Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, { newValue: v }]))))));
    },
    remove: async (keys) => {
      for (const k of keys) items.delete(k);
    },
  });
  return { items, listeners, area };
}

function entry(id: string): EntryData {
  return { id, aliases: [], title: `Title ${id}`, authors: ['A. Author'], abstract: 'We improve accuracy.', abstractKind: 'full', url: `https://arxiv.org/abs/${id.slice(6)}`, subjects: ['cs.LG'], site: 'arxiv' };
}

describe('sync between two profiles through IndexedDB', () => {
  let dbA: Promise<PaperDb>;
  let dbB: Promise<PaperDb>;
  let a: SyncService;
  let b: SyncService;
  let net: ReturnType<typeof sharedArea>;

  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
    dbA = openPaperDb('profile-a');
    dbB = openPaperDb('profile-b');
    net = sharedArea();
    const alarms = { schedule: () => undefined };
    a = new SyncService({ db: () => dbA, area: net.area(0), alarms, randomId: () => 'dev-a' });
    b = new SyncService({ db: () => dbB, area: net.area(1), alarms, randomId: () => 'dev-b' });
    net.listeners.push((c) => a.remoteChanged(c), (c) => b.remoteChanged(c));
  });

  it("B's library shows A's saves, tags and notes; a delete and an edit travel back; notes stay whole locally", async () => {
    await recordSightings(await dbA, [enrichEntry(entry('arxiv:2609.00001')), enrichEntry(entry('arxiv:2609.00002'))], { site: 'arxiv', url: 'https://arxiv.org/list/cs.LG/new' });
    const longNote = 'n'.repeat(3000);
    const saved = await updatePaper(await dbA, 'arxiv:2609.00001', { saved: true, userTags: ['RL'], note: longNote });
    await a.localChanged([saved!]);
    await a.flush();

    const onB = await listPapers(await dbB, 'saved');
    expect(onB.map((p) => [p.id, p.title, p.userTags, p.note.length])).toEqual([['arxiv:2609.00001', 'Title arxiv:2609.00001', ['RL'], 500]]);
    expect((await getPaper(await dbA, 'arxiv:2609.00001'))!.note).toBe(longNote);

    const read = await updatePaper(await dbB, 'arxiv:2609.00001', { read: true });
    await b.localChanged([read!]);
    await b.flush();
    expect((await getPaper(await dbA, 'arxiv:2609.00001'))!.read).toBe(true);

    await removePaper(await dbB, 'arxiv:2609.00001');
    await b.localChanged([], ['arxiv:2609.00001']);
    await b.flush();
    expect(await listPapers(await dbA, 'saved')).toEqual([]);
    // A keeps the paper in its history: sync never deletes local data.
    expect(await getPaper(await dbA, 'arxiv:2609.00001')).toBeDefined();
  });

  it('does nothing while sync is off', async () => {
    await setSettings(await dbA, { syncEnabled: false });
    await recordSightings(await dbA, [enrichEntry(entry('arxiv:2609.00003'))], { site: 'arxiv', url: 'u' });
    await a.localChanged([(await updatePaper(await dbA, 'arxiv:2609.00003', { saved: true }))!]);
    await a.flush();
    expect(net.items.size).toBe(0);
    expect((await a.status()).availability).toBe('off');
  });
});
