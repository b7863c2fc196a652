import { HlcClock, type Hlc } from './clock';
import { SYNC_FIELDS, editRecord, isSaved, latestStamp, mergeInto, sameRecord, visibleValues, type Replica, type SyncRecord, type SyncValues } from './replica';
import { QUOTA_BYTES, SHARD_COUNT, fnv1a, isShardKey, loadShardCodec, shardKey, shardOf, type ShardCodec } from './shards';

/**
 * The sync engine of one device. IndexedDB stays the source of truth; the engine keeps the replica
 * (lib/sync/replica.ts) beside it, merges what arrives from `storage.sync` into it, and writes back only
 * the shards that changed. It never replaces local data with remote data: everything goes through the
 * CRDT merge, so a device that was offline for weeks, or whose write lost a race, loses nothing and
 * catches up on its next flush.
 */

/** The part of `browser.storage.sync` the engine uses. */
export interface SyncArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** Where the device keeps its replica, and how merged changes reach its papers (IndexedDB). */
export interface ReplicaStore {
  load(): Promise<{ records: SyncRecord[]; clock?: Hlc; collected?: number[] }>;
  /** Persists the replica; records that came from other devices are also applied to the local papers. */
  save(changed: SyncRecord[], clock: Hlc, origin: 'local' | 'remote'): Promise<void>;
  /** Forgets collected tombstones, and remembers up to when each shard's were collected. */
  forget(ids: string[], collected: number[]): Promise<void>;
}

/** A change the user made on this device. `saved: false` removes the paper (a tombstone). */
export interface LocalEdit extends Partial<SyncValues> {
  id: string;
  saved?: boolean;
}

export interface SyncStatus {
  state: 'ok' | 'partial' | 'error';
  lastSyncedAt?: number;
  /** Saved papers in the replica, and how many of them the last flush could put in sync storage. */
  papers: number;
  papersSynced: number;
  /** Of those synced, how many carry their title. */
  papersWithTitle: number;
  bytesUsed: number;
  quotaBytes: number;
  lastError?: string;
}

/**
 * Device registry entries: `d_<device id>` → {a: when it last flushed, h: per shard, a hash of the shard
 * value it last wrote or merged}. A hash there means the device's replica holds everything in that value.
 */
const DEVICE_PREFIX = 'd_';
interface DeviceEntry {
  a: number;
  h: string[];
}
/** Tombstones younger than this are never collected. */
export const TOMBSTONE_TTL_MS = 30 * 24 * 3600_000;
/** Tombstones are collected only by a device that heard from another device this recently (clocks may be a day apart). */
const REGISTRY_FRESH_MS = 3 * 24 * 3600_000;
/** Devices silent for longer than this no longer hold tombstones back (the one documented risk, docs/sync.md). */
export const DEVICE_EXPIRY_MS = 180 * 24 * 3600_000;

function valueHash(value: unknown): string {
  return typeof value === 'string' && value ? fnv1a(value).toString(36) : '';
}

function changedFields(current: Partial<SyncValues>, next: Partial<SyncValues>): Partial<SyncValues> {
  const changed: Partial<SyncValues> = {};
  for (const field of SYNC_FIELDS) {
    const value = next[field];
    if (value !== undefined && JSON.stringify(value) !== JSON.stringify(current[field])) (changed as Record<string, unknown>)[field] = value;
  }
  return changed;
}

export class SyncEngine {
  private replica: Replica | null = null;
  /** Per shard: tombstones stamped at or before this wall time were collected everywhere. */
  private collected: number[] = new Array<number>(SHARD_COUNT).fill(0);
  private clock: HlcClock;
  /** Loaded by the first sync, not when the worker starts (see loadShardCodec). */
  private codec: Promise<ShardCodec> | null = null;
  private lastStatus: SyncStatus | null = null;

  constructor(
    private readonly area: SyncArea,
    private readonly store: ReplicaStore,
    readonly device: string,
    private readonly now: () => number = Date.now,
  ) {
    this.clock = new HlcClock(device, now);
  }

  get status(): SyncStatus | null {
    return this.lastStatus;
  }

  private async loaded(): Promise<Replica> {
    if (!this.replica) {
      const { records, clock, collected } = await this.store.load();
      this.replica = new Map(records.map((r) => [r.id, r]));
      if (collected?.length === SHARD_COUNT) this.collected = [...collected];
      this.clock = new HlcClock(this.device, this.now, clock);
      for (const record of records) this.clock.observe(latestStamp(record));
    }
    return this.replica;
  }

