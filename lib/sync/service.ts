import type { Paper } from '../model';
import type { PaperDb } from '../store/db';
import { getSettings } from '../store/settings';
import { SyncEngine, type SyncArea, type SyncStatus } from './engine';
import { IdbReplicaStore, editOf } from './local';

/**
 * The sync feature as the background worker runs it: local edits are recorded at once and flushed
 * later, debounced through `alarms` (which survive the service worker stopping), with backoff after a
 * storage error; changes arriving from other devices are merged as they come.
 */

export const SYNC_ALARM = 'paperlens-sync-flush';
/** Chrome's shortest alarm delay; also keeps flushes far below 120 writes a minute and 1,800 an hour. */
const FLUSH_DELAY_MINUTES = 0.5;
const MAX_BACKOFF_MINUTES = 60;
const DEVICE_KEY = 'syncDevice';

export interface AlarmScheduler {
  schedule(name: string, delayMinutes: number): void;
}

export type SyncAvailability = 'on' | 'off' | 'unavailable';

export interface SyncStatusView extends Partial<SyncStatus> {
  availability: SyncAvailability;
}

export interface SyncServiceOptions {
  db: () => Promise<PaperDb>;
  /** `browser.storage.sync`, or null where the browser has none. */
  area: SyncArea | null;
  alarms: AlarmScheduler;
  now?: () => number;
  randomId?: () => string;
}

export class SyncService {
  private engine: Promise<SyncEngine> | null = null;
  private failures = 0;

  constructor(private readonly options: SyncServiceOptions) {}

  private async enabled(): Promise<boolean> {
    return this.options.area !== null && (await getSettings(await this.options.db())).syncEnabled;
  }

  private getEngine(): Promise<SyncEngine> {
    this.engine ??= (async () => {
      const db = await this.options.db();
      let device = (await db.get('settings', DEVICE_KEY)) as string | undefined;
      if (!device) {
        device = this.options.randomId?.() ?? crypto.randomUUID().slice(0, 8);
        await db.put('settings', device, DEVICE_KEY);
      }
      return new SyncEngine(this.options.area!, new IdbReplicaStore(this.options.db), device, this.options.now);
    })();
    return this.engine;
  }

  /** The user changed these papers (saved, removed, tagged, noted, read): record now, flush soon. */
  async localChanged(papers: Paper[], removedIds: string[] = []): Promise<void> {
    if (!(await this.enabled())) return;
    const engine = await this.getEngine();
    const changed = await engine.recordLocal([...papers.map(editOf), ...removedIds.map((id) => ({ id, saved: false }))]);
    if (changed.length) this.options.alarms.schedule(SYNC_ALARM, FLUSH_DELAY_MINUTES);
  }

  /** `storage.onChanged` for the sync area. */
  async remoteChanged(changes: Record<string, { newValue?: unknown }>): Promise<void> {
    if (!(await this.enabled())) return;
    const items = Object.fromEntries(Object.entries(changes).map(([key, change]) => [key, change.newValue]));
    await (await this.getEngine()).receive(items);
  }

  /** Reads, merges and writes now; on failure, tries again later with a growing delay. */
  async flush(): Promise<SyncStatusView> {
    if (!(await this.enabled())) return this.status();
    try {
      await (await this.getEngine()).flush();
      this.failures = 0;
    } catch {
      this.failures++;
      this.options.alarms.schedule(SYNC_ALARM, Math.min(MAX_BACKOFF_MINUTES, FLUSH_DELAY_MINUTES * 2 ** this.failures));
    }
    return this.status();
  }

  /** After the user turns sync on, or the worker starts: catch up with what other devices did. */
  scheduleFlush(): void {
    this.options.alarms.schedule(SYNC_ALARM, FLUSH_DELAY_MINUTES);
  }

  async status(): Promise<SyncStatusView> {
    if (this.options.area === null) return { availability: 'unavailable' };
    if (!(await getSettings(await this.options.db())).syncEnabled) return { availability: 'off' };
    const engineStatus = this.engine ? (await this.engine).status : null;
    return { availability: 'on', ...(engineStatus ?? {}) };
  }
}
