import type { Paper, Sighting, SiteId } from '../model';
import type { EnrichedEntry } from '../pipeline';
import { storedPaper, writeTransaction, type PaperDb, type StoredPaper, type WriteTx } from './db';
import { canMerge, mergePapers, newPaper } from './merge';
import { normaliseUserTags, userTagId } from './tags';

/** Papers seen but not saved are history; beyond this many the oldest are evicted. Saved papers never are. */
export const HISTORY_LIMIT = 20_000;
/** Removed papers kept for undo (and as tombstones for sync); older ones are forgotten. */
export const REMOVED_KEPT = 1_000;
/** Longest note kept. */
export const NOTE_MAX = 20_000;

export function withoutKeys(paper: StoredPaper): Paper {
  const { keys: _keys, ...rest } = paper;
  return rest;
}

/** Every stored record that names the same paper as `paper` (by id, alias or title) and may merge with it. */
async function findMatches(tx: WriteTx, paper: StoredPaper): Promise<StoredPaper[]> {
  const byKey = tx.objectStore('papers').index('keys');
  const found = (await Promise.all(paper.keys.map((key) => byKey.getAll(key)))).flat();
  const distinct = new Map(found.map((p) => [p.id, p]));
  return [...distinct.values()].filter((other) => canMerge(paper, other));
}

/**
 * Writes `incoming` merged with every record it matches, in the caller's transaction (whose reads
 * see its own earlier writes, so two entries of one page naming one paper become one record), and
 * deletes the records it absorbed.
 */
async function putMerged(tx: WriteTx, incoming: StoredPaper): Promise<{ paper: StoredPaper; absorbed: StoredPaper[] }> {
  const matches = await findMatches(tx, incoming);
  const paper = storedPaper(matches.reduce<Paper>((acc, old) => mergePapers(old, acc), withoutKeys(incoming)));
  const store = tx.objectStore('papers');
  const absorbed = matches.filter((m) => m.id !== paper.id);
  await Promise.all(absorbed.map((m) => store.delete(m.id)));
  await store.put(paper);
  return { paper, absorbed: matches };
}

/**
 * Records one page's batch of papers in a single transaction: either every paper of the batch is
 * written or none is (a service worker stopped mid-batch leaves no partial records). With `save`,
 * the papers are also saved (the popup's "save" on an entry not stored yet).
 */
export async function recordSightings(
  db: PaperDb,
  entries: EnrichedEntry[],
  where: { site: SiteId; url: string },
  now = Date.now(),
  options: { save?: boolean; historyLimit?: number } = {},
): Promise<Paper[]> {
  const sighting: Sighting = { site: where.site, url: where.url, at: now };
  const finalRecord = new Map<string, StoredPaper>();
  const writtenIds: string[] = [];
  await writeTransaction(db, ['papers'], async (tx) => {
    for (const entry of entries) {
      const incoming = storedPaper(newPaper(entry, sighting));
      if (options.save) Object.assign(incoming, { saved: true, savedAt: now });
      const { paper, absorbed } = await putMerged(tx, incoming);
      // A later entry may merge into an earlier one's record: point every id it absorbed at the result.
      for (const [id, record] of finalRecord) if (absorbed.some((a) => a.id === record.id)) finalRecord.set(id, paper);
      finalRecord.set(paper.id, paper);
      writtenIds.push(paper.id);
    }
    await evictHistory(tx, options.historyLimit ?? HISTORY_LIMIT);
  });
  return writtenIds.map((id) => withoutKeys(finalRecord.get(id)!));
}

/** Deletes the least recently seen unsaved papers beyond HISTORY_LIMIT; saved ones don't count and stay. */
async function evictHistory(tx: WriteTx, limit: number): Promise<void> {
  const store = tx.objectStore('papers');
  let excess = (await store.count()) - (await store.index('savedAt').count()) - limit;
  if (excess <= 0) return;
  for (let cursor = await store.index('lastSeenAt').openCursor(); cursor && excess > 0; cursor = await cursor.continue()) {
    if (cursor.value.saved) continue;
    await cursor.delete();
    excess--;
  }
}

/** Merges papers from elsewhere (a backup, a sync peer) into the store; one transaction for all. */
export async function mergeIn(db: PaperDb, papers: Paper[]): Promise<{ added: number; merged: number; unchanged: number }> {
  const counts = { added: 0, merged: 0, unchanged: 0 };
  await writeTransaction(db, ['papers'], async (tx) => {
    for (const paper of papers) {
      const incoming = storedPaper(paper);
      const before = await findMatches(tx, incoming);
      const { paper: after } = await putMerged(tx, incoming);
      if (!before.length) counts.added++;
      else if (before.length === 1 && sameRecord(before[0]!, after)) counts.unchanged++;
      else counts.merged++;
    }
  });
  return counts;
}

/** Same fields, same values (b's values laid over a's key order, so field order does not matter). */
function sameRecord(a: StoredPaper, b: StoredPaper): boolean {
  return Object.keys(a).length === Object.keys(b).length && JSON.stringify(a) === JSON.stringify({ ...a, ...b });
}

async function findOne(tx: WriteTx, id: string): Promise<StoredPaper | undefined> {
  const store = tx.objectStore('papers');
  return (await store.get(id)) ?? (await store.index('keys').get(id));
}

