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

/** Some stored records held in memory while a batch merges: by id, and the ids each key names. */
class WorkingSet {
  readonly records = new Map<string, StoredPaper>();
  private readonly idsByKey = new Map<string, Set<string>>();

  add(paper: StoredPaper): void {
    this.records.set(paper.id, paper);
    for (const key of paper.keys) {
      const ids = this.idsByKey.get(key) ?? new Set<string>();
      this.idsByKey.set(key, ids.add(paper.id));
    }
  }

  remove(paper: StoredPaper): void {
    this.records.delete(paper.id);
    for (const key of paper.keys) this.idsByKey.get(key)?.delete(paper.id);
  }

  /** Records naming the same paper as `paper` (by id, alias or title) that may merge with it. */
  matches(paper: StoredPaper): StoredPaper[] {
    const ids = new Set(paper.keys.flatMap((key) => [...(this.idsByKey.get(key) ?? [])]));
    return [...ids].map((id) => this.records.get(id)!).filter((other) => canMerge(paper.keys, other.keys));
  }
}

interface MergeOutcome {
  /** Per incoming paper: the record it ended up in once the whole batch merged. */
  records: StoredPaper[];
  /** Per incoming paper: whether it was new, changed a stored record, or added nothing to one. */
  effects: ('added' | 'merged' | 'unchanged')[];
}

/**
 * Merges papers into the store within the caller's transaction. Every key of every paper is looked
 * up at once (the requests queue without a round trip each, which is what makes a 500-paper batch
 * fast), the merging happens in memory and in order (so two entries of one page naming one paper
 * become one record), and the changed records are written at once, absorbed ones deleted.
 */
async function mergeAll(tx: WriteTx, incoming: StoredPaper[]): Promise<MergeOutcome> {
  const store = tx.objectStore('papers');
  const keys = [...new Set(incoming.flatMap((paper) => paper.keys))];
  // One lookup per key, or one read of the whole store when it holds fewer records than there are
  // keys to look up (a first page into a new library, or a large import).
  const found = keys.length > (await store.count()) ? [await store.getAll()] : await Promise.all(keys.map((key) => store.index('keys').getAll(key)));
  const work = new WorkingSet();
  for (const papers of found) for (const paper of papers) work.add(paper);
  const stored = new Map(work.records);

  const finalIds: string[] = [];
  const effects: MergeOutcome['effects'] = [];
  const replacedBy = new Map<string, string>();
  const changed = new Set<string>();
  for (const paper of incoming) {
    const matches = work.matches(paper);
    const merged = storedPaper(matches.reduce<Paper>((acc, old) => mergePapers(old, acc), withoutKeys(paper)));
    const mergedIntoChanged = matches.some((match) => changed.has(match.id));
    for (const match of matches) {
      work.remove(match);
      changed.delete(match.id);
      if (match.id !== merged.id) replacedBy.set(match.id, merged.id);
    }
    work.add(merged);
    finalIds.push(merged.id);
    const effect = !matches.length ? 'added' : matches.length === 1 && sameRecord(matches[0]!, merged) ? 'unchanged' : 'merged';
    effects.push(effect);
    if (effect !== 'unchanged' || mergedIntoChanged) changed.add(merged.id);
  }

  const writes: Promise<unknown>[] = [];
  try {
    for (const id of stored.keys()) if (!work.records.has(id)) writes.push(store.delete(id));
    for (const id of changed) writes.push(store.put(work.records.get(id)!));
  } catch (error) {
    // A put that throws (a value that cannot be stored) aborts the transaction: the requests already
    // queued then fail too, and are expected to.
    for (const write of writes) write.catch(() => undefined);
    throw error;
  }
  await Promise.all(writes);

  const finalRecord = (id: string): StoredPaper => work.records.get(id) ?? finalRecord(replacedBy.get(id)!);
  return { records: finalIds.map(finalRecord), effects };
}

/**
 * Whether a merge left a record as it was. Field order follows the stored record (mergePapers spreads
 * the old record first), so comparing the JSON is enough; a field that moved only costs a write.
 */
function sameRecord(a: StoredPaper, b: StoredPaper): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
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
  const incoming = entries.map((entry) => storedPaper({ ...newPaper(entry, sighting), ...(options.save ? { saved: true, savedAt: now } : {}) }));
  const { records } = await writeTransaction(db, ['papers'], async (tx) => {
    const outcome = await mergeAll(tx, incoming);
    await evictHistory(tx, options.historyLimit ?? HISTORY_LIMIT);
    return outcome;
  });
  return records.map(withoutKeys);
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
  const { effects } = await writeTransaction(db, ['papers'], (tx) => mergeAll(tx, papers.map(storedPaper)));
  const count = (effect: MergeOutcome['effects'][number]) => effects.filter((e) => e === effect).length;
  return { added: count('added'), merged: count('merged'), unchanged: count('unchanged') };
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
    const { records } = await mergeAll(tx, [removed.paper]);
    return withoutKeys(records[0]!);
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
