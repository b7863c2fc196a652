import type { SyncStatusView } from '../sync/service';

function ago(ms: number, now: number): string {
  const minutes = Math.round((now - ms) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : new Date(ms).toISOString().slice(0, 10);
}

/** One plain sentence on the state of sync, for the popup and the options page. */
export function syncStatusText(status: SyncStatusView, now = Date.now()): string {
  if (status.availability === 'unavailable') return 'Sync is not available in this browser: your papers stay on this device. Use Export to move them.';
  if (status.availability === 'off') return 'Sync is off: your papers stay on this device.';
  if (status.state === 'error') return `Sync failed${status.lastSyncedAt ? ` (last synced ${ago(status.lastSyncedAt, now)})` : ''}: ${status.lastError ?? 'unknown error'}. It will try again.`;
  if (status.lastSyncedAt === undefined) return 'Sync is on; waiting for the first sync.';
  const quota = `${Math.round(((status.bytesUsed ?? 0) / (status.quotaBytes ?? 1)) * 100)}% of sync storage`;
  if (status.state === 'partial')
    return `Synced ${ago(status.lastSyncedAt, now)}: sync storage is full, so only the ${status.papersSynced} most recent of ${status.papers} papers sync; the others stay on this device (${quota}).`;
  const titles = (status.papersWithTitle ?? 0) < (status.papersSynced ?? 0) ? ` (titles for the ${status.papersWithTitle} most recent; the others show theirs once seen)` : '';
  return `Synced ${ago(status.lastSyncedAt, now)}: ${status.papersSynced} papers${titles}, ${quota}.`;
}
