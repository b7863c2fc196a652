import { canonicalUrl, type Paper } from '../model';
import { storedPaper, writeTransaction, type PaperDb, type StoredPaper, type WriteTx } from '../store/db';
import { normaliseUserTags, userTagId } from '../store/tags';
import type { Hlc } from './clock';
import type { LocalEdit, ReplicaStore } from './engine';
import { isSaved, visibleValues, type SyncRecord } from './replica';
import { SHARD_COUNT } from './shards';

/** The `sync` object store holds one replica record per paper id, and this key for the engine's state. */
const META_KEY = '\u0000meta';
interface SyncMeta {
  clock?: Hlc;
  collected?: number[];
}

/**
 * The replica kept in IndexedDB beside the papers. Saving merged records and applying them to the papers
 * happen in one transaction, so the replica and what the user sees never disagree.
 */
export class IdbReplicaStore implements ReplicaStore {
  constructor(private readonly db: () => Promise<PaperDb>) {}

  async load(): Promise<{ records: SyncRecord[]; clock?: Hlc; collected?: number[] }> {
    const db = await this.db();
    const tx = db.transaction('sync', 'readonly');
    const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
    let meta: SyncMeta = {};
    const records: SyncRecord[] = [];
    keys.forEach((key, i) => {
      if (key === META_KEY) meta = values[i] as SyncMeta;
      else records.push(values[i] as SyncRecord);
    });
    return { records, clock: meta.clock, collected: meta.collected?.length === SHARD_COUNT ? meta.collected : undefined };
  }

  async save(changed: SyncRecord[], clock: Hlc, origin: 'local' | 'remote'): Promise<void> {
    await writeTransaction(await this.db(), ['sync', 'papers', 'tags', 'removed'], async (tx) => {
      const store = tx.objectStore('sync');
      for (const record of changed) {
        await store.put(record, record.id);
        // Local edits are already in the papers (with notes uncut); only other devices' changes are applied.
        if (origin === 'remote') await applyToPaper(tx, record);
      }
      const meta = ((await store.get(META_KEY)) as SyncMeta | undefined) ?? {};
      await store.put({ ...meta, clock }, META_KEY);
    });
  }

  async forget(ids: string[], collected: number[]): Promise<void> {
    await writeTransaction(await this.db(), ['sync'], async (tx) => {
      const store = tx.objectStore('sync');
      for (const id of ids) await store.delete(id);
      const meta = ((await store.get(META_KEY)) as SyncMeta | undefined) ?? {};
      await store.put({ ...meta, collected }, META_KEY);
    });
  }
}

/** A paper known only from another device: what the replica carries, the rest empty. */
function paperFromReplica(record: SyncRecord): Paper {
  const savedAt = record.saved.value || record.saved.at.wall;
  return {
    id: record.id,
    aliases: [],
    title: record.title?.value ?? '',
    authors: [],
    abstract: '',
    abstractKind: 'none',
    url: record.url?.value || canonicalUrl(record.id),
    subjects: [],
    sites: [],
    tags: [],
    results: [],
    artifacts: [],
    saved: false,
    firstSeenAt: savedAt,
    lastSeenAt: savedAt,
    seen: [],
    userTags: [],
    note: '',
    read: false,
  };
}

/** Makes the local paper show what a merged replica record says; papers are never deleted here. */
async function applyToPaper(tx: WriteTx, record: SyncRecord): Promise<void> {
  const papers = tx.objectStore('papers');
  const existing = (await papers.get(record.id)) ?? (await papers.index('keys').get(record.id));
  if (!isSaved(record)) {
    if (existing?.saved) {
      const unsaved: StoredPaper = { ...existing, saved: false };
      delete unsaved.savedAt;
      await papers.put(unsaved);
    }
    return;
  }
  const removed = existing ? undefined : await tx.objectStore('removed').get(record.id);
  if (removed) await tx.objectStore('removed').delete(removed.id);
  const base: Paper = existing ?? removed?.paper ?? paperFromReplica(record);
  const values = visibleValues(record);
  const userTags = values.tags ? normaliseUserTags(values.tags) : base.userTags;
  for (const label of userTags) {
    const id = userTagId(label);
    if (!(await tx.objectStore('tags').get(id))) await tx.objectStore('tags').put({ id, label, createdAt: record.saved.value });
  }
  await papers.put(
    storedPaper({
      ...base,
      title: base.title || values.title || '',
      url: base.url || values.url || canonicalUrl(record.id),
      saved: true,
      savedAt: record.saved.value,
      userTags,
      note: values.note ?? base.note,
      read: values.read ?? base.read,
    }),
  );
}

/** What the user's change to a paper means for sync; the engine drops fields that did not change. */
export function editOf(paper: Paper): LocalEdit {
  return paper.saved
    ? { id: paper.id, saved: true, title: paper.title, url: paper.url, tags: paper.userTags, note: paper.note, read: paper.read }
    : { id: paper.id, saved: false };
}
