import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Paper } from '../model';
import type { LibraryApi, ListView } from './api';
import { FilterBar } from './FilterBar';
import { activeFilterCount, NO_FILTERS, safeUrl, suggestFromLibrary } from './library';
import { PaperRow, ROW_HEIGHT, rowId } from './PaperRow';
import { usePapers, type PapersState } from './usePapers';
import { isTextField, useGlobalKeys } from './useGlobalKeys';
import { useWindow } from './useWindow';

export interface PopupProps {
  api: LibraryApi;
  /** Opens the full-tab library page; no button when absent. */
  openLibrary?(): void;
  /** One line of sync state, filled by the sync feature; nothing is shown when absent. */
  syncStatus?: ComponentChildren;
  /** Calls back when another device's changes have been merged; the list then reloads. Returns an unsubscribe. */
  onRemoteChange?(reload: () => void): () => void;
}

const TABS: { view: ListView; label: string }[] = [
  { view: 'saved', label: 'Saved' },
  { view: 'seen', label: 'Seen lately' },
];

/** Rows moved by PageUp / PageDown. */
const PAGE_ROWS = 5;

/**
 * Tags to offer for a paper: what the user's personal-tag model suggested for it (stored on the
 * paper as personal tags from the model), most confident first, then the user's tags on related papers.
 */
