import type { Paper } from '../model';
import type { ListView } from './api';

/** Rows kept: a popup's first screen, with room to spare. */
export const FIRST_SCREEN_ROWS = 40;
/** Bump when `Paper` changes shape, so a copy written by an older version is never read. */
const FORMAT = 1;
const keyOf = (view: ListView) => `paperlens:first-screen:${FORMAT}:${view}`;

/**
 * The first screenful of a list, kept from the last time it was shown, so the popup can show it in its
 * first frame instead of waiting for the background worker (which may have to wake up first). It is
 * only a head start: the list the background sends replaces it as soon as it comes, and is kept in turn.
 */
export interface FirstScreenCache {
  read(view: ListView): Paper[] | null;
  write(view: ListView, papers: readonly Paper[]): void;
  clear(): void;
}

/** Kept in the extension's own localStorage: readable without waiting, by extension pages only. */
export function localFirstScreen(storage: Storage | undefined = globalThis.localStorage): FirstScreenCache {
  return {
    read(view) {
      try {
        const parsed: unknown = JSON.parse(storage?.getItem(keyOf(view)) ?? 'null');
        return Array.isArray(parsed) && parsed.every(isPaperShaped) ? (parsed as Paper[]) : null;
      } catch {
        return null;
      }
    },
    write(view, papers) {
      const head = (view === 'saved' ? papers.filter((p) => p.saved) : papers).slice(0, FIRST_SCREEN_ROWS);
      try {
        storage?.setItem(keyOf(view), JSON.stringify(head));
      } catch {
        // Storage full or unavailable: the popup then waits for the background, as without a copy.
      }
    },
    clear() {
      for (const view of ['saved', 'seen'] as const) storage?.removeItem(keyOf(view));
    },
  };
}

/** The fields a row reads, of the types it expects: anything else is not shown. */
function isPaperShaped(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return (
    typeof p.id === 'string' &&
    typeof p.title === 'string' &&
    typeof p.url === 'string' &&
    typeof p.saved === 'boolean' &&
    typeof p.note === 'string' &&
    ['authors', 'tags', 'results', 'userTags', 'sites'].every((field) => Array.isArray(p[field]))
  );
}
