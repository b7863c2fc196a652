import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Paper } from '../model';
import { readableTex } from '../tex';
import { EXPORT_FORMATS, FORMAT_INFO, type ExportFile, type ExportFormat } from '../export/formats';
import type { LibraryApi, ListView } from './api';
import { BarChart, BenchmarkChart, ColumnChart } from './Charts';
import { FilterBar } from './FilterBar';
import { cleanTag, describeClaim, facets, keyResult, safeUrl, SITE_NAMES } from './library';
import { benchmarkSummaries, papersPerMonth, papersPerTopic } from './overview';
import { formatDate } from './PaperRow';
import { usePapers, type PapersState, type SortChoice } from './usePapers';
import { useGlobalKeys } from './useGlobalKeys';
import { useWindow } from './useWindow';

export interface LibraryProps {
  api: LibraryApi;
  syncStatus?: ComponentChildren;
  /** Saves a file to the user's disk (a download in the extension). */
  download(file: ExportFile): void;
}

type LibraryTab = ListView | 'overview';
const TABLE_ROW_HEIGHT = 48;

/** The full-tab library: a table with bulk actions for large collections, and an overview in charts. */
export function Library({ api, syncStatus, download }: LibraryProps) {
  const [tab, setTab] = useState<LibraryTab>('saved');
  const state = usePapers(api, tab === 'seen' ? 'seen' : 'saved');
  const searchRef = useRef<HTMLInputElement>(null);

  useGlobalKeys((e) => {
    if (e.key === '/') {
      e.preventDefault();
      searchRef.current?.focus();
    }
  });

  return (
    <main class="library">
      <header class="library-header">
        <h1>PaperLens library</h1>
        <nav role="tablist" aria-label="Library views">
          {(
            [
              ['saved', 'Saved'],
              ['seen', 'Seen lately'],
              ['overview', 'Overview'],
            ] as const
          ).map(([id, label]) => (
            <button key={id} role="tab" class="tab" aria-selected={tab === id} onClick={() => setTab(id)}>
              {label}
            </button>
          ))}
        </nav>
        {syncStatus && <div class="sync-status">{syncStatus}</div>}
      </header>
      {state.error && (
        <p role="alert" class="error">
          {state.error}
        </p>
      )}
      {!state.papers && <p class="loading">Loading…</p>}
      {state.papers && tab === 'overview' && <Overview papers={state.papers} />}
      {state.papers && tab !== 'overview' && (
        <>
          <FilterBar state={state} view={tab} searchRef={searchRef} />
          <PaperTable state={state} view={tab} api={api} download={download} />
        </>
      )}
    </main>
  );
}

