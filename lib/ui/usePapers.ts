import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Paper } from '../model';
import type { LibraryApi, ListView, PaperPatch } from './api';
import type { PaperSearch } from './search';
import { FIRST_SCREEN_ROWS } from './firstScreen';
import { NO_FILTERS, quickMatch, visiblePapers, type Filters, type SortKey } from './library';

/** Updates sent to the background at once during a bulk change. */
const STORE_BATCH = 50;
/** How long a removed paper can be brought back. */
export const UNDO_MS = 8000;

export interface Removal {
  paper: Paper;
  /** Where it was in the list, so undo puts it back in place. */
  index: number;
}

export type SortChoice = SortKey | 'auto';

/** `auto`: best match while searching, newest first otherwise. */
export function effectiveSort(choice: SortChoice, view: ListView, searching: boolean): SortKey {
  if (choice === 'relevance' || choice === 'auto') {
    if (searching) return 'relevance';
  } else return choice;
  return view === 'saved' ? 'saved' : 'seen';
}

/**
 * The list state shared by the popup and the library page: loading (first screen, then all), the
 * search index (built once after the first paint, then updated per change), filters, sort, edits,
 * and remove with undo.
 */
export function usePapers(api: LibraryApi, view: ListView, revision = 0) {
  const [papers, setPapers] = useState<Paper[] | null>(null);
  const [complete, setComplete] = useState(false);
  const [error, setError] = useState('');
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [sortChoice, setSortChoice] = useState<SortChoice>('auto');
  const [removal, setRemoval] = useState<Removal | null>(null);
  const [indexVersion, setIndexVersion] = useState(0);
  const search = useRef<PaperSearch | null>(null);
  /** Whether `papers` came from the background, not from the copy of the first screen. */
  const fromBackground = useRef(false);

  // A layout effect, so the request leaves before the first paint rather than a frame after it.
  useLayoutEffect(() => {
    let current = true;
    search.current = null;
    fromBackground.current = false;
    setPapers(api.firstScreen?.read(view) ?? null);
    setComplete(false);
    setError('');
    setRemoval(null);
    const fail = (e: unknown) => current && setError(e instanceof Error ? e.message : String(e));
    api
      // Enough rows to fill the first screen; the rest of a large library follows right after.
      .listPapers(view, FIRST_SCREEN_ROWS)
      .then((first) => {
        if (!current) return undefined;
        fromBackground.current = true;
        setPapers(first);
        if (first.length < FIRST_SCREEN_ROWS) setComplete(true);
        return first.length < FIRST_SCREEN_ROWS ? first : api.listPapers(view);
      })
      .then(async (all) => {
        if (!current || !all) return;
        setPapers(all);
        setComplete(true);
        const { PaperSearch } = await import('./search');
        const index = new PaperSearch();
        await index.addAll(all);
        if (!current) return;
        search.current = index;
        setIndexVersion((v) => v + 1);
      })
      .catch(fail);
    return () => {
      current = false;
    };
  }, [api, view, revision]);

  // The copy of the first screen follows the list as the background sent it and the user changed it.
  useEffect(() => {
    if (papers && fromBackground.current) api.firstScreen?.write(view, papers);
  }, [api, view, papers]);

  const searching = query.trim() !== '';
  const sort = effectiveSort(sortChoice, view, searching);
  const indexing = searching && search.current === null;

  const byId = useMemo(() => new Map((papers ?? []).map((p) => [p.id, p])), [papers]);
  const hits = useMemo(() => {
    if (!searching || !papers) return null;
    if (search.current) return search.current.search(query)!.flatMap((id) => byId.get(id) ?? []);
    // Until the index is built, a plain match on the short fields keeps typing useful.
    return quickMatch(papers, query);
    // indexVersion is a dependency because the index changes in place under the same query.
  }, [query, searching, papers, byId, indexVersion]);

  const visible = useMemo(() => (papers ? visiblePapers(papers, filters, sort, hits) : []), [papers, filters, sort, hits]);

  const replaceAll = useCallback((updated: Paper[]) => {
    const byId = new Map(updated.map((p) => [p.id, p]));
    setPapers((list) => list && list.map((p) => byId.get(p.id) ?? p));
    for (const paper of updated) search.current?.upsert(paper);
    setIndexVersion((v) => v + 1);
  }, []);
  const replace = useCallback((updated: Paper) => replaceAll([updated]), [replaceAll]);

  /** Applies each paper's patch at once on screen, then stores them; a failed store puts them back. */
  const updateMany = useCallback(
    async (targets: readonly Paper[], patchOf: (paper: Paper) => PaperPatch | null) => {
      const changes = targets.flatMap((paper) => {
        const patch = patchOf(paper);
        return patch ? [{ paper, patch }] : [];
      });
      replaceAll(changes.map(({ paper, patch }) => ({ ...paper, ...patch })));
      try {
        const stored: Paper[] = [];
        for (let i = 0; i < changes.length; i += STORE_BATCH) {
          const batch = await Promise.all(changes.slice(i, i + STORE_BATCH).map(({ paper, patch }) => api.updatePaper(paper.id, patch)));
          stored.push(...batch.filter((p): p is Paper => p !== null));
        }
        replaceAll(stored);
      } catch (e) {
        replaceAll(changes.map(({ paper }) => paper));
        setError(e instanceof Error ? e.message : String(e));
      }
    },
    [api, replaceAll],
  );

  const update = useCallback((paper: Paper, patch: PaperPatch) => updateMany([paper], () => patch), [updateMany]);

  const toggleSaved = useCallback(
    async (paper: Paper) => {
      const stored = await api.setSaved(paper.id, !paper.saved);
      if (stored) replace(stored);
    },
    [api, replace],
  );

  const remove = useCallback(
    async (paper: Paper) => {
      const index = papers?.findIndex((p) => p.id === paper.id) ?? -1;
      if (index < 0) return;
      setPapers((list) => list && list.filter((p) => p.id !== paper.id));
      search.current?.remove(paper.id);
      setRemoval({ paper, index });
      try {
        // Removing from the saved list unsaves (the paper stays in history); from history it is forgotten.
        if (view === 'saved') await api.setSaved(paper.id, false);
        else await api.removePaper(paper.id);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    },
    [api, papers, view],
  );

  const undo = useCallback(async () => {
    if (!removal) return;
    const { paper, index } = removal;
    setRemoval(null);
    setPapers((list) => list && [...list.slice(0, index), paper, ...list.slice(index)]);
    search.current?.upsert(paper);
    setIndexVersion((v) => v + 1);
    // Restore the saved date too, so the paper goes back to its place in "newest saved".
    const stored = view === 'saved' ? await api.updatePaper(paper.id, { saved: true, savedAt: paper.savedAt }) : await api.restorePaper(paper.id);
    if (stored) replace(stored);
  }, [api, removal, replace, view]);

  useEffect(() => {
    if (!removal) return undefined;
    const timer = setTimeout(() => setRemoval(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [removal]);

  return {
    papers,
    visible,
    complete,
    indexing,
    /** Everything loaded and indexed: searches now reach every field of every paper. */
    ready: complete && search.current !== null,
    error,
    query,
    setQuery,
    filters,
    setFilters,
    sortChoice,
    setSortChoice,
    sort,
    removal,
    dismissRemoval: () => setRemoval(null),
    update,
    updateMany,
    toggleSaved,
    remove,
    undo,
  };
}

export type PapersState = ReturnType<typeof usePapers>;