export async function getPaper(db: PaperDb, id: string): Promise<Paper | undefined> {
  const found = (await db.get('papers', id)) ?? (await db.getFromIndex('papers', 'keys', id));
  return found && withoutKeys(found);
}

/** Saved papers, most recently saved first; or everything seen, most recently seen first. */
export async function listPapers(db: PaperDb, view: 'saved' | 'seen', limit = Infinity): Promise<Paper[]> {
  const index = db.transaction('papers').store.index(view === 'saved' ? 'savedAt' : 'lastSeenAt');
  if (limit === Infinity) return (await index.getAll()).reverse().map(withoutKeys);
  const papers: Paper[] = [];
  for (let cursor = await index.openCursor(null, 'prev'); cursor && papers.length < limit; cursor = await cursor.continue()) {
    papers.push(withoutKeys(cursor.value));
  }
  return papers;
}

/** Papers by id (canonical or alias), in the order asked; unknown ids are skipped. */
export async function getPapers(db: PaperDb, ids: readonly string[]): Promise<Paper[]> {
  const tx = db.transaction('papers');
  const found = await Promise.all(ids.map(async (id) => (await tx.store.get(id)) ?? (await tx.store.index('keys').get(id))));
  const seen = new Set<string>();
  return found.filter((p): p is StoredPaper => !!p && !seen.has(p.id) && !!seen.add(p.id)).map(withoutKeys);
}

/** What the user may change on a paper. */
export interface PaperPatch {
  userTags?: string[];
  note?: string;
  read?: boolean;
  saved?: boolean;
  /** Restores the original save time when "unsave" is undone. */
  savedAt?: number;
}

/**
 * Applies the user's change to one paper. Tags are tidied and spelled as the library already spells
 * them, and every new tag is listed in the tags store, in the same transaction.
 */
export async function updatePaper(db: PaperDb, id: string, patch: PaperPatch, now = Date.now()): Promise<Paper | undefined> {
  return writeTransaction(db, ['papers', 'tags'], async (tx) => {
    const existing = await findOne(tx, id);
    if (!existing) return undefined;
    const updated: StoredPaper = { ...existing };
    if (patch.userTags) updated.userTags = await adoptTags(tx, normaliseUserTags(patch.userTags), now);
    if (patch.note !== undefined) updated.note = patch.note.slice(0, NOTE_MAX);
    if (patch.read !== undefined) updated.read = patch.read;
    if (patch.saved === true) {
      updated.saved = true;
      updated.savedAt = patch.savedAt ?? existing.savedAt ?? now;
    } else if (patch.saved === false) {
      updated.saved = false;
      delete updated.savedAt;
    }
    await tx.objectStore('papers').put(updated);
    return withoutKeys(updated);
  });
}

/** Spells each tag as the tags store does, adding the new ones. */
async function adoptTags(tx: WriteTx, labels: string[], now: number): Promise<string[]> {
  const tags = tx.objectStore('tags');
  return Promise.all(
    labels.map(async (label) => {
      const known = await tags.get(userTagId(label));
      if (known) return known.label;
      await tags.put({ id: userTagId(label), label, createdAt: now });
      return label;
    }),
  );
}

export function setSaved(db: PaperDb, id: string, saved: boolean, now = Date.now()): Promise<Paper | undefined> {
  return updatePaper(db, id, { saved }, now);
}

/** Deletes a paper, keeping it aside so `restorePaper` can undo; returns what was removed. */
export async function removePaper(db: PaperDb, id: string, now = Date.now()): Promise<Paper | undefined> {
  return writeTransaction(db, ['papers', 'removed'], async (tx) => {
    const existing = await findOne(tx, id);
    if (!existing) return undefined;
    await tx.objectStore('papers').delete(existing.id);
    const removed = tx.objectStore('removed');
    await removed.put({ id: existing.id, removedAt: now, paper: existing });
    let excess = (await removed.count()) - REMOVED_KEPT;
    for (let cursor = await removed.index('removedAt').openCursor(); cursor && excess > 0; cursor = await cursor.continue(), excess--) {
      await cursor.delete();
    }
    return withoutKeys(existing);
  });
}

/** Brings a removed paper back as it was, merged with anything recorded for it since. */
export async function restorePaper(db: PaperDb, id: string): Promise<Paper | undefined> {
  return writeTransaction(db, ['papers', 'removed'], async (tx) => {
    const removed = (await tx.objectStore('removed').get(id)) ?? (await findRemovedByKey(tx, id));
    if (!removed) return undefined;
    await tx.objectStore('removed').delete(removed.id);
    const { paper } = await putMerged(tx, removed.paper);
    return withoutKeys(paper);
  });
}

async function findRemovedByKey(tx: WriteTx, key: string) {
  const all = await tx.objectStore('removed').getAll();
  return all.find((r) => r.paper.keys.includes(key));
}

/** Deletes every paper, tag, model and removed paper; settings stay. Returns how many papers went. */
export async function clearLibrary(db: PaperDb): Promise<number> {
  const stores = ['papers', 'tags', 'models', 'removed'] as const;
  return writeTransaction(db, [...stores], async (tx) => {
    const count = await tx.objectStore('papers').count();
    await Promise.all(stores.map((store) => tx.objectStore(store).clear()));
    return count;
  });
}
