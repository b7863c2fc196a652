import { useEffect, useState } from 'preact/hooks';
import type { SyncStatusView } from '../sync/service';
import { syncStatusText } from './syncStatusText';

export interface SyncStatusLineProps {
  load(): Promise<SyncStatusView>;
  /** Calls back when sync data changes (another device wrote, or a flush ran); returns an unsubscribe. */
  subscribe?(onChange: () => void): () => void;
}

/** One line on the state of sync; nothing until the status is known. */
export function SyncStatusLine({ load, subscribe }: SyncStatusLineProps) {
  const [status, setStatus] = useState<SyncStatusView | null>(null);
  useEffect(() => {
    let current = true;
    const refresh = () => void load().then((s) => current && setStatus(s), () => undefined);
    refresh();
    const unsubscribe = subscribe?.(refresh);
    return () => {
      current = false;
      unsubscribe?.();
    };
  }, [load, subscribe]);
  if (!status) return null;
  return (
    <span class={`sync-line sync-${status.availability}${status.state ? ` sync-${status.state}` : ''}`} role="status">
      {syncStatusText(status)}
    </span>
  );
}
