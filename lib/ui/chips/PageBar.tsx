import type { FilterMode } from '../../page/filter';

export interface TagCount {
  id: string;
  label: string;
  count: number;
  personal: boolean;
}

export interface PageBarProps {
  found: number;
  matching: number;
  /** The tag the page is filtered by; null: matches are papers with one of the user's tags. */
  filterTag: TagCount | null;
  mode: FilterMode;
  tags: TagCount[];
  /** Matching papers not saved yet. */
  unsavedMatching: number;
  savingAll: boolean;
  onFilter(tagId: string | null): void;
  onMode(mode: FilterMode): void;
  onSaveAll(): void;
  onNext(): void;
  onDismiss(): void;
}

/** The small bar at the corner of a listing page: counts, filter by tag, save all matching, next match. */
export function PageBar(props: PageBarProps) {
  const { found, matching, filterTag, mode, tags, unsavedMatching, savingAll } = props;
  const matchText = filterTag ? `${matching} tagged ${filterTag.label}` : `${matching} match your tags`;
  return (
    <section class="bar" role="region" aria-label="PaperLens page bar">
      <span class="count" role="status">
        <strong>{found}</strong> {found === 1 ? 'paper' : 'papers'} · {matchText}
      </span>
      <label class="field">
        <span>Filter</span>
        <select value={filterTag?.id ?? ''} onChange={(e) => props.onFilter(e.currentTarget.value || null)}>
          <option value="">All papers</option>
          {tags.map((tag) => (
            <option key={tag.id} value={tag.id}>
              {tag.personal ? '★ ' : ''}
              {tag.label} ({tag.count})
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        class="chip"
        aria-pressed={mode === 'hide'}
        disabled={!filterTag}
        onClick={() => props.onMode(mode === 'hide' ? 'dim' : 'hide')}
      >
        Hide others
      </button>
      <button type="button" class="chip" disabled={!unsavedMatching || savingAll} onClick={props.onSaveAll}>
        {savingAll ? 'Saving…' : `Save all matching (${unsavedMatching})`}
      </button>
      <button type="button" class="chip" disabled={!matching} onClick={props.onNext}>
        Next match ↓
      </button>
      <button type="button" class="chip close" aria-label="Close the PaperLens bar" onClick={props.onDismiss}>
        ×
      </button>
    </section>
  );
}
