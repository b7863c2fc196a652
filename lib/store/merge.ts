import { type Artifact, type Paper, type Sighting } from '../model';
import type { EnrichedEntry } from '../pipeline';
import { normaliseUserTags } from './tags';

/** Sightings kept per paper. */
export const SIGHTINGS_KEPT = 20;

const ABSTRACT_RANK = { none: 0, snippet: 1, full: 2 } as const;
const ID_RANK = ['arxiv:', 'doi:', 'openreview:', 'acl:', 'pubmed:'];
/** Schemes where one paper has exactly one id: two different ones mean two papers, whatever the titles say. */
const SINGLE_ID_SCHEMES = ['arxiv:', 'openreview:', 'acl:', 'pubmed:'];

/** Lower is stronger: an arXiv id beats a DOI beats … beats a title fallback. */
function idStrength(id: string): number {
  const rank = ID_RANK.findIndex((prefix) => id.startsWith(prefix));
  return rank === -1 ? ID_RANK.length : rank;
}

function union<T>(a: readonly T[], b: readonly T[]): T[] {
  return [...new Set([...a, ...b])];
}

export function newPaper(entry: EnrichedEntry, sighting: Sighting): Paper {
  return {
    id: entry.id,
    aliases: entry.aliases.filter((alias) => alias !== entry.id),
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
    artifacts: entry.artifacts ?? [],
    saved: false,
    firstSeenAt: sighting.at,
    lastSeenAt: sighting.at,
    seen: [sighting],
    userTags: [],
    note: '',
    read: false,
  };
}

/** Two notes become one without losing either: identical or contained text is kept once. */
function mergeNotes(a: string, b: string): string {
  if (a.includes(b)) return a;
  if (b.includes(a)) return b;
  return `${a}\n\n${b}`;
}

function mergeSightings(a: readonly Sighting[], b: readonly Sighting[]): Sighting[] {
  const byKey = new Map([...a, ...b].map((s) => [`${s.at} ${s.url}`, s]));
  return [...byKey.values()].sort((x, y) => y.at - x.at).slice(0, SIGHTINGS_KEPT);
}

function mergeArtifacts(a: readonly Artifact[], b: readonly Artifact[]): Artifact[] {
  return [...new Map([...a, ...b].map((artifact) => [artifact.url, artifact])).values()];
}

/**
 * One paper known twice (seen again on this or another site, or arriving from a backup): what is
 * known better replaces the old (a full abstract beats a snippet, the later sighting's tags and
 * results win), everything the user set is kept from both, and the stronger id wins.
 */
export function mergePapers(old: Paper, incoming: Paper): Paper {
  const id = idStrength(incoming.id) < idStrength(old.id) ? incoming.id : old.id;
  const newer = incoming.lastSeenAt >= old.lastSeenAt ? incoming : old;
  const older = newer === incoming ? old : incoming;
  const betterAbstract = ABSTRACT_RANK[incoming.abstractKind] > ABSTRACT_RANK[old.abstractKind];
  const savedAt = [old.savedAt, incoming.savedAt].filter((t): t is number => t !== undefined);
  const merged: Paper = {
    ...old,
    id,
    aliases: union([...old.aliases, old.id], [...incoming.aliases, incoming.id]).filter((alias) => alias !== id),
    title: old.title || incoming.title,
    authors: incoming.authors.length > old.authors.length ? incoming.authors : old.authors,
    abstract: betterAbstract ? incoming.abstract : old.abstract,
    abstractKind: betterAbstract ? incoming.abstractKind : old.abstractKind,
    url: id === old.id ? old.url || incoming.url : incoming.url,
    pdfUrl: old.pdfUrl ?? incoming.pdfUrl,
    subjects: union(old.subjects, incoming.subjects),
    venue: old.venue ?? incoming.venue,
    year: old.year ?? incoming.year,
    sites: union(old.sites, incoming.sites),
    tags: newer.tags.length ? newer.tags : older.tags,
    results: newer.results.length ? newer.results : older.results,
    artifacts: mergeArtifacts(old.artifacts, incoming.artifacts),
    saved: old.saved || incoming.saved,
    firstSeenAt: Math.min(old.firstSeenAt, incoming.firstSeenAt),
    lastSeenAt: Math.max(old.lastSeenAt, incoming.lastSeenAt),
    seen: mergeSightings(old.seen, incoming.seen),
    userTags: normaliseUserTags([...old.userTags, ...incoming.userTags]),
    note: mergeNotes(old.note, incoming.note),
    read: old.read || incoming.read,
  };
  if (merged.saved && savedAt.length) merged.savedAt = Math.min(...savedAt);
  else delete merged.savedAt;
  for (const field of ['pdfUrl', 'venue', 'year'] as const) if (merged[field] === undefined) delete merged[field];
  return merged;
}

/**
 * Whether two records found under a shared key are one paper, from their identity keys (a stored record's
 * `keys`, so a batch does not normalise the same titles again for every pair it compares). A shared id
 * or alias says so; a shared title alone does not when each has its own, different arXiv (OpenReview,
 * ACL, PubMed) id.
 */
export function canMerge(aKeys: readonly string[], bKeys: readonly string[]): boolean {
  const bSet = new Set(bKeys);
  if (aKeys.some((key) => !key.startsWith('title:') && bSet.has(key))) return true;
  return !SINGLE_ID_SCHEMES.some((scheme) => {
    const mine = aKeys.filter((key) => key.startsWith(scheme));
    return mine.length > 0 && bKeys.some((key) => key.startsWith(scheme)) && !mine.some((key) => bSet.has(key));
  });
}
