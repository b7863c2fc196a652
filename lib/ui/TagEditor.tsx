import { useState } from 'preact/hooks';
import { cleanTag } from './library';

export interface TagEditorProps {
  tags: string[];
  /** Proposed tags, best first; ones already set are not shown. */
  suggestions: string[];
  onChange(tags: string[]): void;
  inputId?: string;
}

/** The user's own tags on a paper: chips to remove, a field to add, and one-click suggestions. */
export function TagEditor({ tags, suggestions, onChange, inputId }: TagEditorProps) {
  const [draft, setDraft] = useState('');
  const has = (tag: string) => tags.some((t) => t.toLowerCase() === tag.toLowerCase());
  const add = (raw: string) => {
    const tag = cleanTag(raw);
    if (tag && !has(tag)) onChange([...tags, tag]);
    setDraft('');
  };
  const offered = suggestions.filter((s) => !has(s) && s.toLowerCase().startsWith(draft.trim().toLowerCase())).slice(0, 6);

  return (
    <div class="tag-editor">
      <ul class="tags" aria-label="Your tags">
        {tags.map((tag) => (
          <li key={tag} class="tag tag-user">
            {tag}
            <button class="chip-remove" aria-label={`Remove tag ${tag}`} onClick={() => onChange(tags.filter((t) => t !== tag))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        id={inputId}
        class="tag-input"
        type="text"
        placeholder="Add a tag"
        aria-label="Add a tag"
        maxLength={60}
        value={draft}
        onInput={(e) => setDraft(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ',') {
            e.preventDefault();
            add(draft);
          } else if (e.key === 'Backspace' && !draft && tags.length) {
            onChange(tags.slice(0, -1));
          }
        }}
      />
      {offered.length > 0 && (
        <div class="suggestions" aria-label="Suggested tags">
          {offered.map((tag) => (
            <button key={tag} class="suggestion" onClick={() => add(tag)}>
              + {tag}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
