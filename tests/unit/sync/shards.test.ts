import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../../lib/model';
import type { Hlc } from '../../../lib/sync/clock';
import { mergeRecord, sameRecord, type SyncRecord } from '../../../lib/sync/replica';
import { QUOTA_BYTES, QUOTA_BYTES_PER_ITEM, itemBytes, loadShardCodec } from '../../../lib/sync/shards';

const { decodeShard, layoutReplica } = await loadShardCodec();

const stamp = (wall: number, count = 0, device = 'dev-a'): Hlc => ({ wall, count, device });

function paper(i: number, wall = 1_780_000_000_000 + i * 60_000): SyncRecord {
  const id = `arxiv:2609.${String(10000 + i)}`;
  const at = stamp(wall);
  return {
    id,
    saved: { value: wall, at },
    title: { value: `A study of item ${i}: scaling reward models for long-horizon agents`, at },
    url: { value: canonicalUrl(id), at },
    ...(i % 3 === 0 ? { tags: { value: ['rl', 'to-read'], at: stamp(wall + 5000, 0, 'dev-b') } } : {}),
    ...(i % 7 === 0 ? { note: { value: 'Compare with the <script>alert(1)</script> baseline', at: stamp(wall + 9000, 2) } } : {}),
  };
}

function decodeAll(shards: Map<string, string>): SyncRecord[] {
  return [...shards.values()].flatMap((value) => decodeShard(value).records);
}

describe('sync shards', () => {
  it('round-trips records exactly, url left out when it follows from the id', () => {
    const records = Array.from({ length: 50 }, (_, i) => paper(i));
    const decoded = new Map(decodeAll(layoutReplica(records).shards).map((r) => [r.id, r]));
    for (const record of records) expect(decoded.get(record.id)).toEqual(record);
  });

  it('keeps every key within 8 KB and the total within the quota, and fits at least 2,000 papers', () => {
    const records = Array.from({ length: 2500 }, (_, i) => paper(i));
    const layout = layoutReplica(records);
    expect(layout.included).toBeGreaterThanOrEqual(2000);
    for (const [key, value] of layout.shards) expect(itemBytes(key, value)).toBeLessThanOrEqual(QUOTA_BYTES_PER_ITEM);
    expect(layout.bytes).toBeLessThanOrEqual(QUOTA_BYTES);
    // The most recent papers keep their titles; what is left out is the oldest.
    const decoded = decodeAll(layout.shards);
    const titled = decoded.filter((r) => r.title).map((r) => r.saved.value);
    const untitled = decoded.filter((r) => !r.title).map((r) => r.saved.value);
    expect(Math.min(...titled)).toBeGreaterThan(Math.max(...untitled));
  });

  it('when even bare records do not fit, leaves out the oldest papers but keeps every delete', () => {
    const records = Array.from({ length: 9000 }, (_, i) => paper(i));
    const tombstones = records.slice(0, 300).map((r) => ({ id: r.id, saved: { value: 0, at: stamp(r.saved.at.wall + 1) } }));
    const layout = layoutReplica([...records.slice(300), ...tombstones]);
    expect(layout.excluded).toBeGreaterThan(0);
    const decoded = new Map(decodeAll(layout.shards).map((r) => [r.id, r]));
    for (const t of tombstones) expect(decoded.get(t.id)?.saved.value).toBe(0);
    expect(decoded.has(records[records.length - 1]!.id)).toBe(true);
  });

  it('reads nothing, and never throws, from values it does not understand', () => {
    for (const junk of [null, 42, '', 'not base64 !!', btoa('garbage'), 'x'.repeat(10_000), { r: [] }]) expect(decodeShard(junk).records).toEqual([]);
  });

  it('merge is commutative, associative and idempotent', () => {
    const register = <T>(value: fc.Arbitrary<T>) =>
      fc.record({ value, at: fc.record({ wall: fc.integer({ min: 1, max: 50 }), count: fc.integer({ min: 0, max: 3 }), device: fc.constantFrom('a', 'b', 'c') }) });
    const record = fc.record(
      { id: fc.constant('arxiv:2609.00001'), saved: register(fc.constantFrom(0, 5)), tags: register(fc.array(fc.constantFrom('x', 'y'))), note: register(fc.string({ maxLength: 5 })), read: register(fc.boolean()) },
      { requiredKeys: ['id', 'saved'] },
    ) as fc.Arbitrary<SyncRecord>;
    // Stamps identify events: give each (stamp) one value, as real clocks do.
    const consistent = (rs: SyncRecord[]) => {
      const seen = new Map<string, string>();
      for (const r of rs) for (const [field, reg] of Object.entries(r)) if (field !== 'id') {
        const key = `${field}:${JSON.stringify((reg as { at: Hlc }).at)}`;
        const value = JSON.stringify((reg as { value: unknown }).value);
        if (seen.has(key) && seen.get(key) !== value) return false;
        seen.set(key, value);
      }
      return true;
    };
    fc.assert(
      fc.property(record, record, record, (a, b, c) => {
        fc.pre(consistent([a, b, c]));
        expect(sameRecord(mergeRecord(a, b), mergeRecord(b, a))).toBe(true);
        expect(sameRecord(mergeRecord(mergeRecord(a, b), c), mergeRecord(a, mergeRecord(b, c)))).toBe(true);
        const ab = mergeRecord(a, b);
        expect(sameRecord(mergeRecord(ab, ab), ab)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