  private shardCodec(): Promise<ShardCodec> {
    return (this.codec ??= loadShardCodec());
  }

  /**
   * Records the user's edits, stamped now. Only the saved list syncs: an edit to a paper that is not
   * saved here is ignored, saving a paper already saved changes nothing but the fields given, and a field
   * whose value did not change is not stamped (so it cannot outrank another device's real edit).
   */
  async recordLocal(edits: LocalEdit[]): Promise<SyncRecord[]> {
    const replica = await this.loaded();
    const records: SyncRecord[] = [];
    for (const { id, saved, ...values } of edits) {
      const current = replica.get(id);
      const live = current !== undefined && isSaved(current);
      if (!live && saved !== true) continue;
      const changedValues = live ? changedFields(visibleValues(current), values) : values;
      const savedChanges = saved === false ? live : !live;
      if (!savedChanges && !Object.keys(changedValues).length) continue;
      const at = this.clock.now();
      const savedRegister = savedChanges ? { value: saved ? at.wall : 0, at } : current!.saved;
      records.push(editRecord(id, savedRegister, changedValues, at));
    }
    const changed = mergeInto(replica, records);
    if (changed.length) await this.store.save(changed.map((id) => replica.get(id)!), this.clock.latest, 'local');
    return changed.map((id) => replica.get(id)!);
  }

  /** Merges shards that arrived (from `storage.onChanged` or a read); returns the records that changed here. */
  async receive(items: Record<string, unknown>): Promise<SyncRecord[]> {
    const replica = await this.loaded();
    const codec = await this.shardCodec();
    const fresh: SyncRecord[] = [];
    let collectionMoved = false;
    for (const [key, value] of Object.entries(items)) {
      if (!isShardKey(key)) continue;
      const shard = codec.decodeShard(value);
      const index = parseInt(key.slice(1), 36);
      const collectedHere = this.collected[index] ?? 0;
      for (const record of shard.records) this.clock.observe(latestStamp(record));
      if (shard.collectedBefore > collectedHere) {
        this.collected[index] = shard.collectedBefore;
        // Later saves must order after everything collected, so a collected edit can never outrank them.
        this.clock.observe({ wall: shard.collectedBefore, count: 0, device: this.device });
        collectionMoved = true;
      }
      // A value written before the latest collection (a late or repeated delivery) may still hold the
      // saved copy of a paper whose delete was collected. Everything stamped before the collection reached
      // this replica before it was acknowledged, so such a record, unknown here, is one of those: skip it.
      const stale = shard.collectedBefore < collectedHere;
      for (const record of shard.records) {
        if (this.isCollected(record)) continue;
        if (stale && !replica.has(record.id) && latestStamp(record).wall <= collectedHere) continue;
        fresh.push(record);
      }
    }
    const changed = mergeInto(replica, fresh).map((id) => replica.get(id)!);
    if (changed.length) await this.store.save(changed, this.clock.latest, 'remote');
    if (collectionMoved) await this.forget([...replica.values()].filter((r) => this.isCollected(r)).map((r) => r.id));
    return changed;
  }

  private isCollected(record: SyncRecord): boolean {
    return !isSaved(record) && latestStamp(record).wall <= (this.collected[shardOf(record.id)] ?? 0);
  }

  private async forget(ids: string[]): Promise<void> {
    const replica = await this.loaded();
    for (const id of ids) replica.delete(id);
    await this.store.forget(ids, [...this.collected]);
  }

