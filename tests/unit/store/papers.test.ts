import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openPaperDb, type PaperDb } from '../../../lib/store/db';
import {
  clearLibrary,
  getPaper,
  listPapers,
  mergeIn,
  recordSightings,
  removePaper,
  restorePaper,
  setSaved,
  updatePaper,
} from '../../../lib/store/papers';
import { listTags } from '../../../lib/store/tags';
import { entry } from './data';

const ARXIV_LIST = { site: 'arxiv', url: 'https://arxiv.org/list/cs.LG/new' } as const;
const HF_DAILY = { site: 'huggingface', url: 'https://huggingface.co/papers' } as const;

describe('paper store', () => {
  let db: PaperDb;
  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    db = await openPaperDb();
  });

  it('merges one paper seen on arXiv, Hugging Face and OpenReview into one record', async () => {
    await recordSightings(db, [entry('arxiv:2609.00001', { title: 'Scaling Laws for Reward Models', abstractKind: 'snippet', abstract: 'Short.' })], ARXIV_LIST, 1000);
    // Hugging Face knows it by its arXiv id as an alias.
    await recordSightings(db, [entry('hf:scaling', { aliases: ['arxiv:2609.00001'], site: 'huggingface', title: 'Scaling Laws for Reward Models', url: 'https://huggingface.co/papers/2609.00001' })], HF_DAILY, 2000);
    // OpenReview shows only its forum id, but the same title spelled differently.
    await recordSightings(
      db,
      [entry('openreview:AbC123', { title: 'Scaling laws for reward-models', site: 'openreview', abstractKind: 'full', abstract: 'The full abstract.', venue: 'ICLR 2027' })],
      { site: 'openreview', url: 'https://openreview.net/group?id=ICLR.cc/2027' },
      3000,
    );
    const all = await listPapers(db, 'seen');
    expect(all).toHaveLength(1);
    const paper = all[0]!;
    expect(paper.id).toBe('arxiv:2609.00001');
    expect(paper.aliases.sort()).toEqual(['hf:scaling', 'openreview:AbC123']);
    expect(paper.sites).toEqual(['arxiv', 'huggingface', 'openreview']);
    expect(paper.abstract).toBe('The full abstract.');
    expect(paper.venue).toBe('ICLR 2027');
    expect(paper.seen.map((s) => s.at)).toEqual([3000, 2000, 1000]);
    expect(await getPaper(db, 'openreview:AbC123')).toEqual(paper);
  });

  it('merges two records that one entry proves to be the same paper', async () => {
    await recordSightings(db, [entry('arxiv:2609.00002', { title: 'A' }), entry('doi:10.1000/xyz', { title: 'B', site: 'generic' })], ARXIV_LIST, 1000);
    await updatePaper(db, 'doi:10.1000/xyz', { userTags: ['keep me'], note: 'from the DOI record', saved: true }, 1500);
    await recordSightings(db, [entry('arxiv:2609.00002', { aliases: ['doi:10.1000/xyz'], title: 'A' })], ARXIV_LIST, 2000);
    const all = await listPapers(db, 'seen');
    expect(all.map((p) => p.id)).toEqual(['arxiv:2609.00002']);
    expect(all[0]).toMatchObject({ userTags: ['keep me'], note: 'from the DOI record', saved: true, savedAt: 1500 });
  });

  it('merges by id, alias and title in a library larger than the batch (lookups by key)', async () => {
    const library = Array.from({ length: 60 }, (_, i) => entry(`arxiv:2609.${String(500 + i).padStart(5, '0')}`, { title: `Library paper number ${i}` }));
    await recordSightings(db, library, ARXIV_LIST, 1000);
    await recordSightings(
      db,
      [
        entry('hf:five', { aliases: ['arxiv:2609.00505'], site: 'huggingface', title: 'Library paper number 5' }),
        entry('openreview:Seven', { site: 'openreview', title: 'Library Paper, Number 7' }),
        entry('arxiv:2609.09999', { title: 'A new one' }),
      ],
      HF_DAILY,
      2000,
    );
    expect(await db.count('papers')).toBe(61);
    expect((await getPaper(db, 'hf:five'))!.id).toBe('arxiv:2609.00505');
    expect((await getPaper(db, 'openreview:Seven'))).toMatchObject({ id: 'arxiv:2609.00507', lastSeenAt: 2000 });
  });

  it('does not merge two different arXiv papers that share a title', async () => {
    await recordSightings(db, [entry('arxiv:2609.00003', { title: 'Introduction' }), entry('arxiv:2609.00004', { title: 'Introduction' })], ARXIV_LIST);
    expect(await db.count('papers')).toBe(2);
  });

  it('makes one record of a page batch that lists one paper twice, and reports it for both', async () => {
    const written = await recordSightings(db, [entry('arxiv:2609.00005'), entry('hf:x', { aliases: ['arxiv:2609.00005'], site: 'huggingface' })], HF_DAILY);
    expect(await db.count('papers')).toBe(1);
    expect(written.map((p) => p.id)).toEqual(['arxiv:2609.00005', 'arxiv:2609.00005']);
    expect(written[0]!.sites).toEqual(['arxiv', 'huggingface']);
  });

  it('writes a batch atomically: a failure mid-batch leaves nothing, not even merges into old records', async () => {
    await recordSightings(db, [entry('arxiv:2609.00010', { title: 'Old one' })], ARXIV_LIST, 1000);
    const before = await getPaper(db, 'arxiv:2609.00010');
    const batch = Array.from({ length: 300 }, (_, i) => entry(`arxiv:2609.${String(20 + i).padStart(5, '0')}`));
    batch.splice(5, 0, entry('arxiv:2609.00010', { site: 'huggingface', abstractKind: 'full', abstract: 'new' }));
    // Something that cannot be stored, two thirds of the way in: the put throws, the transaction aborts.
    batch.splice(200, 0, entry('arxiv:2609.99999', { venue: (() => 'not cloneable') as unknown as string }));
    await expect(recordSightings(db, batch, HF_DAILY, 2000)).rejects.toThrow();
    expect(await db.count('papers')).toBe(1);
    expect(await getPaper(db, 'arxiv:2609.00010')).toEqual(before);
  });

  it('evicts the oldest unsaved history beyond the limit and never a saved paper', async () => {
    const old = Array.from({ length: 10 }, (_, i) => entry(`arxiv:2609.0010${i}`));
    await recordSightings(db, old, ARXIV_LIST, 1000);
    await setSaved(db, 'arxiv:2609.00100', true);
    await setSaved(db, 'arxiv:2609.00101', true);
    const fresh = Array.from({ length: 6 }, (_, i) => entry(`arxiv:2609.0020${i}`));
    await recordSightings(db, fresh, ARXIV_LIST, 2000, { historyLimit: 10 });
    const seen = await listPapers(db, 'seen');
    expect(seen.filter((p) => !p.saved)).toHaveLength(10);
    expect(seen.filter((p) => p.saved).map((p) => p.id).sort()).toEqual(['arxiv:2609.00100', 'arxiv:2609.00101']);
    expect(seen.filter((p) => p.lastSeenAt === 2000)).toHaveLength(6);
  });

  it('lists saved papers newest first, with a limit for the first screen', async () => {
    await recordSightings(db, [entry('arxiv:1'), entry('arxiv:2'), entry('arxiv:3')], ARXIV_LIST, 1000);
    await setSaved(db, 'arxiv:2', true, 10);
    await setSaved(db, 'arxiv:3', true, 30);
    await setSaved(db, 'arxiv:1', true, 20);
    expect((await listPapers(db, 'saved')).map((p) => p.id)).toEqual(['arxiv:3', 'arxiv:1', 'arxiv:2']);
    expect((await listPapers(db, 'saved', 2)).map((p) => p.id)).toEqual(['arxiv:3', 'arxiv:1']);
    await setSaved(db, 'arxiv:3', false);
    expect((await listPapers(db, 'saved')).map((p) => p.id)).toEqual(['arxiv:1', 'arxiv:2']);
    // Undoing an unsave restores the original save time.
    await updatePaper(db, 'arxiv:3', { saved: true, savedAt: 30 });
    expect((await listPapers(db, 'saved', 1)).map((p) => p.savedAt)).toEqual([30]);
  });

  it('saves an entry not yet stored in the same transaction that records it', async () => {
    const [paper] = await recordSightings(db, [entry('arxiv:2609.00300')], ARXIV_LIST, 500, { save: true });
    expect(paper).toMatchObject({ saved: true, savedAt: 500 });
    expect((await listPapers(db, 'saved')).map((p) => p.id)).toEqual(['arxiv:2609.00300']);
  });

  it('updates tags, note and read state; tags are tidied and spelled as the library spells them', async () => {
    await recordSightings(db, [entry('arxiv:a'), entry('arxiv:b')], ARXIV_LIST);
    await updatePaper(db, 'arxiv:a', { userTags: ['Reward Modelling', '  rl ', 'RL', ''] });
    const b = await updatePaper(db, 'arxiv:b', { userTags: ['reward modelling'], note: 'x'.repeat(50_000), read: true });
    expect(b!.userTags).toEqual(['Reward Modelling']);
    expect(b!.note.length).toBe(20_000);
    expect(b!.read).toBe(true);
    expect(await listTags(db)).toEqual([
      { id: 'user:reward-modelling', label: 'Reward Modelling', count: 2 },
      { id: 'user:rl', label: 'rl', count: 1 },
    ]);
    expect(await updatePaper(db, 'arxiv:none', { read: true })).toBeUndefined();
  });

  it('removes a paper and restores it exactly, merged with what was seen since', async () => {
    await recordSightings(db, [entry('arxiv:2609.00400')], ARXIV_LIST, 1000);
    const kept = await updatePaper(db, 'arxiv:2609.00400', { saved: true, note: 'important', userTags: ['core'] }, 1100);
    const removed = await removePaper(db, 'arxiv:2609.00400', 1200);
    expect(removed).toEqual(kept);
    expect(await getPaper(db, 'arxiv:2609.00400')).toBeUndefined();
    expect(await db.get('removed', 'arxiv:2609.00400')).toMatchObject({ removedAt: 1200 });
    await recordSightings(db, [entry('arxiv:2609.00400', { site: 'huggingface' })], HF_DAILY, 1300);
    const restored = await restorePaper(db, 'arxiv:2609.00400');
    expect(restored).toMatchObject({ saved: true, savedAt: 1100, note: 'important', userTags: ['core'], lastSeenAt: 1300 });
    expect(restored!.sites.sort()).toEqual(['arxiv', 'huggingface']);
    expect(await db.count('removed')).toBe(0);
    expect(await restorePaper(db, 'arxiv:2609.00400')).toBeUndefined();
  });

  it('merges papers from a backup without duplicates and without losing either side', async () => {
    await recordSightings(db, [entry('arxiv:m1')], ARXIV_LIST, 1000);
    await updatePaper(db, 'arxiv:m1', { note: 'mine', userTags: ['a'] });
    const mine = (await getPaper(db, 'arxiv:m1'))!;
    const theirs = { ...mine, note: 'theirs', userTags: ['b'], saved: true, savedAt: 900, read: true };
    const other = { ...mine, id: 'arxiv:m2', title: 'Another', url: 'https://arxiv.org/abs/m2' };
    expect(await mergeIn(db, [theirs, other, mine])).toEqual({ added: 1, merged: 1, unchanged: 1 });
    expect(await getPaper(db, 'arxiv:m1')).toMatchObject({ note: 'mine\n\ntheirs', userTags: ['a', 'b'], saved: true, savedAt: 900, read: true });
    expect(await db.count('papers')).toBe(2);
    expect(await mergeIn(db, [theirs, other])).toEqual({ added: 0, merged: 0, unchanged: 2 });
  });

  it('clears papers, tags and models but keeps settings', async () => {
    await recordSightings(db, [entry('arxiv:c1')], ARXIV_LIST);
    await updatePaper(db, 'arxiv:c1', { userTags: ['t'] });
    await db.put('settings', { topicSet: 'topics' }, 'settings');
    expect(await clearLibrary(db)).toBe(1);
    expect(await db.count('papers')).toBe(0);
    expect(await db.count('tags')).toBe(0);
    expect(await db.get('settings', 'settings')).toEqual({ topicSet: 'topics' });
  });
});
