import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, handleMessage } from '../../../lib/background/handlers';
import type { EntryData } from '../../../lib/model';
import { openPaperDb, type PaperDb } from '../../../lib/store/db';

const PAGE = { url: 'https://arxiv.org/list/cs.LG/new', site: 'arxiv' } as const;

function entryData(id: string, over: Partial<EntryData> = {}): EntryData {
  return { id, aliases: [], title: `Paper ${id}`, authors: ['Ada Lovelace'], abstract: 'An abstract.', abstractKind: 'full', url: `https://arxiv.org/abs/${id.slice(6)}`, subjects: ['cs.LG'], site: 'arxiv', ...over };
}

describe('library messages', () => {
  let db: Promise<PaperDb>;
  let send: (type: Parameters<typeof handleMessage>[1], data: unknown) => Promise<unknown>;
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
    db = openPaperDb();
    const handlers = createHandlers(() => db);
    send = (type, data) => handleMessage(handlers, type, data);
  });

  it('saves an entry not stored yet, edits it, removes it and undoes the removal', async () => {
    const saved = (await send('savePaper', { entry: entryData('arxiv:2609.00001') })) as { saved: boolean; id: string };
    expect(saved).toMatchObject({ id: 'arxiv:2609.00001', saved: true });
    await send('updatePaper', { id: 'arxiv:2609.00001', patch: { userTags: ['RL'], note: 'a note', read: true } });
    expect(await send('getPaper', { id: 'arxiv:2609.00001' })).toMatchObject({ userTags: ['RL'], note: 'a note', read: true });
    expect(await send('listTags', {})).toEqual([{ id: 'user:rl', label: 'RL', count: 1 }]);
    await send('removePaper', { id: 'arxiv:2609.00001' });
    expect(await send('listPapers', { view: 'saved' })).toEqual([]);
    expect(await send('restorePaper', { id: 'arxiv:2609.00001' })).toMatchObject({ note: 'a note', saved: true });
    expect(await send('listPapers', { view: 'saved', limit: 1 })).toHaveLength(1);
  });

  it('neither reads nor remembers a site the user turned off', async () => {
    await send('setSettings', { patch: { sitesOff: ['arxiv'] } });
    expect(await send('pageEntries', { ...PAGE, entries: [entryData('arxiv:2609.00002')] })).toEqual({ papers: [] });
    expect(await (await db).count('papers')).toBe(0);
    await send('setSettings', { patch: { sitesOff: [] } });
    expect(((await send('pageEntries', { ...PAGE, entries: [entryData('arxiv:2609.00002')] })) as { papers: unknown[] }).papers).toHaveLength(1);
  });

  it('exports a backup that imports into another library', async () => {
    for (const id of ['arxiv:2609.00003', 'arxiv:2609.00004']) await send('savePaper', { entry: entryData(id) });
    const backup = (await send('exportBackup', {})) as { text: string; count: number };
    expect(backup.count).toBe(2);
    expect(await send('clearData', { confirm: 'delete everything' })).toEqual({ papers: 2 });
    expect(await send('importBackup', { text: backup.text })).toMatchObject({ added: 2, merged: 0, unchanged: 0 });
    expect(await send('importBackup', { text: backup.text })).toMatchObject({ added: 0, merged: 0, unchanged: 2 });
  });

  it('refuses what it should not act on', async () => {
    await expect(send('clearData', {})).rejects.toThrow(/invalid clearData/);
    await expect(send('clearData', { confirm: 'yes' })).rejects.toThrow(/invalid clearData/);
    await expect(send('setSettings', { patch: { personalTagThreshold: 2 } })).rejects.toThrow(/invalid setSettings/);
    await expect(send('setSettings', { patch: { extraOrigins: ['javascript:alert(1)'] } })).rejects.toThrow(/invalid setSettings/);
    await expect(send('updatePaper', { id: 'x', patch: { read: 'yes' } })).rejects.toThrow(/invalid updatePaper/);
    await expect(send('importBackup', { text: '{"format":"paperlens-backup","version":9,"papers":[]}' })).rejects.toThrow(/newer PaperLens/);
    expect(await send('updatePaper', { id: 'arxiv:none', patch: { read: true } })).toBeNull();
    expect(await send('getSettings', undefined)).toMatchObject({ syncEnabled: true, topicSet: 'both' });
  });
});
