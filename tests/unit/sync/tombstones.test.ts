import { describe, expect, it } from 'vitest';
import { ChromeNetwork, Device } from './simulation';

/**
 * When a delete's tombstone may be dropped (lib/sync/engine.ts, collectTombstones). The subtler cases (an
 * acknowledged value holding an older version of the delete, a registry weeks old) are fixed seeds in
 * convergence.test.ts.
 */

const DAY = 24 * 3600_000;
const PAPER = 'arxiv:2609.00001';

function network(names: string[]) {
  const net = new ChromeNetwork();
  const devices = names.map((name) => new Device(name, net, 0));
  net.devices = devices;
  for (const device of devices) net.inbox.set(device, []);
  return { net, devices };
}

async function roundTrip(net: ChromeNetwork, devices: Device[]) {
  for (const device of devices) await device.engine.flush();
  for (const device of devices) await net.settle(device);
}

describe('tombstone collection', () => {
  it('collects a month-old delete once every device has acknowledged it', async () => {
    const { net, devices } = network(['a', 'b']);
    await roundTrip(net, devices);
    await devices[0]!.engine.recordLocal([{ id: PAPER, saved: true, title: 'T' }]);
    await roundTrip(net, devices);
    await devices[0]!.engine.recordLocal([{ id: PAPER, saved: false }]);
    await roundTrip(net, devices);
    await roundTrip(net, devices);
    expect(devices[1]!.store.records.has(PAPER)).toBe(true);
    net.time += 31 * DAY;
    for (let i = 0; i < 3; i++) await roundTrip(net, devices);
    for (const device of devices) expect(device.store.records.has(PAPER), device.name).toBe(false);
  });

  it('keeps it on a device that has heard from no other: one it has not heard from yet may hold the paper', async () => {
    const { net, devices } = network(['alone']);
    const [alone] = devices;
    await alone!.engine.recordLocal([{ id: PAPER, saved: true, title: 'T' }]);
    await alone!.engine.recordLocal([{ id: PAPER, saved: false }]);
    await alone!.engine.flush();
    net.time += 90 * DAY;
    await alone!.engine.flush();
    expect(alone!.store.records.get(PAPER)?.saved.value).toBe(0);
  });
});
