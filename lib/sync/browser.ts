import { browser } from 'wxt/browser';
import type { PaperDb } from '../store/db';
import type { SyncArea } from './engine';
import { SYNC_ALARM, SyncService } from './service';

/** `browser.storage.sync`, or null where this browser has none. */
function syncArea(): SyncArea | null {
  const area = browser.storage?.sync;
  if (!area) return null;
  return {
    get: (keys) => area.get(keys) as Promise<Record<string, unknown>>,
    set: (items) => area.set(items),
    remove: (keys) => area.remove(keys),
  };
}

/**
 * Starts sync in the background worker: merges what other devices write as it arrives, flushes when the
 * debounce alarm fires, and catches up once at start. Listeners are registered synchronously, as an MV3
 * worker woken by an event requires.
 */
export function startSync(db: () => Promise<PaperDb>): SyncService {
  const service = new SyncService({
    db,
    area: syncArea(),
    alarms: { schedule: (name, delayInMinutes) => void browser.alarms.create(name, { delayInMinutes }) },
  });
  browser.storage.onChanged.addListener((changes, areaName) => {
    if (areaName === 'sync') void service.remoteChanged(changes);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void service.flush();
  });
  service.scheduleFlush();
  return service;
}