function PaperTable({ state, view, api, download }: { state: PapersState; view: ListView; api: LibraryApi; download(file: ExportFile): void }) {
  const { visible, papers } = state;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [anchor, setAnchor] = useState(-1);
  const win = useWindow(visible.length, TABLE_ROW_HEIGHT);

  useEffect(() => setSelected(new Set()), [view]);
  // Selection survives filtering, but only papers still in the library count.
  const chosen = useMemo(() => (papers ?? []).filter((p) => selected.has(p.id)), [papers, selected]);
  const allShownSelected = visible.length > 0 && visible.every((p) => selected.has(p.id));

  const toggle = (index: number, shift: boolean) => {
    const next = new Set(selected);
    const paper = visible[index]!;
    const on = !selected.has(paper.id);
    const [from, to] = shift && anchor >= 0 ? [Math.min(anchor, index), Math.max(anchor, index)] : [index, index];
    for (let i = from; i <= to; i++) {
      if (on) next.add(visible[i]!.id);
      else next.delete(visible[i]!.id);
    }
    setSelected(next);
    setAnchor(index);
  };

  const sortBy = (choice: SortChoice) => state.setSortChoice(choice);
  const sortHeader = (label: string, choice: SortChoice) => (
    <th aria-sort={state.sort === choice ? (choice === 'title' ? 'ascending' : 'descending') : undefined}>
      <button class="link" onClick={() => sortBy(choice)}>
        {label}
      </button>
    </th>
  );

  const rows = [];
  for (let i = win.first; i < win.last; i++) {
    const paper = visible[i]!;
    const claim = keyResult(paper);
    const href = safeUrl(paper.url);
    const title = readableTex(paper.title);
    const tags = [...paper.userTags, ...paper.tags.map((t) => t.label)].slice(0, 4);
    rows.push(
      <tr key={paper.id} class={selected.has(paper.id) ? 'selected' : undefined} data-paper-id={paper.id}>
        <td>
          <input type="checkbox" aria-label={`Select ${title}`} checked={selected.has(paper.id)} onClick={(e) => toggle(i, e.shiftKey)} />
        </td>
        <td class="title-cell">
          {href ? (
            <a href={href} target="_blank" rel="noopener noreferrer" class="paper-title" onClick={(e) => (e.preventDefault(), api.openUrl(href))}>
              {title}
            </a>
          ) : (
            <span class="paper-title">{title}</span>
          )}
          <div class="cell-sub">{paper.authors.slice(0, 6).join(', ')}</div>
        </td>
        <td>{paper.year ?? ''}</td>
        <td class="tags-cell">{tags.join(' · ')}</td>
        <td class="result-cell" title={claim && readableTex(claim.sentence)}>
          {claim ? describeClaim(claim) : ''}
        </td>
        <td>{paper.sites.map((s) => SITE_NAMES[s]).join(', ')}</td>
        <td>{formatDate(view === 'saved' ? paper.savedAt : paper.lastSeenAt)}</td>
      </tr>,
    );
  }

  return (
    <>
      <BulkBar state={state} chosen={chosen} api={api} download={download} shown={visible.length} total={papers?.length ?? 0} onSelectShown={() => setSelected(new Set([...selected, ...visible.map((p) => p.id)]))} onClear={() => setSelected(new Set())} />
      <div class="table-scroll" ref={win.containerRef as { current: HTMLDivElement | null }} onScroll={win.onScroll}>
        <table class="paper-table">
          <thead>
            <tr>
              <th>
                <input
                  type="checkbox"
                  aria-label="Select all shown"
                  checked={allShownSelected}
                  onClick={() => setSelected(allShownSelected ? new Set() : new Set(visible.map((p) => p.id)))}
                />
              </th>
              {sortHeader('Title', 'title')}
              {sortHeader('Year', 'year')}
              <th>Tags</th>
              <th>Key result</th>
              <th>Site</th>
              {sortHeader(view === 'saved' ? 'Saved' : 'Seen', view)}
            </tr>
          </thead>
          <tbody>
            <tr aria-hidden="true" class="spacer" style={{ height: `${win.padTop}px` }} />
            {rows}
            <tr aria-hidden="true" class="spacer" style={{ height: `${win.padBottom}px` }} />
          </tbody>
        </table>
        {visible.length === 0 && <p class="empty">{papers?.length ? 'No paper matches the search and filters.' : 'No papers here yet: save papers from a listing page and they appear here.'}</p>}
      </div>
    </>
  );
}

interface BulkBarProps {
  state: PapersState;
  chosen: Paper[];
  api: LibraryApi;
  download(file: ExportFile): void;
  shown: number;
  total: number;
  onSelectShown(): void;
  onClear(): void;
}

