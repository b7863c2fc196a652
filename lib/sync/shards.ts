import { canonicalUrl } from '../model';
import { compareHlc, type Hlc } from './clock';
import { SYNC_FIELDS, latestStamp, isSaved, type Register, type SyncRecord } from './replica';
import { SYNC_DICTIONARY } from './dictionary';

/**
 * How the replica is laid out in `storage.sync` (Chrome and Firefox: 102,400 bytes in all, 8,192 per
 * key counting the key, 512 keys; a key's size is its name plus its value's JSON).
 *
 * Records are spread over SHARD_COUNT keys by a hash of the paper id, so an edit rewrites one ~2 KB shard,
 * not the whole list. Each shard is compact JSON (clocks as base-36 offsets, a per-shard device table,
 * URLs left out when they follow from the id), deflated with a preset dictionary of words common in
 * paper titles, then base64: about 3× smaller than plain JSON on real titles (see `npm run bench`).
 */
export const QUOTA_BYTES = 102_400;
export const QUOTA_BYTES_PER_ITEM = 8_192;
export const SHARD_COUNT = 16;
/** Room kept for the device registry and for Chrome's own accounting. */
const RESERVED_BYTES = 4_096;
/** A shard may grow this close to the per-key limit. */
const SHARD_BUDGET = QUOTA_BYTES_PER_ITEM - 256;
export const SHARD_PREFIX = 's';
const FORMAT = 1;

/** Deflate and inflate with the preset dictionary. */
interface Compression {
  deflate(text: string): Uint8Array;
  inflate(bytes: Uint8Array): string;
}

/** Reading and writing shards: the layout of the replica in sync storage, and what a stored value holds. */
export interface ShardCodec {
  decodeShard(value: unknown): DecodedShard;
  layoutReplica(records: Iterable<SyncRecord>, collected?: readonly number[]): ShardLayout;
}

/**
 * The shard codec, with fflate loaded only now: fflate builds its tables when it is evaluated, the worker
 * evaluates its whole script at every start (after each idle stop), and most starts never sync. Loaded
 * here rather than at the top, the worker's script ran ~5 ms (a fifth) shorter per start in Chromium.
 */
export async function loadShardCodec(): Promise<ShardCodec> {
  const { deflateSync, inflateSync, strFromU8, strToU8 } = await import('fflate');
  const dictionary = strToU8(SYNC_DICTIONARY);
  const compression: Compression = {
    deflate: (text) => deflateSync(strToU8(text), { level: 9, dictionary }),
    inflate: (bytes) => strFromU8(inflateSync(bytes, { dictionary })),
  };
  return {
    decodeShard: (value) => decodeShard(value, compression),
    layoutReplica: (records, collected = []) => layoutReplica(records, collected, compression),
  };
}

export function shardKey(index: number): string {
  return `${SHARD_PREFIX}${index.toString(36)}`;
}

export function isShardKey(key: string): boolean {
  return key.startsWith(SHARD_PREFIX) && /^s[0-9a-z]{1,2}$/.test(key);
}

/** FNV-1a: a fast, stable hash; the shard of a paper must be the same on every device and version. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function shardOf(id: string): number {
  return fnv1a(id) % SHARD_COUNT;
}

type EncodedClock = string;
/** [id, saved, savedClock, title, titleClock, url, urlClock, tags, tagsClock, note, noteClock, read, readClock] */
type EncodedRecord = (string | number | boolean | string[] | null)[];
interface EncodedShard {
  f: number;
  /** Tombstones stamped at or before this wall time have been collected (see engine.ts). */
  g?: number;
  /** Base wall time, ms. */
  b: number;
  /** Devices, indexed by the clocks. */
  d: string[];
  r: EncodedRecord[];
}

