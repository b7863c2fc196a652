import type { Ref } from 'preact';
import { useMemo } from 'preact/hooks';
import type { SiteId } from '../model';
import type { ListView } from './api';
import { activeFilterCount, facets, NO_FILTERS, type Facet, type ReadFilter } from './library';
import type { PapersState, SortChoice } from './usePapers';

export interface FilterBarProps {
  state: PapersState;
  view: ListView;
  searchRef?: Ref<HTMLInputElement>;
  /** Focus the search field on mount, so typing starts a search at once (the popup). */
  autoFocus?: boolean;
  /** ArrowDown in the search field: move into the list. */
  onSearchArrowDown?(): void;
}

const SORT_LABELS: Record<Exclude<SortChoice, 'auto' | 'relevance'>, string> = {
  saved: 'Newest saved',
  seen: 'Newest seen',
  year: 'Year',
  title: 'Title',
};

function FacetSelect({ label, all, value, options, onChange }: { label: string; all: string; value: string; options: Facet[]; onChange(value: string): void }) {
  if (options.length === 0 && !value) return null;
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
      <option value="">{all}</option>
      {options.slice(0, 200).map((facet) => (
        <option key={facet.value} value={facet.value}>
          {facet.label} ({facet.count})
        </option>
      ))}
    </select>
  );
}

/** Search field, filters and sort, shared by the popup and the library page. */
export function FilterBar({ state, view, searchRef, autoFocus, onSearchArrowDown }: FilterBarProps) {
  const { papers, query, setQuery, filters, setFilters, setSortChoice, sort } = state;
  const available = useMemo(() => facets(papers ?? []), [papers]);
  const set = (change: Partial<typeof filters>) => setFilters({ ...filters, ...change });
  const searching = query.trim() !== '';
  const sortKeys = (view === 'saved' ? ['saved', 'year', 'title'] : ['seen', 'year', 'title']) as (keyof typeof SORT_LABELS)[];

  return (
    <div class="filter-bar">
      <input
        ref={searchRef}
        autoFocus={autoFocus}
        class="search"
        type="search"
        placeholder="Search titles, authors, abstracts, tags, results, notes   ( / )"
        aria-label="Search papers"
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && (query || activeFilterCount(filters))) {
            e.preventDefault();
            e.stopPropagation();
            if (query) setQuery('');
            else setFilters(NO_FILTERS);
          } else if (e.key === 'ArrowDown' && onSearchArrowDown) {
            e.preventDefault();
            onSearchArrowDown();
          }
        }}
      />
      <div class="filters" role="group" aria-label="Filters and sort">
        <FacetSelect label="Filter by tag" all="All tags" value={filters.tag} options={available.tags} onChange={(tag) => set({ tag })} />
        <FacetSelect label="Filter by category" all="All categories" value={filters.category} options={available.categories} onChange={(category) => set({ category })} />
        <FacetSelect label="Filter by site" all="All sites" value={filters.site} options={available.sites} onChange={(site) => set({ site: site as SiteId | '' })} />
        <select aria-label="Filter by read state" value={filters.read} onChange={(e) => set({ read: e.currentTarget.value as ReadFilter })}>
          <option value="all">Read and unread</option>
          <option value="unread">Unread</option>
          <option value="read">Read</option>
        </select>
        <label class="check">
          <input type="checkbox" checked={filters.hasResults} onChange={(e) => set({ hasResults: e.currentTarget.checked })} />
          With results
        </label>
        <select aria-label="Sort" value={sort} onChange={(e) => setSortChoice(e.currentTarget.value as SortChoice)}>
          {searching && <option value="relevance">Best match</option>}
          {sortKeys.map((key) => (
            <option key={key} value={key}>
              {SORT_LABELS[key]}
            </option>
          ))}
        </select>
        {activeFilterCount(filters) > 0 && (
          <button class="link" onClick={() => setFilters(NO_FILTERS)}>
            Clear filters
          </button>
        )}
      </div>
    </div>
  );
}
