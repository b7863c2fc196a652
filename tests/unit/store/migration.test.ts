import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { identityKeys, type Paper, type Sighting } from '../../../lib/model';
import type { EnrichedEntry } from '../../../lib/pipeline';
import { extractResults } from '../../../lib/extract';
import { readableTex } from '../../../lib/tex';
import { DB_NAME, DB_VERSION, openPaperDb, storedPaper, type StoredPaper } from '../../../lib/store/db';
import { getPaper, listPapers, recordSightings } from '../../../lib/store/papers';
import { getSettings } from '../../../lib/store/settings';
import { listTags } from '../../../lib/store/tags';
import { HAS_SHARED, readShared } from '../../helpers/shared';
import { realisticEntries } from './data';

/**
 * The record v1 wrote (lib/store/papers.ts at 21ce8c2, frozen here on purpose): a Paper plus its
 * identity keys, `savedAt: undefined` left in place by v1's setSaved when a paper was unsaved.
 */
function v1Record(entry: EnrichedEntry, sighting: Sighting, user: Partial<Paper>) {
  const paper = {
    id: entry.id,
    aliases: entry.aliases,
    title: entry.title,
    authors: entry.authors,
    abstract: entry.abstract,
    abstractKind: entry.abstractKind,
    url: entry.url,
    pdfUrl: entry.pdfUrl,
    subjects: entry.subjects,
    venue: entry.venue,
    year: entry.year,
    sites: [entry.site],
    tags: entry.tags,
    results: entry.results,
    artifacts: [],
    saved: false,
    savedAt: undefined as number | undefined,
    firstSeenAt: sighting.at,
    lastSeenAt: sighting.at,
    seen: [sighting],
    userTags: [] as string[],
    note: '',
    read: false,
    ...user,
  };
  return { ...paper, keys: identityKeys(paper) };
}

/** What a v1 user's library looks like: real detected papers, some saved with messy tags and notes. */
function v1Library() {
  const day = 86_400_000;
  const start = Date.UTC(2026, 0, 5);
  const records = realisticEntries().flatMap((page, p) =>
    page.entries.map((entry, i) => {
      const at = start + (p * 40 + i) * day;
      const user: Partial<Paper> =
        i % 3 === 0
          ? {
              saved: true,
              savedAt: at + 3_600_000,
              userTags: i % 2 ? ['RL', ' reward  modelling ', 'rl'] : ['to read', 'Survey'],
              note: i % 2 ? `Compare with baseline ${i}; "quoted" <b>bold</b> & ünïcode` : '',
              read: i % 4 === 0,
            }
          : {};
      return v1Record(entry, { site: page.site, url: page.url, at }, user);
    }),
  );
  // One record per id, as v1's merge kept it (two real pages list some of the same papers).
  return [...new Map(records.reverse().map((r) => [r.id, r])).values()];
}

async function writeV1(records: ReturnType<typeof v1Library>, settings: unknown) {
  // The real v1 schema: migration step 1 is the v1 code, kept unchanged.
  const db = await openPaperDb(DB_NAME, 1);
  expect(db.version).toBe(1);
  expect([...db.objectStoreNames]).toEqual(['papers', 'settings']);
  const tx = db.transaction(['papers', 'settings'], 'readwrite');
  for (const record of records) await tx.objectStore('papers').put(record as never);
  await tx.objectStore('settings').put(settings, 'settings');
  await tx.done;
  db.close();
}

describe('schema migration v1 → v2', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });

  it('upgrades a filled v1 database without losing a paper, a field, a tag or a setting', async () => {
    const records = v1Library();
    expect(records.length).toBeGreaterThan(20);
    const savedBefore = records.filter((r) => r.saved).length;
    expect(savedBefore).toBeGreaterThan(5);
    await writeV1(records, { sitesOff: ['scholar'], personalTagThreshold: 0.9 });

    const db = await openPaperDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toEqual(expect.arrayContaining(['models', 'papers', 'removed', 'settings', 'tags']));

    for (const before of records) {
      const { keys: _keys, savedAt, userTags, ...rest } = before;
      const after = await getPaper(db, before.id);
      expect(after, before.id).toBeDefined();
      expect(after).toMatchObject(rest);
      expect(after!.savedAt).toBe(savedAt);
      // Tags are tidied and case duplicates folded, never dropped.
      const lower = (tags: string[]) => [...new Set(tags.map((t) => t.trim().replace(/\s+/g, ' ').toLowerCase()))].sort();
      expect(lower(after!.userTags)).toEqual(lower(userTags));
    }
    expect(await db.count('papers')).toBe(records.length);

    // The new indexes answer the popup's queries over the old data.
    const saved = await listPapers(db, 'saved');
    expect(saved.length).toBe(savedBefore);
    expect(saved.map((p) => p.savedAt)).toEqual([...saved.map((p) => p.savedAt!)].sort((a, b) => b - a));
    expect(await db.countFromIndex('papers', 'userTags', 'RL')).toBe(records.filter((r) => r.userTags.includes('RL')).length);
    expect(await db.countFromIndex('papers', 'sites', 'arxiv')).toBe(records.filter((r) => r.sites.includes('arxiv')).length);
    const tags = await listTags(db);
    expect(tags.map((t) => t.label).sort()).toEqual(['RL', 'Survey', 'reward modelling', 'to read']);
    expect(tags.every((t) => t.count > 0)).toBe(true);

    const settings = await getSettings(db);
    expect(settings.sitesOff).toEqual(['scholar']);
    expect(settings.personalTagThreshold).toBe(0.9);

    // And the upgraded database keeps working: seeing a stored paper again merges into it.
    const again = realisticEntries()[0]!;
    await recordSightings(db, again.entries.slice(0, 3), { site: again.site, url: again.url });
    expect(await db.count('papers')).toBe(records.length);
    db.close();
  });

  it('opens an empty v1 database and a fresh one alike', async () => {
    await writeV1([], undefined);
    const upgraded = await openPaperDb();
    const upgradedShape = [...upgraded.objectStoreNames].map((name) => [name, [...upgraded.transaction(name).store.indexNames]]);
    upgraded.close();
    globalThis.indexedDB = new IDBFactory();
    const created = await openPaperDb();
    expect([...created.objectStoreNames].map((name) => [name, [...created.transaction(name).store.indexNames]])).toEqual(upgradedShape);
  });
});

