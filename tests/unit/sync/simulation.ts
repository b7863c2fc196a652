import type { Hlc } from '../../../lib/sync/clock';
import { SyncEngine, type LocalEdit, type ReplicaStore, type SyncArea } from '../../../lib/sync/engine';
import { isSaved, visibleValues, type SyncRecord } from '../../../lib/sync/replica';

/** A device's replica kept in memory, as IndexedDB keeps it in the extension. */
export class MemoryReplicaStore implements ReplicaStore {
  records = new Map<string, SyncRecord>();
  clock?: Hlc;
  async load() {
    return { records: [...this.records.values()], clock: this.clock, collected: this.collected };
  }
  async save(changed: SyncRecord[], clock: Hlc, _origin: 'local' | 'remote') {
    for (const record of changed) this.records.set(record.id, record);
    this.clock = clock;
  }
  collected?: number[];
  /** Tombstones collected here, to check the collection path runs. */
  forgotten = 0;
  async forget(ids: string[], collected: number[]) {
    for (const id of ids) this.records.delete(id);
    this.forgotten += ids.length;
    this.collected = collected;
  }
}

type Items = Record<string, unknown>;

/** One simulated browser profile: its view of storage.sync, its engine, its clock skew. */
export class Device {
  readonly store = new MemoryReplicaStore();
  readonly engine: SyncEngine;
  /** What this browser's storage.sync holds locally. */
  local = new Map<string, unknown>();
  /** Firefox: the last state agreed with the server (the 3-way merge parent). */
  parent = new Map<string, unknown>();
  offlineUntil = 0;
  /** Chrome: keys written while offline, uploaded on reconnect. */
  pendingUpload = new Set<string>();

  constructor(
    readonly name: string,
    readonly network: Network,
    readonly skewMs: number,
  ) {
    this.engine = new SyncEngine(this.area(), this.store, name, () => network.time + skewMs);
  }

  private area(): SyncArea {
    return {
      get: async () => Object.fromEntries(this.local),
      set: async (items: Items) => {
        for (const [key, value] of Object.entries(items)) this.local.set(key, value);
        this.network.onLocalWrite(this, items);
      },
      remove: async (keys: string[]) => {
        for (const key of keys) this.local.delete(key);
        this.network.onLocalWrite(this, Object.fromEntries(keys.map((k) => [k, undefined])));
      },
    };
  }

  /** Visible saved list: id → the user-facing fields. */
  visible(): Map<string, string> {
    const view = new Map<string, string>();
    for (const record of this.store.records.values()) {
      if (!isSaved(record)) continue;
      const values = visibleValues(record);
      view.set(record.id, JSON.stringify([values.tags ?? null, values.note ?? null, values.read ?? null]));
    }
    return view;
  }

  /** Applies changed items as `storage.onChanged` would hand them to the extension. */
  async changed(items: Items) {
    await this.engine.receive(items);
  }
}

export interface Network {
  time: number;
  onLocalWrite(device: Device, items: Items): void;
}

/** Chrome: per-key last-writer-wins at the server, each key delivered on its own, in any order. */
export class ChromeNetwork implements Network {
  time = 1_780_000_000_000;
  server = new Map<string, unknown>();
  devices: Device[] = [];
  inbox = new Map<Device, [string, unknown][]>();

  onLocalWrite(device: Device, items: Items) {
    if (device.offlineUntil > this.time) {
      for (const key of Object.keys(items)) device.pendingUpload.add(key); // the browser queues it
      return;
    }
    this.upload(device, items);
  }

  private upload(device: Device, items: Items) {
    for (const [key, value] of Object.entries(items)) {
      if (value === undefined) this.server.delete(key);
      else this.server.set(key, value);
      for (const other of this.devices) if (other !== device) this.inbox.get(other)!.push([key, value]);
    }
  }

  /** A reconnecting browser uploads what it wrote while offline (its values win per key, as in Chrome). */
  reconnect(device: Device) {
    const mine: Items = {};
    for (const key of device.pendingUpload) mine[key] = device.local.get(key);
    device.pendingUpload.clear();
    this.upload(device, mine);
  }

