import type { Paper, Sighting, SiteId } from '../model';
import type { EnrichedEntry } from '../pipeline';
import { storedPaper, type PaperDb, type StoredPaper } from './db';

/** Papers seen but not saved are history; beyond this many the oldest are evicted. Saved papers never are. */
export const HISTORY_LIMIT = 20_000;
/** Sightings kept per paper. */
const SIGHTINGS_KEPT = 20;

const ABSTRACT_RANK = { none: 0, snippet: 1, full: 2 } as const;
const ID_RANK = ['arxiv:', 'doi:', 'openreview:', 'acl:', 'pubmed:'];

/** Lower is stronger: an arXiv id beats a DOI beats … beats a title fallback. */
function idStrength(id: string): number {
  const rank = ID_RANK.findIndex((prefix) => id.startsWith(prefix));
  return rank === -1 ? ID_RANK.length : rank;
}

function union<T>(a: readonly T[], b: readonly T[]): T[] {
  return [...new Set([...a, ...b])];
}

function newPaper(entry: EnrichedEntry, sighting: Sighting): Paper {
  return {
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
    firstSeenAt: sighting.at,
    lastSeenAt: sighting.at,
    seen: [sighting],
    userTags: [],
    note: '',
    read: false,
  };
}

/**
 * One paper seen again, on this or another site: fields the new sighting knows better replace the old
 * ones (a full abstract beats a snippet), everything the user set is kept, and the stronger id wins.
 */
export function mergeSighting(old: Paper, entry: EnrichedEntry, sighting: Sighting): Paper {
  const betterAbstract = ABSTRACT_RANK[entry.abstractKind] > ABSTRACT_RANK[old.abstractKind];
  const id = idStrength(entry.id) < idStrength(old.id) ? entry.id : old.id;
  return {
    ...old,
    id,
    aliases: union(old.aliases, [...entry.aliases, old.id, entry.id]).filter((alias) => alias !== id),
    title: old.title || entry.title,
    authors: old.authors.length ? old.authors : entry.authors,
    abstract: betterAbstract ? entry.abstract : old.abstract,
    abstractKind: betterAbstract ? entry.abstractKind : old.abstractKind,
    url: id === entry.id ? entry.url : old.url,
    pdfUrl: old.pdfUrl ?? entry.pdfUrl,
    subjects: union(old.subjects, entry.subjects),
    venue: old.venue ?? entry.venue,
    year: old.year ?? entry.year,
    sites: union(old.sites, [entry.site]),
    tags: entry.tags.length ? entry.tags : old.tags,
    results: entry.results.length ? entry.results : old.results,
    lastSeenAt: Math.max(old.lastSeenAt, sighting.at),
    seen: [sighting, ...old.seen].slice(0, SIGHTINGS_KEPT),
  };
}

async function findExisting(
  index: { get(key: string): Promise<StoredPaper | undefined> },
  keys: string[],
): Promise<StoredPaper | undefined> {
  for (const key of keys) {
    const found = await index.get(key);
    if (found) return found;
  }
  return undefined;
}

/**
 * Records one page's batch of papers in a single transaction: either every paper of the batch is
 * written or none is (a service worker stopped mid-batch leaves no partial records).
 */
export async function recordSightings(
  db: PaperDb,
  entries: EnrichedEntry[],
  where: { site: SiteId; url: string },
  now = Date.now(),
): Promise<Paper[]> {
  const tx = db.transaction('papers', 'readwrite');
  const byKey = tx.store.index('keys');
  const written: Paper[] = [];
  for (const entry of entries) {
    const sighting: Sighting = { site: where.site, url: where.url, at: now };
    const stored = storedPaper(newPaper(entry, sighting));
    const existing = await findExisting(byKey, stored.keys);
    const paper = existing ? storedPaper(mergeSighting(existing, entry, sighting)) : stored;
    if (existing && existing.id !== paper.id) await tx.store.delete(existing.id);
    await tx.store.put(paper);
    written.push(withoutKeys(paper));
  }
  await evictHistory(tx.store);
  await tx.done;
  return written;
}

/** Deletes the least recently seen unsaved papers beyond HISTORY_LIMIT. */
async function evictHistory(store: {
  count(): Promise<number>;
  index(name: 'lastSeenAt'): { openCursor(): Promise<{ value: StoredPaper; delete(): Promise<void>; continue(): Promise<unknown> } | null> };
}): Promise<void> {
  let excess = (await store.count()) - HISTORY_LIMIT;
  if (excess <= 0) return;
  let cursor = await store.index('lastSeenAt').openCursor();
  while (cursor && excess > 0) {
    if (!cursor.value.saved) {
      await cursor.delete();
      excess--;
    }
    cursor = (await cursor.continue()) as typeof cursor;
  }
}

export function withoutKeys(paper: StoredPaper): Paper {
  const { keys: _keys, ...rest } = paper;
  return rest;
}

export async function getPaper(db: PaperDb, id: string): Promise<Paper | undefined> {
  const found = (await db.get('papers', id)) ?? (await db.getFromIndex('papers', 'keys', id));
  return found && withoutKeys(found);
}

/** Saved papers, most recently saved first; or everything seen, most recently seen first. */
export async function listPapers(db: PaperDb, view: 'saved' | 'seen'): Promise<Paper[]> {
  const papers = await db.getAll('papers');
  const chosen = view === 'saved' ? papers.filter((p) => p.saved) : papers;
  const time = (p: StoredPaper) => (view === 'saved' ? (p.savedAt ?? 0) : p.lastSeenAt);
  return chosen.sort((a, b) => time(b) - time(a)).map(withoutKeys);
}

export async function setSaved(db: PaperDb, id: string, saved: boolean, now = Date.now()): Promise<Paper | undefined> {
  const tx = db.transaction('papers', 'readwrite');
  const existing = (await tx.store.get(id)) ?? (await tx.store.index('keys').get(id));
  if (!existing) {
    await tx.done;
    return undefined;
  }
  const updated: StoredPaper = { ...existing, saved, savedAt: saved ? (existing.savedAt ?? now) : undefined };
  await tx.store.put(updated);
  await tx.done;
  return withoutKeys(updated);
}
