import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { readableTex } from '../tex';
import { identityKeys, type Paper, type ResultClaim } from '../model';
import { normaliseUserTags, userTagId } from './tags';

/**
 * IndexedDB schema. Bump `DB_VERSION` and add a step to `MIGRATIONS` for every change; each step
 * upgrades from the version before it, and tests upgrade real data written by the old version
 * (tests/unit/store/migration.test.ts).
 *
 * v1: papers (keys, lastSeenAt, savedAt indexes), settings.
 * v2: papers gain userTags and sites indexes for the popup's filters; tags (the user's own tags),
 *     models (personal-tag models, plain JSON), removed (deleted papers kept for undo, and as
 *     tombstones for sync).
 * v3: sync (the sync replica, lib/sync/local.ts: one record per paper id, plus the engine's state).
 * v4: result values and comparators stored as the abstract's TeX wrote them ("12\%", "4.6$\times$") are
 *     stored as read ("12%", "4.6×"), as the extractor now gives them; nothing else changes.
 */
export const DB_NAME = 'paperlens';
export const DB_VERSION = 4;

/** A stored paper, plus the keys it can be found by (id, aliases, normalised title). */
export interface StoredPaper extends Paper {
  keys: string[];
}

/** One of the user's own tags; `id` is `user:<slug>` as in `Tag.id`. */
export interface UserTag {
  id: string;
  label: string;
  createdAt: number;
}

/** A personal-tag model: what lib/classify/personal.ts learned for one tag, as plain JSON. */
export interface StoredModel {
  /** The tag it predicts, `user:<slug>`. */
  id: string;
  updatedAt: number;
  model: unknown;
}

/** A paper the user removed, kept so "undo" can bring it back exactly, and so sync knows it went. */
export interface RemovedPaper {
  id: string;
  removedAt: number;
  paper: StoredPaper;
}

export interface PaperLensSchema extends DBSchema {
  papers: {
    key: string;
    value: StoredPaper;
    indexes: { keys: string; lastSeenAt: number; savedAt: number; userTags: string; sites: string };
  };
  tags: { key: string; value: UserTag };
  models: { key: string; value: StoredModel };
  removed: { key: string; value: RemovedPaper; indexes: { removedAt: number } };
  settings: { key: string; value: unknown };
  sync: { key: string; value: unknown };
}

export type PaperDb = IDBPDatabase<PaperLensSchema>;
type UpgradeTx = IDBPTransaction<PaperLensSchema, StoreNames<PaperLensSchema>[], 'versionchange'>;

export const MIGRATIONS: Record<number, (db: PaperDb, tx: UpgradeTx) => Promise<void> | void> = {
  1(db) {
    const papers = db.createObjectStore('papers', { keyPath: 'id' });
    papers.createIndex('keys', 'keys', { multiEntry: true });
    papers.createIndex('lastSeenAt', 'lastSeenAt');
    papers.createIndex('savedAt', 'savedAt');
    db.createObjectStore('settings');
  },
  async 2(db, tx) {
    const papers = tx.objectStore('papers');
    papers.createIndex('userTags', 'userTags', { multiEntry: true });
    papers.createIndex('sites', 'sites', { multiEntry: true });
    db.createObjectStore('tags', { keyPath: 'id' });
    db.createObjectStore('models', { keyPath: 'id' });
    db.createObjectStore('removed', { keyPath: 'id' }).createIndex('removedAt', 'removedAt');

    // v1 stored user tags as typed; v2 keeps them tidy and lists each in the tags store.
    const tags = tx.objectStore('tags');
    const seenTags = new Set<string>();
    for (let cursor = await papers.openCursor(); cursor; cursor = await cursor.continue()) {
      const paper = cursor.value;
      const userTags = normaliseUserTags(paper.userTags ?? []);
      for (const label of userTags) {
        const id = userTagId(label);
        if (seenTags.has(id)) continue;
        seenTags.add(id);
        await tags.put({ id, label, createdAt: paper.savedAt ?? paper.firstSeenAt });
      }
      const upgraded: StoredPaper = { ...paper, userTags, keys: identityKeys(paper) };
      if (upgraded.savedAt === undefined) delete upgraded.savedAt;
      await cursor.update(upgraded);
    }
  },
  3(db) {
    db.createObjectStore('sync');
  },
  async 4(_db, tx) {
    for (let cursor = await tx.objectStore('papers').openCursor(); cursor; cursor = await cursor.continue()) {
      const results = readableResults(cursor.value.results);
      if (results) await cursor.update({ ...cursor.value, results });
    }
    // Removed papers come back exactly as they are kept: they are read the same way.
    for (let cursor = await tx.objectStore('removed').openCursor(); cursor; cursor = await cursor.continue()) {
      const results = readableResults(cursor.value.paper.results);
      if (results) await cursor.update({ ...cursor.value, paper: { ...cursor.value.paper, results } });
    }
  },
};

/** The claims with their values and comparators read from TeX, or null when none needed it. */
function readableResults(results: ResultClaim[] | undefined): ResultClaim[] | null {
  if (!results?.length) return null;
  let changed = false;
  const read = results.map((claim) => {
    const value = readableTex(claim.value);
    const comparator = readableTex(claim.comparator);
    if (value === claim.value && comparator === claim.comparator) return claim;
    changed = true;
    return { ...claim, value, comparator };
  });
  return changed ? read : null;
}

/** Opens (creating or upgrading) the database; `version` below the current one is for migration tests. */
export function openPaperDb(name = DB_NAME, version = DB_VERSION): Promise<PaperDb> {
  return openDB<PaperLensSchema>(name, version, {
    async upgrade(db, oldVersion, newVersion, tx) {
      for (let step = oldVersion + 1; step <= (newVersion ?? version); step++) await MIGRATIONS[step]?.(db, tx);
    },
  });
}

export function storedPaper(paper: Paper): StoredPaper {
  const stored: StoredPaper = { ...paper, keys: identityKeys(paper) };
  // An absent savedAt keeps unsaved papers out of the savedAt index.
  if (stored.savedAt === undefined) delete stored.savedAt;
  return stored;
}

export type WriteTx = IDBPTransaction<PaperLensSchema, StoreNames<PaperLensSchema>[], 'readwrite'>;

/**
 * Runs `work` in one read-write transaction over `stores`: all of it is written, or none. An error
 * thrown in JavaScript does not by itself stop IndexedDB from committing the requests already made,
 * so on any failure the transaction is aborted explicitly.
 */
export async function writeTransaction<T>(db: PaperDb, stores: StoreNames<PaperLensSchema>[], work: (tx: WriteTx) => Promise<T>): Promise<T> {
  const tx = db.transaction(stores, 'readwrite');
  try {
    const result = await work(tx);
    await tx.done;
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted by IndexedDB itself (a failed request aborts its transaction).
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
}