function encodeShardRecords(records: SyncRecord[], collectedBefore: number, compression: Compression): string {
  const devices: string[] = [];
  const deviceIndex = (device: string) => {
    let i = devices.indexOf(device);
    if (i === -1) i = devices.push(device) - 1;
    return i;
  };
  const base = records.length ? Math.min(...records.map((r) => r.saved.at.wall)) : 0;
  const clock = (at: Hlc): EncodedClock => `${(at.wall - base).toString(36)}.${at.count.toString(36)}.${deviceIndex(at.device).toString(36)}`;
  // A field stamped by the same event as `saved` (the usual case: saved with its title) stores ''.
  const fieldClock = (at: Hlc, savedAt: Hlc): EncodedClock => (compareHlc(at, savedAt) === 0 ? '' : clock(at));
  const rows = records.map((record) => {
    // A paper saved by the same event that stamped it (the usual case) stores 1, not 13 digits of time.
    const saved = record.saved.value === record.saved.at.wall ? 1 : record.saved.value;
    const row: EncodedRecord = [record.id, saved, clock(record.saved.at)];
    for (const field of SYNC_FIELDS) {
      const register = record[field] as Register<unknown> | undefined;
      if (!register) row.push(null, null);
      else {
        const value = field === 'url' && register.value === canonicalUrl(record.id) ? 1 : register.value;
        row.push(value as EncodedRecord[number], fieldClock(register.at, record.saved.at));
      }
    }
    while (row.length > 3 && row[row.length - 1] === null) row.pop();
    return row;
  });
  const shard: EncodedShard = { f: FORMAT, b: base, d: devices, r: rows, ...(collectedBefore ? { g: collectedBefore } : {}) };
  const packed = compression.deflate(JSON.stringify(shard));
  let binary = '';
  for (let i = 0; i < packed.length; i++) binary += String.fromCharCode(packed[i]!);
  return btoa(binary);
}

function decodeClock(text: string, base: number, devices: string[], savedAt?: Hlc): Hlc | null {
  if (text === '' && savedAt) return savedAt;
  const [wall, count, device] = text.split('.');
  const name = devices[parseInt(device ?? '', 36)];
  if (wall === undefined || count === undefined || name === undefined) return null;
  return { wall: base + parseInt(wall, 36), count: parseInt(count, 36), device: name };
}

export interface DecodedShard {
  records: SyncRecord[];
  collectedBefore: number;
}

const NOTHING: DecodedShard = { records: [], collectedBefore: 0 };

/** The records in one shard's stored value; nothing (never an exception) for a value it cannot read. */
function decodeShard(value: unknown, compression: Compression): DecodedShard {
  if (typeof value !== 'string' || value.length > QUOTA_BYTES_PER_ITEM) return NOTHING;
  try {
    const binary = atob(value);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    const shard = JSON.parse(compression.inflate(bytes)) as EncodedShard;
    if (shard.f !== FORMAT || !Array.isArray(shard.r) || !Array.isArray(shard.d)) return NOTHING;
    const records: SyncRecord[] = [];
    for (const row of shard.r) {
      const [id, savedValue, savedClock] = row;
      if (typeof id !== 'string' || typeof savedValue !== 'number' || typeof savedClock !== 'string') continue;
      const savedAt = decodeClock(savedClock, shard.b, shard.d);
      if (!savedAt) continue;
      const record: SyncRecord = { id, saved: { value: savedValue === 1 ? savedAt.wall : savedValue, at: savedAt } };
      SYNC_FIELDS.forEach((field, i) => {
        const value = row[3 + 2 * i];
        const at = row[4 + 2 * i];
        if (value === null || value === undefined || typeof at !== 'string') return;
        const stamp = decodeClock(at, shard.b, shard.d, savedAt);
        if (!stamp) return;
        (record as Record<string, unknown>)[field] = { value: field === 'url' && value === 1 ? canonicalUrl(id) : value, at: stamp };
      });
      records.push(record);
    }
    return { records, collectedBefore: Number.isFinite(shard.g) ? shard.g! : 0 };
  } catch {
    return NOTHING;
  }
}

export interface ShardLayout {
  /** Shard key → stored value, for every shard (empty shards included, as ''). */
  shards: Map<string, string>;
  /** Records that fit; the rest stay on this device only. */
  included: number;
  /** Of those, how many carry their title (the most recent first). */
  withTitle: number;
  excluded: number;
  bytes: number;
}

/** Bytes a key takes in storage.sync: its name plus its value's JSON. */
export function itemBytes(key: string, value: unknown): number {
  return key.length + new TextEncoder().encode(JSON.stringify(value)).length;
}

interface Attempt {
  shards: Map<string, string>;
  fits: boolean;
  bytes: number;
}

/**
 * Encoded shards by content, so a flush re-compresses only the shards whose records changed (deflate with
 * a preset dictionary is the costly step). Keyed on ids and stamps, which identify a record's content.
 */
const encodedShards = new Map<string, string>();
const ENCODED_SHARDS_KEPT = 256;

