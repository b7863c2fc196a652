import { useState } from 'preact/hooks';
import type { PaperStatus } from '../../messaging';
import type { Tag } from '../../model';
import { readableTex } from '../../tex';
import { isPersonal, orderedTags, resultLabel } from './format';

/** Tags shown before a "+N" button (the rest open over the page): the row stays one line, so it never pushes the page down later. */
export const VISIBLE_TAGS = 4;

export interface ChipRowProps {
  title: string;
  /** What the store knows; null while the background has not answered yet (the row keeps its height, empty). */
  status: PaperStatus | null;
  /** The tag the page is filtered by, shown pressed. */
  activeTag: string | null;
  saving: boolean;
  onToggleSave(): void;
  onTag(tagId: string): void;
}

/** The chips under one paper on a listing page: save toggle, tags, key result. */
export function ChipRow({ title, status, activeTag, saving, onToggleSave, onTag }: ChipRowProps) {
  const [showMore, setShowMore] = useState(false);
  const [pinned, setPinned] = useState(false);
  if (!status) return <div class="row" aria-busy="true" />;
  const tags = orderedTags(status.tags);
  const { keyResult } = status;
  const tagButton = (tag: Tag) => (
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
  );
  const more = tags.slice(VISIBLE_TAGS);
  return (
    <div class="row" role="group" aria-label={`PaperLens: ${title}`}>
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
      {tags.slice(0, VISIBLE_TAGS).map(tagButton)}
      {more.length > 0 && (
        <span class="popover-wrap">
          <button type="button" class="chip more" aria-expanded={showMore} aria-label={`+${more.length}: ${more.length} more tags`} onClick={() => setShowMore(!showMore)}>
            +{more.length}
          </button>
          {showMore && <span class="popover">{more.map(tagButton)}</span>}
        </span>
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
            {readableTex(keyResult.sentence)}
          </span>
        </span>
      )}
    </div>
  );
}