  /** Delivers one pending change, picked at random (reordering); sometimes keeps it to deliver again (duplicates) or puts it back (dropped, retried later). */
  async deliverOne(device: Device, random: () => number) {
    const queue = this.inbox.get(device)!;
    if (!queue.length || device.offlineUntil > this.time) return;
    const i = Math.floor(random() * queue.length);
    const [key, value] = queue[i]!;
    const fate = random();
    if (fate < 0.1) return; // dropped this time; still queued, retried later
    if (fate > 0.2) queue.splice(i, 1); // else duplicated: stays queued
    if (value === undefined) device.local.delete(key);
    else device.local.set(key, value);
    await device.changed({ [key]: value });
  }

  /** Delivery resumes and completes: each device ends up with the server's state. */
  async settle(device: Device) {
    this.inbox.set(device, []);
    const items: Items = {};
    for (const key of new Set([...device.local.keys(), ...this.server.keys()])) {
      const value = this.server.get(key);
      if (device.local.get(key) !== value) {
        items[key] = value;
        if (value === undefined) device.local.delete(key);
        else device.local.set(key, value);
      }
    }
    if (Object.keys(items).length) await device.changed(items);
  }
}

/** Firefox: one record per extension, synced by a per-key 3-way merge in which the incoming value wins conflicts. */
export class FirefoxNetwork implements Network {
  time = 1_780_000_000_000;
  server = new Map<string, unknown>();
  devices: Device[] = [];

  onLocalWrite() {
    // Firefox uploads on its next sync, not on write.
  }

  async sync(device: Device) {
    if (device.offlineUntil > this.time) return;
    const merged = new Map<string, unknown>();
    const keys = new Set([...device.local.keys(), ...this.server.keys(), ...device.parent.keys()]);
    for (const key of keys) {
      const mine = device.local.get(key);
      const theirs = this.server.get(key);
      const base = device.parent.get(key);
      const value = mine === base ? theirs : theirs === base ? mine : theirs; // conflict: incoming wins
      if (value !== undefined) merged.set(key, value);
    }
    const changed: Items = {};
    for (const key of keys) if (device.local.get(key) !== merged.get(key)) changed[key] = merged.get(key);
    this.server = new Map(merged);
    device.local = new Map(merged);
    device.parent = new Map(merged);
    if (Object.keys(changed).length) await device.changed(changed);
  }
}

/**
 * Ground truth from the edits alone: per paper, the latest accepted save or delete decides whether it is
 * listed, and each field shows its latest value if that was written at or after the save.
 */
export class Oracle {
  private latest = new Map<string, { at: Hlc; value: unknown }>();

  record(edit: LocalEdit, applied: SyncRecord[]) {
    const record = applied.find((r) => r.id === edit.id);
    if (!record) return;
    const stamp = (field: string, at: Hlc, value: unknown) => {
      const key = `${edit.id}\u0000${field}`;
      const current = this.latest.get(key);
      if (!current || compare(at, current.at) > 0) this.latest.set(key, { at, value });
    };
    stamp('saved', record.saved.at, record.saved.value > 0);
    for (const field of ['tags', 'note', 'read'] as const) {
      const register = record[field];
      if (edit[field] !== undefined && register) stamp(field, register.at, register.value);
    }
  }

  visible(): Map<string, string> {
    const view = new Map<string, string>();
    for (const [key, saved] of this.latest) {
      const [id, field] = key.split('\u0000');
      if (field !== 'saved' || saved.value !== true) continue;
      const get = (f: string) => {
        const latest = this.latest.get(`${id}\u0000${f}`);
        return latest && compare(latest.at, saved.at) >= 0 ? latest.value : null;
      };
      view.set(id!, JSON.stringify([get('tags'), get('note'), get('read')]));
    }
    return view;
  }
}

function compare(a: Hlc, b: Hlc): number {
  return a.wall - b.wall || a.count - b.count || (a.device < b.device ? -1 : a.device > b.device ? 1 : 0);
}

/** A small seeded generator (mulberry32), so a failing run can be replayed from its seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