/** Abstracts that state results in TeX, as arXiv's do: our own, and real ones from ../shared when present. */
function texAbstracts(): string[] {
  const own = [
    'We present FastTok. It reduces latency by 12\\% and runs 4.6$\\times$ faster than the baseline tokenizer on WikiText-103.',
    'Our estimator attains a regret of $O(\\sqrt{T})$, and on CIFAR-10 improves accuracy by 2.1$\\%$ over ResNet-50.',
  ];
  if (!HAS_SHARED) return own;
  const real = readShared('data/arxiv-abstracts', 'arxiv_daily_2025-2026.jsonl')
    .split('\n')
    .filter((line) => line.includes('\\\\%') || line.includes('\\\\times'))
    .slice(0, 60)
    .map((line) => (JSON.parse(line) as { abstract: string }).abstract);
  return [...own, ...real];
}

/** A paper as v3 stored it: its result values as the abstract wrote them, TeX and all. */
function v3Record(abstract: string, i: number): StoredPaper {
  const at = Date.UTC(2026, 5, 1) + i * 60_000;
  const results = extractResults(abstract).map((claim) => ({ ...claim, value: claim.value && abstract.slice(claim.start, claim.end) }));
  return storedPaper({
    id: `arxiv:2606.${String(10000 + i)}`,
    aliases: [],
    title: `Paper ${i}`,
    authors: ['A. Author'],
    abstract,
    abstractKind: 'full',
    url: `https://arxiv.org/abs/2606.${String(10000 + i)}`,
    subjects: ['cs.LG'],
    sites: ['arxiv'],
    tags: [],
    results,
    artifacts: [],
    saved: i % 2 === 0,
    savedAt: i % 2 === 0 ? at : undefined,
    firstSeenAt: at,
    lastSeenAt: at,
    seen: [{ site: 'arxiv', url: 'https://arxiv.org/list/cs.LG/new', at }],
    userTags: i % 3 ? [] : ['to read'],
    note: i % 5 ? '' : 'check the 12\\% claim',
    read: false,
  });
}

describe('schema migration v3 → v4', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });

  it('stores result values read from TeX, in kept and removed papers, and changes nothing else', async () => {
    const records = texAbstracts().map(v3Record);
    const written = records.flatMap((r) => r.results.map((c) => c.value));
    expect(written.filter((value) => /[\\$]/.test(value)).length).toBeGreaterThan(2);
    const [removed, ...kept] = records;

    const v3 = await openPaperDb(DB_NAME, 3);
    const tx = v3.transaction(['papers', 'removed'], 'readwrite');
    for (const record of kept) await tx.objectStore('papers').put(record);
    await tx.objectStore('removed').put({ id: removed!.id, removedAt: removed!.lastSeenAt, paper: removed! });
    await tx.done;
    v3.close();

    const db = await openPaperDb();
    expect(db.version).toBe(DB_VERSION);
    const readable = (record: StoredPaper) => ({
      ...record,
      results: record.results.map((c) => ({ ...c, value: readableTex(c.value), comparator: readableTex(c.comparator) })),
    });
    for (const before of kept) expect(await db.get('papers', before.id)).toEqual(readable(before));
    const restorable = (await db.get('removed', removed!.id))?.paper;
    expect(restorable).toEqual(readable(removed!));
    expect(restorable?.results.map((c) => c.value)).toEqual(expect.arrayContaining(['12%', '4.6×']));
    const values = (await db.getAll('papers')).flatMap((p) => p.results.map((c) => c.value));
    expect(values.length).toBe(written.length - removed!.results.length);
    expect(values.filter((value) => /[\\$]/.test(value))).toEqual([]);
    expect(values).toEqual(expect.arrayContaining(['O(√T)', '2.1%']));
    // Notes are the user's words, not TeX to read: they stay as typed.
    expect((await db.get('papers', kept[4]!.id))?.note).toBe('check the 12\\% claim');
    db.close();
  });
});
