import { compareHlc, type Hlc } from './clock';

/**
 * The replica of the saved list that travels through browser sync: per paper, a last-writer-wins
 * register per field, each with its own hybrid logical clock.
 *
 * The merge is a state-based CRDT: merging takes, field by field, the register with the later stamp.
 * It is commutative, associative and idempotent, so devices that have received the same records hold the
 * same replica, whatever the order, duplication or retries of delivery.
 *
 * Deletes are tombstones: `saved` is a register whose value is the time the paper was saved, or 0 once
 * it is removed. The rules:
 * - **The later `saved` stamp decides whether the paper is in the list.** Editing tags, a note or the
 *   read state never touches `saved`, so an edit on one device never brings back a paper deleted on
 *   another, whichever came first.
 * - **Saving starts afresh.** A field shows only if it was written at or after the `saved` stamp; values
 *   from before a delete do not come back when the paper is saved again. Such dead values are dropped
 *   by the merge, which keeps tombstones small.
 */

export interface Register<T> {
  value: T;
  at: Hlc;
}

export const SYNC_FIELDS = ['title', 'url', 'tags', 'note', 'read'] as const;
export type SyncField = (typeof SYNC_FIELDS)[number];

export interface SyncValues {
  title: string;
  url: string;
  tags: string[];
  note: string;
  read: boolean;
}

export type SyncRecord = {
  id: string;
  /** Saved since this time (ms), or 0: deleted. */
  saved: Register<number>;
} & { [F in SyncField]?: Register<SyncValues[F]> };

/** Notes longer than this travel cut; the full note stays on the device that wrote it. */
export const NOTE_SYNC_MAX = 500;
export const TITLE_SYNC_MAX = 300;

export type Replica = Map<string, SyncRecord>;

function later<T>(a: Register<T> | undefined, b: Register<T> | undefined): Register<T> | undefined {
  if (!a) return b;
  if (!b) return a;
  return compareHlc(a.at, b.at) >= 0 ? a : b;
}

export function mergeRecord(a: SyncRecord, b: SyncRecord): SyncRecord {
  const merged: SyncRecord = { id: a.id, saved: later(a.saved, b.saved)! };
  for (const field of SYNC_FIELDS) {
    const register = later<unknown>(a[field], b[field]);
    if (register && compareHlc(register.at, merged.saved.at) >= 0) (merged as Record<string, unknown>)[field] = register;
  }
  return merged;
}

/** The record without its dead fields (written before its `saved` stamp). */
export function liveFields(record: SyncRecord): SyncRecord {
  return mergeRecord(record, record);
}

/** Merges `incoming` into `into` (mutated); returns the ids whose record changed. */
export function mergeInto(into: Replica, incoming: Iterable<SyncRecord>): string[] {
  const changed: string[] = [];
  for (const record of incoming) {
    const current = into.get(record.id);
    const merged = current ? mergeRecord(current, record) : liveFields(record);
    if (!current || !sameRecord(current, merged)) {
      into.set(record.id, merged);
      changed.push(record.id);
    }
  }
  return changed;
}

function sameRegister(a: Register<unknown> | undefined, b: Register<unknown> | undefined): boolean {
  return a === b || (!!a && !!b && compareHlc(a.at, b.at) === 0);
}

export function sameRecord(a: SyncRecord, b: SyncRecord): boolean {
  return sameRegister(a.saved, b.saved) && SYNC_FIELDS.every((f) => sameRegister(a[f], b[f]));
}

export function isSaved(record: SyncRecord): boolean {
  return record.saved.value > 0;
}

/** What a reader sees of a saved paper: its live fields. */
export function visibleValues(record: SyncRecord): Partial<SyncValues> {
  const values: Partial<SyncValues> = {};
  for (const field of SYNC_FIELDS) {
    const register = record[field];
    if (register && compareHlc(register.at, record.saved.at) >= 0) (values as Record<string, unknown>)[field] = register.value;
  }
  return values;
}

/** The latest stamp anywhere in the record. */
export function latestStamp(record: SyncRecord): Hlc {
  let latest = record.saved.at;
  for (const field of SYNC_FIELDS) {
    const at = record[field]?.at;
    if (at && compareHlc(at, latest) > 0) latest = at;
  }
  return latest;
}

/** A local edit as a record: the given fields stamped `at`. */
export function editRecord(id: string, saved: Register<number>, values: Partial<SyncValues>, at: Hlc): SyncRecord {
  const record: SyncRecord = { id, saved };
  for (const field of SYNC_FIELDS) {
    const value = values[field];
    if (value !== undefined) (record as Record<string, unknown>)[field] = { value: boundValue(field, value), at };
  }
  return record;
}

function boundValue(field: SyncField, value: unknown): unknown {
  if (field === 'note' && typeof value === 'string') return value.slice(0, NOTE_SYNC_MAX);
  if (field === 'title' && typeof value === 'string') return value.slice(0, TITLE_SYNC_MAX);
  return value;
}
