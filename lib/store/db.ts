import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { identityKeys, type Paper } from '../model';

/**
 * IndexedDB schema. Bump `DB_VERSION` and add a step to `MIGRATIONS` for every change; each step
 * upgrades from the version before it, and tests upgrade real data written by the old version.
 */
export const DB_NAME = 'paperlens';
export const DB_VERSION = 1;

/** A stored paper, plus the keys it can be found by (id, aliases, normalised title). */
export interface StoredPaper extends Paper {
  keys: string[];
}

export interface PaperLensSchema extends DBSchema {
  papers: {
    key: string;
    value: StoredPaper;
    indexes: { keys: string; lastSeenAt: number; savedAt: number };
  };
  settings: { key: string; value: unknown };
}

export type PaperDb = IDBPDatabase<PaperLensSchema>;
type UpgradeTx = IDBPTransaction<PaperLensSchema, ('papers' | 'settings')[], 'versionchange'>;

const MIGRATIONS: Record<number, (db: PaperDb, tx: UpgradeTx) => void> = {
  1(db) {
    const papers = db.createObjectStore('papers', { keyPath: 'id' });
    papers.createIndex('keys', 'keys', { multiEntry: true });
    papers.createIndex('lastSeenAt', 'lastSeenAt');
    papers.createIndex('savedAt', 'savedAt');
    db.createObjectStore('settings');
  },
};

export function openPaperDb(name = DB_NAME): Promise<PaperDb> {
  return openDB<PaperLensSchema>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (let version = oldVersion + 1; version <= DB_VERSION; version++) MIGRATIONS[version]?.(db, tx);
    },
  });
}

export function storedPaper(paper: Paper): StoredPaper {
  return { ...paper, keys: identityKeys(paper) };
}