  /**
   * Reads the whole sync area, merges it, collects safe tombstones, and writes the shards that differ
   * (one `set` call: one write operation against Chrome's rate limits). Throws on a storage error, after
   * recording it in the status, so the caller can back off.
   */
  async flush(): Promise<SyncStatus> {
    const startedAt = this.now();
    try {
      const remote = await this.area.get(null);
      await this.receive(remote);
      await this.collectTombstones(remote, startedAt);
      const replica = await this.loaded();
      const layout = (await this.shardCodec()).layoutReplica(replica.values(), this.collected);
      const writes: Record<string, unknown> = {};
      const removals: string[] = [];
      for (const [key, value] of layout.shards) {
        if (value === '') {
          if (key in remote) removals.push(key);
        } else if (remote[key] !== value) writes[key] = value;
      }
      const entry: DeviceEntry = { a: startedAt, h: [...layout.shards.keys()].map((key) => valueHash(key in writes ? writes[key] : remote[key])) };
      writes[`${DEVICE_PREFIX}${this.device}`] = entry;
      await this.area.set(writes);
      if (removals.length) await this.area.remove(removals);
      const papers = [...replica.values()].filter(isSaved).length;
      const tombstones = replica.size - papers;
      const papersSynced = Math.max(0, layout.included - tombstones);
      this.lastStatus = {
        state: papersSynced < papers ? 'partial' : 'ok',
        lastSyncedAt: startedAt,
        papers,
        papersSynced,
        papersWithTitle: Math.min(layout.withTitle, papersSynced),
        bytesUsed: layout.bytes,
        quotaBytes: QUOTA_BYTES,
      };
      return this.lastStatus;
    } catch (e) {
      this.lastStatus = {
        ...(this.lastStatus ?? { papers: 0, papersSynced: 0, papersWithTitle: 0, bytesUsed: 0, quotaBytes: QUOTA_BYTES }),
        state: 'error',
        lastError: e instanceof Error ? e.message : String(e),
      };
      throw e;
    }
  }

  /**
   * Collects tombstones once it is safe: older than TOMBSTONE_TTL_MS, in a shard whose current value
   * holds them and which every device heard from in DEVICE_EXPIRY_MS has acknowledged (so every replica
   * already holds the delete, and no older copy of the paper is left to come back). The shard then
   * carries a collection mark, so the other devices drop the same tombstones instead of writing them back.
   */
  private async collectTombstones(remote: Record<string, unknown>, now: number): Promise<void> {
    const replica = await this.loaded();
    const others = Object.entries(remote)
      .filter(([key]) => key.startsWith(DEVICE_PREFIX) && key !== `${DEVICE_PREFIX}${this.device}`)
      .map(([, value]) => value as Partial<DeviceEntry> | null)
      .filter((entry): entry is DeviceEntry => Number.isFinite(entry?.a) && Array.isArray(entry?.h) && now - entry!.a! < DEVICE_EXPIRY_MS);
    // The registry this device sees may be missing devices: one it has not heard from yet (it may be
    // alone, or its copy of the sync area may be weeks old after time offline). So it collects only while
    // it hears from another device; a device that never has keeps its tombstones (a few bytes each).
    if (!others.some((entry) => now - entry.a < REGISTRY_FRESH_MS)) return;
    const codec = await this.shardCodec();
    const collectable: string[] = [];
    for (let index = 0; index < SHARD_COUNT; index++) {
      const value = remote[shardKey(index)];
      const hash = valueHash(value);
      if (!hash || !others.every((entry) => entry.h[index] === hash)) continue;
      const mark = this.collectionMark(index, codec.decodeShard(value).records, now);
      if (mark <= (this.collected[index] ?? 0)) continue;
      this.collected[index] = mark;
      this.clock.observe({ wall: mark, count: 0, device: this.device });
      collectable.push(...[...replica.values()].filter((r) => shardOf(r.id) === index && this.isCollected(r)).map((r) => r.id));
    }
    if (collectable.length) await this.forget(collectable);
  }

  /**
   * How far a shard's tombstones can be collected, given the shard value every device acknowledged. The
   * mark makes every device drop every tombstone stamped at or before it, so it stops below the first
   * tombstone here that is too young, or that the acknowledged value does not hold exactly as this replica
   * does (a delete the others may not have yet).
   */
  private collectionMark(index: number, acknowledged: SyncRecord[], now: number): number {
    const held = new Map(acknowledged.map((r) => [r.id, r]));
    const tombstones = [...this.replica!.values()]
      .filter((r) => !isSaved(r) && shardOf(r.id) === index)
      .map((r) => ({ record: r, wall: latestStamp(r).wall }))
      .sort((a, b) => a.wall - b.wall);
    let mark = this.collected[index] ?? 0;
    for (let i = 0; i < tombstones.length; i++) {
      const { record, wall } = tombstones[i]!;
      const acknowledgedCopy = held.get(record.id);
      const safe = now - wall > TOMBSTONE_TTL_MS && acknowledgedCopy !== undefined && sameRecord(acknowledgedCopy, record);
      // The mark covers whole wall times: it stops below this one, even if a safe tombstone shares it.
      if (!safe) return Math.min(mark, wall - 1);
      mark = Math.max(mark, wall);
    }
    return mark;
  }
}