export function tagSuggestions(paper: Paper, library: readonly Paper[]): string[] {
  const fromModel = paper.tags
    .filter((tag) => tag.kind === 'personal' && tag.source === 'model')
    .sort((a, b) => b.score - a.score)
    .map((tag) => tag.label);
  const seen = new Set<string>();
  return [...fromModel, ...suggestFromLibrary(paper, library)].filter((tag) => {
    const key = tag.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The toolbar popup: saved papers and papers seen lately, searchable, filterable, all by keyboard. */
export function Popup({ api, openLibrary, syncStatus, onRemoteChange }: PopupProps) {
  const [view, setView] = useState<ListView>('saved');
  const [revision, setRevision] = useState(0);
  useEffect(() => onRemoteChange?.(() => setRevision((r) => r + 1)), [onRemoteChange]);
  const state = usePapers(api, view, revision);
  const searchRef = useRef<HTMLInputElement>(null);
  // Set by the mounted list: ArrowDown in the search field moves into it.
  const focusFirstRow = useRef<() => void>(() => undefined);

  // `/` focuses search from anywhere; u or Ctrl+Z undoes a removal while its notice shows.
  useGlobalKeys((e) => {
    if (e.key === '/') {
      e.preventDefault();
      searchRef.current?.focus();
    } else if (state.removal && ((e.key === 'z' && (e.ctrlKey || e.metaKey)) || e.key === 'u')) {
      e.preventDefault();
      void state.undo();
    }
  });

  return (
    <main class="popup">
      <header class="popup-header">
        <div class="popup-top">
          <h1>PaperLens</h1>
          <nav role="tablist" aria-label="Lists">
            {TABS.map((tab) => (
              <button key={tab.view} role="tab" aria-selected={view === tab.view} class="tab" onClick={() => setView(tab.view)}>
                {tab.label}
              </button>
            ))}
          </nav>
          {openLibrary && (
            <button class="link library-link" onClick={openLibrary} title="Open the library in a tab: table, bulk actions, overview">
              Library ↗
            </button>
          )}
        </div>
        {state.papers && state.papers.length > 0 && <FilterBar state={state} view={view} searchRef={searchRef} autoFocus onSearchArrowDown={() => focusFirstRow.current()} />}
      </header>
      {state.error && (
        <p role="alert" class="error">
          {state.error}
        </p>
      )}
      <PopupBody state={state} view={view} api={api} searchRef={searchRef} onShowSeen={() => setView('seen')} focusFirstRow={focusFirstRow} />
      <footer class="popup-footer">
        {state.removal && (
          <div class="toast" role="status">
            <span class="toast-text">
              {view === 'saved' ? 'Removed' : 'Forgot'} “{state.removal.paper.title}”
            </span>
            <button onClick={() => void state.undo()}>Undo</button>
          </div>
        )}
        {syncStatus && <div class="sync-status">{syncStatus}</div>}
      </footer>
    </main>
  );
}

interface BodyProps {
  state: PapersState;
  view: ListView;
  api: LibraryApi;
  searchRef: { current: HTMLInputElement | null };
  onShowSeen(): void;
  focusFirstRow: { current: () => void };
}

function PopupBody({ state, view, api, searchRef, onShowSeen, focusFirstRow }: BodyProps) {
  const { papers, visible, query } = state;
  if (!papers) return <p class="loading">Loading…</p>;
  if (papers.length === 0) return <EmptyState view={view} onShowSeen={onShowSeen} />;
  if (visible.length === 0) {
    return (
      <div class="empty">
        <p>{state.indexing ? 'Nothing matches in titles, authors, tags or notes; abstracts and results are still being indexed…' : `No paper matches${query.trim() ? ` “${query.trim()}”` : ''}${activeFilterCount(state.filters) ? ' with these filters' : ''}.`}</p>
        <button
          onClick={() => {
            state.setQuery('');
            state.setFilters(NO_FILTERS);
            searchRef.current?.focus();
          }}
        >
          Clear search and filters
        </button>
      </div>
    );
  }
  return <PaperList state={state} view={view} api={api} searchRef={searchRef} focusFirstRow={focusFirstRow} />;
}

function EmptyState({ view, onShowSeen }: { view: ListView; onShowSeen(): void }) {
  if (view === 'seen') {
    return (
      <div class="empty">
        <h2>Nothing seen yet</h2>
        <p>Browse a listing on a supported site (arXiv, Hugging Face Papers, OpenReview, ACL Anthology, Google Scholar…): every paper you scroll past is kept here for a while, so you can find it again even if you did not save it.</p>
      </div>
    );
  }
  return (
    <div class="empty">
      <h2>No saved papers yet</h2>
      <ol>
        <li>
          Open a listing such as <strong>arxiv.org/list/cs.LG/new</strong> or <strong>huggingface.co/papers</strong>.
        </li>
        <li>PaperLens marks each paper with its topics and the results its abstract reports.</li>
        <li>
          Press <strong>Save</strong> next to a paper: it appears here, searchable by title, author, tag, result or your note.
        </li>
      </ol>
      <button class="link" onClick={onShowSeen}>
        See the papers you came across lately
      </button>
    </div>
  );
}

function PaperList({ state, view, api, searchRef, focusFirstRow }: Omit<BodyProps, 'onShowSeen'>) {
  const { visible, papers, query, filters, sort } = state;
  const [active, setActive] = useState(0);
  const [expandedId, setExpandedId] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const expandedIndex = expandedId ? visible.findIndex((p) => p.id === expandedId) : -1;
  const win = useWindow(visible.length, ROW_HEIGHT, expandedIndex);
  const clampedActive = Math.min(active, visible.length - 1);

  // A new search, filter or order starts from the top.
  useEffect(() => {
    setActive(0);
    win.resetScroll();
  }, [query, filters, sort, view]);

  const moveTo = useCallback(
    (index: number) => {
      const target = Math.max(0, Math.min(visible.length - 1, index));
      setActive(target);
      win.scrollToIndex(target);
      setFocusRequest((n) => n + 1);
    },
    [visible.length, win.scrollToIndex],
  );
  focusFirstRow.current = () => moveTo(0);

  useEffect(() => {
    if (focusRequest) document.getElementById(rowId(clampedActive))?.focus({ preventScroll: true });
  }, [focusRequest]);

  const paperAt = (i: number) => visible[i];
  const onListKeyDown = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (isTextField(target)) {
      if (e.key === 'Escape') {
        e.preventDefault();
        setExpandedId(null);
        setFocusRequest((n) => n + 1);
      }
      return;
    }
    if (!target.classList.contains('paper')) return;
    const paper = paperAt(clampedActive);
    if (!paper) return;
    const handled = () => {
      e.preventDefault();
      e.stopPropagation();
    };
    switch (e.key) {
      case 'ArrowDown':
      case 'j':
        handled();
        moveTo(clampedActive + 1);
        break;
      case 'ArrowUp':
      case 'k':
        handled();
        if (clampedActive === 0) searchRef.current?.focus();
        else moveTo(clampedActive - 1);
        break;
      case 'Home':
        handled();
        moveTo(0);
        break;
      case 'End':
        handled();
        moveTo(visible.length - 1);
        break;
      case 'PageDown':
        handled();
        moveTo(clampedActive + PAGE_ROWS);
        break;
      case 'PageUp':
        handled();
        moveTo(clampedActive - PAGE_ROWS);
        break;
      case 'Enter': {
        handled();
        const url = safeUrl(paper.url);
        if (url) api.openUrl(url);
        break;
      }
      case ' ':
      case 'ArrowRight':
        handled();
        setExpandedId(expandedId === paper.id && e.key === ' ' ? null : paper.id);
        break;
      case 'ArrowLeft':
        handled();
        setExpandedId(null);
        break;
      case 'Escape':
        handled();
        if (expandedId) setExpandedId(null);
        else {
          state.setQuery('');
          searchRef.current?.focus();
        }
        break;
      case 'Delete':
      case 'Backspace':
        handled();
        void state.remove(paper);
        setFocusRequest((n) => n + 1);
        break;
      case 'r':
        handled();
        void state.update(paper, { read: !paper.read });
        break;
      case 's':
        if (view !== 'seen') break;
        handled();
        void state.toggleSaved(paper);
        break;
      case 't':
        handled();
        setExpandedId(paper.id);
        requestAnimationFrame(() => document.getElementById(`tags-${paper.id}`)?.focus());
        break;
    }
  };

  const rows = [];
  for (let i = win.first; i < win.last; i++) {
    const paper = visible[i]!;
    const expanded = i === expandedIndex;
    rows.push(
      <PaperRow
        key={paper.id}
        paper={paper}
        view={view}
        index={i}
        setSize={visible.length}
        active={i === clampedActive}
        expanded={expanded}
        rowRef={expanded ? (win.expandedRef as { current: HTMLLIElement | null }) : undefined}
        onActivate={() => setActive(i)}
        onToggleExpanded={() => setExpandedId(expanded ? null : paper.id)}
        onOpen={() => {
          const url = safeUrl(paper.url);
          if (url) api.openUrl(url);
        }}
        onUpdate={(patch) => void state.update(paper, patch)}
        onRemove={() => void state.remove(paper)}
        onToggleSaved={() => void state.toggleSaved(paper)}
        suggestions={() => tagSuggestions(paper, papers ?? [])}
      />,
    );
  }

  return (
    <>
      <p class="list-status" aria-live="polite">
        {visible.length === papers?.length ? `${visible.length.toLocaleString()} papers` : `${visible.length.toLocaleString()} of ${(papers?.length ?? 0).toLocaleString()} papers`}
        {!state.complete && ' (loading…)'}
        {state.indexing && ' · indexing abstracts…'}
      </p>
      <div class="list-scroll" aria-busy={!state.ready} ref={win.containerRef as { current: HTMLDivElement | null }} onScroll={win.onScroll}>
        <ul
          class="paper-list"
          aria-label={view === 'saved' ? 'Saved papers' : 'Papers seen lately'}
          aria-describedby="list-keys"
          style={{ paddingTop: `${win.padTop}px`, paddingBottom: `${win.padBottom}px` }}
          onKeyDown={onListKeyDown}
        >
          {rows}
        </ul>
      </div>
      <p id="list-keys" class="keys-hint">
        ↑↓ Enter open · Space details · t tag · r read{view === 'seen' && ' · s save'} · Del remove · / search
      </p>
    </>
  );
}
