import type { Paper } from '../model';

export interface PaperRowProps {
  paper: Paper;
  onToggleSaved(): void;
}

function formatDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** One paper in a list: title (a link), authors, tags, where and when. All text rendered by Preact, never as markup. */
export function PaperRow({ paper, onToggleSaved }: PaperRowProps) {
  const authors = paper.authors.length > 3 ? `${paper.authors.slice(0, 3).join(', ')} et al.` : paper.authors.join(', ');
  return (
    <li class="paper" data-paper-id={paper.id}>
      <a class="paper-title" href={paper.url} target="_blank" rel="noopener noreferrer">
        {paper.title}
      </a>
      {authors && <div class="paper-authors">{authors}</div>}
      {paper.tags.length > 0 && (
        <ul class="tags" aria-label="Tags">
          {paper.tags.map((tag) => (
            <li key={tag.id} class={`tag tag-${tag.kind}`} title={tag.evidence?.join(', ')}>
              {tag.label}
            </li>
          ))}
        </ul>
      )}
      <div class="paper-meta">
        <span>{paper.sites.join(', ')}</span>
        <span>{formatDate(paper.savedAt ?? paper.lastSeenAt)}</span>
        <button class="save" aria-pressed={paper.saved} onClick={onToggleSaved}>
          {paper.saved ? 'Saved' : 'Save'}
        </button>
      </div>
    </li>
  );
}
