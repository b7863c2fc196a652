import { useState } from 'preact/hooks';
import type { PaperStatus } from '../../messaging';
import type { ResultClaim } from '../../model';
import { isPersonal, orderedTags, resultLabel } from './format';

/** Tags shown before a "+N" button; keeps the row on one line so it never pushes the page down later. */
export const VISIBLE_TAGS = 4;

export interface ChipRowProps {
  title: string;
  /** What the store knows; null while the background has not answered yet (the row keeps its height, empty). */
  status: PaperStatus | null;
  keyResult: ResultClaim | null;
  /** The tag the page is filtered by, shown pressed. */
  activeTag: string | null;
  saving: boolean;
  onToggleSave(): void;
  onTag(tagId: string): void;
}

/** The chips under one paper on a listing page: save toggle, tags, key result. */
export function ChipRow({ title, status, keyResult, activeTag, saving, onToggleSave, onTag }: ChipRowProps) {
  const [expanded, setExpanded] = useState(false);
  const [pinned, setPinned] = useState(false);
  if (!status) return <div class="row" aria-busy="true" />;
  const tags = orderedTags(status.tags);
  const shown = expanded ? tags : tags.slice(0, VISIBLE_TAGS);
  const hidden = tags.length - shown.length;
  return (
    <div class={expanded ? 'row expanded' : 'row'} role="group" aria-label={`PaperLens: ${title}`}>
      <button
        type="button"
        class="chip save"
        aria-pressed={status.saved}
        aria-label={status.saved ? `Saved: ${title}` : `Save: ${title}`}
        disabled={saving}
        onClick={onToggleSave}
      >
        {status.saved ? '★ Saved' : '☆ Save'}
      </button>
      {shown.map((tag) => (
        <button
          type="button"
          key={tag.id}
          class={isPersonal(tag) ? (tag.source === 'user' ? 'chip tag personal' : 'chip tag personal suggested') : 'chip tag'}
          aria-pressed={activeTag === tag.id}
          aria-label={`${tag.label}${isPersonal(tag) && tag.source !== 'user' ? ' (suggested)' : ''}: show papers with this tag`}
          onClick={() => onTag(tag.id)}
        >
          {tag.label}
        </button>
      ))}
      {hidden > 0 && (
        <button type="button" class="chip more" aria-label={`+${hidden}: show ${hidden} more tags`} onClick={() => setExpanded(true)}>
          +{hidden}
        </button>
      )}
      {keyResult && (
        <span class="result-wrap">
          <button
            type="button"
            class="chip result"
            aria-describedby="source"
            aria-expanded={pinned}
            onClick={() => setPinned(!pinned)}
            onKeyDown={(e) => e.key === 'Escape' && setPinned(false)}
          >
            {resultLabel(keyResult)}
          </button>
          <span role="tooltip" id="source" class={pinned ? 'tip pinned' : 'tip'}>
            {keyResult.sentence}
          </span>
        </span>
      )}
    </div>
  );
}