function encodeShardCached(records: SyncRecord[], collectedBefore: number, compression: Compression): string {
  const signature = JSON.stringify([collectedBefore, records.map((r) => [r.id, r.saved, ...SYNC_FIELDS.map((f) => r[f]?.at ?? null)])]);
  let value = encodedShards.get(signature);
  if (value === undefined) {
    value = encodeShardRecords(records, collectedBefore, compression);
    if (encodedShards.size >= ENCODED_SHARDS_KEPT) encodedShards.delete(encodedShards.keys().next().value!);
    encodedShards.set(signature, value);
  }
  return value;
}

function layout(records: SyncRecord[], collected: readonly number[], compression: Compression): Attempt {
  const groups: SyncRecord[][] = Array.from({ length: SHARD_COUNT }, () => []);
  for (const record of records) groups[shardOf(record.id)]!.push(record);
  const shards = new Map<string, string>();
  let bytes = 0;
  let fits = true;
  groups.forEach((group, i) => {
    const key = shardKey(i);
    const g = collected[i] ?? 0;
    const value = group.length || g ? encodeShardCached(group.sort((a, b) => (a.id < b.id ? -1 : 1)), g, compression) : '';
    const size = itemBytes(key, value);
    if (size > SHARD_BUDGET) fits = false;
    bytes += size;
    shards.set(key, value);
  });
  return { shards, fits: fits && bytes <= QUOTA_BYTES - RESERVED_BYTES, bytes };
}

/** Papers a layout may fall short of the exact largest prefix that fits: each probe re-compresses every shard. */
const FIT_TOLERANCE = 0.005;

/**
 * The largest n in [0, max] for which `attempt(n)` fits (fitting is monotone in n), within FIT_TOLERANCE
 * of max. Bytes grow about linearly in n, so probes are interpolated from the bytes of the last ones,
 * alternating with bisection so that the range at least halves every two probes.
 */
function largestFitting(max: number, attempt: (n: number) => Attempt): [number, Attempt] {
  const all = attempt(max);
  if (all.fits) return [max, all];
  const budget = QUOTA_BYTES - RESERVED_BYTES;
  let low = 0;
  let best = attempt(0);
  let high = max;
  let highBytes = all.bytes;
  const slack = Math.max(1, Math.floor(max * FIT_TOLERANCE));
  let bisect = false;
  for (let step = 0; high - low > slack; step++) {
    const share = (budget - best.bytes) / Math.max(1, highBytes - best.bytes);
    const guess = bisect ? (low + high) / 2 : low + (high - low) * share * 0.995;
    const mid = Math.min(high - 1, Math.max(low + 1, Math.floor(guess)));
    const probe = attempt(mid);
    if (probe.fits) {
      low = mid;
      best = probe;
    } else {
      high = mid;
      highBytes = probe.bytes;
    }
    // Every other probe bisects, so a poor interpolation (one shard over its 8 KB while the total is
    // under budget, or no room left at all) still halves the range.
    bisect = step % 2 === 0;
  }
  return [low, best];
}

/** A record as it travels when space is short: without its title. */
function bareRecord(record: SyncRecord): SyncRecord {
  const { title: _title, ...rest } = record;
  return rest;
}

/**
 * Lays the replica out in shards within the quota. Titles are most of a record's bytes (about 50 of 70
 * after compression), and 100 KB cannot hold 2,000 of them, so the layout degrades in two steps rather
 * than dropping papers: first every record goes without its title except the most recent ones (a device
 * that lacks a title keeps the id and shows the title once it sees the paper; a missing register is
 * "unknown", never "deleted"); only when even bare records do not fit are the oldest left out, tombstones
 * last (so no delete is undone). Those stay on this device only, and the caller says so.
 */
function layoutReplica(records: Iterable<SyncRecord>, collected: readonly number[], compression: Compression): ShardLayout {
  const byPriority = [...records].sort((a, b) => {
    const tombstoneFirst = Number(isSaved(a)) - Number(isSaved(b));
    return tombstoneFirst || compareHlc(latestStamp(b), latestStamp(a));
  });
  const bare = byPriority.map(bareRecord);
  const [included] = largestFitting(byPriority.length, (n) => layout(bare.slice(0, n), collected, compression));
  const [withTitle, chosen] = largestFitting(included, (m) => layout([...byPriority.slice(0, m), ...bare.slice(m, included)], collected, compression));
  return { shards: chosen.shards, included, withTitle, excluded: byPriority.length - included, bytes: chosen.bytes };
}
