import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, handleMessage } from '../../../lib/background/handlers';
import type { EntryData } from '../../../lib/model';
import { badgeFor, saveLinkedPaper, validCounts } from '../../../lib/page/background';
import { openPaperDb } from '../../../lib/store/db';

describe('toolbar badge', () => {
  it('shows the matching papers when some match, else the papers found, and nothing on a page without papers', () => {
    expect(badgeFor({ found: 0, matching: 0 }).text).toBe('');
    expect(badgeFor({ found: 120, matching: 0 })).toMatchObject({ text: '120', title: 'PaperLens: 120 papers on this page' });
    const matching = badgeFor({ found: 120, matching: 7 });
    expect(matching).toMatchObject({ text: '7', title: 'PaperLens: 120 papers on this page, 7 matching your tags' });
    expect(matching.color).not.toBe(badgeFor({ found: 120, matching: 0 }).color);
    expect(badgeFor({ found: 2000, matching: 0 }).text).toBe('999+');
  });

  it('takes only sane counts from a content script', () => {
    expect(validCounts({ found: 3, matching: 1 })).toEqual({ found: 3, matching: 1 });
    for (const bad of [null, {}, { found: -1, matching: 0 }, { found: 1.5, matching: 0 }, { found: 1, matching: 2 }, { found: '3', matching: 0 }, { found: 1e9, matching: 0 }]) {
      expect(validCounts(bad)).toBeNull();
    }
  });
});

describe('context menu: save the paper a link points at', () => {
  let handlers: ReturnType<typeof createHandlers>;
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
    const db = openPaperDb();
    handlers = createHandlers(() => db);
  });

  it('saves a paper the store already knows, keeping what the page said of it', async () => {
    const seen: EntryData = { id: 'arxiv:2609.00001', aliases: [], title: 'A Known Paper', authors: ['A. Author'], abstract: 'x', abstractKind: 'full', url: 'https://arxiv.org/abs/2609.00001', subjects: ['cs.LG'], site: 'arxiv' };
    await handleMessage(handlers, 'pageEntries', { url: 'https://arxiv.org/list/cs.LG/new', site: 'arxiv', entries: [seen] });
    expect(await saveLinkedPaper(handlers, 'https://arxiv.org/pdf/2609.00001v3', undefined)).toBe('arxiv:2609.00001');
    const [saved] = await handleMessage(handlers, 'listPapers', { view: 'saved' });
    expect(saved).toMatchObject({ id: 'arxiv:2609.00001', title: 'A Known Paper', saved: true });
  });

  it('records and saves a paper seen nowhere yet, from the link alone', async () => {
    expect(await saveLinkedPaper(handlers, 'https://doi.org/10.1145/3292500.3330701', undefined, '  Some Title ')).toBe('doi:10.1145/3292500.3330701');
    const [saved] = await handleMessage(handlers, 'listPapers', { view: 'saved' });
    expect(saved).toMatchObject({ id: 'doi:10.1145/3292500.3330701', title: 'Some Title', url: 'https://doi.org/10.1145/3292500.3330701', saved: true });
  });

  it('ignores links to no paper', async () => {
    expect(await saveLinkedPaper(handlers, 'https://arxiv.org/list/cs.LG/new', undefined)).toBeNull();
    expect(await handleMessage(handlers, 'listPapers', { view: 'seen' })).toEqual([]);
  });
});