function BulkBar({ state, chosen, api, download, shown, total, onSelectShown, onClear }: BulkBarProps) {
  const [tag, setTag] = useState('');
  const [format, setFormat] = useState<ExportFormat>('bibtex');
  const [exporting, setExporting] = useState('');
  const knownTags = useMemo(() => facets(state.papers ?? []).tags, [state.papers]);
  const chosenTags = useMemo(() => [...new Set(chosen.flatMap((p) => p.userTags))].sort(), [chosen]);
  const has = (paper: Paper, label: string) => paper.userTags.some((t) => t.toLowerCase() === label.toLowerCase());

  const addTag = () => {
    const label = cleanTag(tag);
    if (!label) return;
    void state.updateMany(chosen, (p) => (has(p, label) ? null : { userTags: [...p.userTags, label] }));
    setTag('');
  };
  const removeTag = (label: string) => void state.updateMany(chosen, (p) => (has(p, label) ? { userTags: p.userTags.filter((t) => t !== label) } : null));
  const exportChosen = async () => {
    setExporting(`Exporting ${chosen.length.toLocaleString()} papers…`);
    try {
      const progress = (done: number, total: number) => setExporting(`Exporting… ${done.toLocaleString()} of ${total.toLocaleString()}`);
      download(await api.exportPapers(format, chosen, progress));
      setExporting('');
    } catch (e) {
      setExporting(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <div class="bulk" role="toolbar" aria-label="Bulk actions">
      <span class="bulk-count">
        {chosen.length.toLocaleString()} selected · {shown.toLocaleString()} shown of {total.toLocaleString()}
      </span>
      <button onClick={onSelectShown} disabled={shown === 0}>
        Select all shown
      </button>
      <button onClick={onClear} disabled={chosen.length === 0}>
        Clear selection
      </button>
      <span class="bulk-group">
        <input list="known-tags" placeholder="Tag" aria-label="Tag to add to the selected papers" value={tag} maxLength={60} onInput={(e) => setTag(e.currentTarget.value)} onKeyDown={(e) => e.key === 'Enter' && addTag()} />
        <datalist id="known-tags">
          {knownTags.slice(0, 200).map((t) => (
            <option key={t.value} value={t.label} />
          ))}
        </datalist>
        <button onClick={addTag} disabled={chosen.length === 0 || !cleanTag(tag)}>
          Add tag
        </button>
        {chosenTags.length > 0 && (
          <select aria-label="Remove a tag from the selected papers" value="" onChange={(e) => e.currentTarget.value && removeTag(e.currentTarget.value)}>
            <option value="">Remove tag…</option>
            {chosenTags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        )}
      </span>
      <button onClick={() => void state.updateMany(chosen, (p) => (p.read ? null : { read: true }))} disabled={chosen.length === 0}>
        Mark read
      </button>
      <span class="bulk-group">
        <select aria-label="Export format" value={format} onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}>
          {EXPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {FORMAT_INFO[f].label}
            </option>
          ))}
        </select>
        <button onClick={() => void exportChosen()} disabled={chosen.length === 0 || exporting.startsWith('Exporting')}>
          Export selected
        </button>
      </span>
      {exporting && (
        <span class="bulk-progress" role="status">
          {exporting}
        </span>
      )}
    </div>
  );
}

/** Charts of the saved papers: per topic, per month, and the benchmarks results are reported on. */
export function Overview({ papers }: { papers: readonly Paper[] }) {
  const topics = useMemo(() => papersPerTopic(papers), [papers]);
  const months = useMemo(() => papersPerMonth(papers), [papers]);
  const benchmarks = useMemo(() => benchmarkSummaries(papers), [papers]);
  if (papers.length === 0) return <p class="empty">Nothing saved yet: the overview fills in as you save papers.</p>;
  return (
    <div class="overview">
      <section>
        <h2>Saved papers per {topics.by}</h2>
        {topics.counts.length ? <BarChart counts={topics.counts} label={`Saved papers per ${topics.by}`} /> : <p class="empty">No {topics.by} tags on these papers yet.</p>}
      </section>
      <section>
        <h2>Saved per month</h2>
        <ColumnChart counts={months} label="Papers saved per month" />
      </section>
      <section class="wide">
        <h2>Benchmarks most often reported on</h2>
        <p class="hint">Bars: papers reporting a result on the benchmark. Dots: the values they report for its most common metric.</p>
        {benchmarks.length ? <BenchmarkChart summaries={benchmarks} /> : <p class="empty">No results with a named benchmark among these papers yet.</p>}
      </section>
    </div>
  );
}
