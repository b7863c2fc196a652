import type { Ref } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { Paper, ResultClaim } from '../model';
import { readableTex } from '../tex';
import type { ListView, PaperPatch } from './api';
import { describeClaim, keyResult, quoteParts, safeUrl, SITE_NAMES } from './library';
import { TagEditor } from './TagEditor';

/** Every collapsed row has this height (CSS .paper agrees), which is what makes windowing exact. */
export const ROW_HEIGHT = 86;
const AUTHORS_SHOWN = 30;

export interface PaperRowProps {
  paper: Paper;
  view: ListView;
  index: number;
  setSize: number;
  active: boolean;
  expanded: boolean;
  rowRef?: Ref<HTMLLIElement>;
  onActivate(): void;
  onToggleExpanded(): void;
  onOpen(): void;
  onUpdate(patch: PaperPatch): void;
  onRemove(): void;
  onToggleSaved(): void;
  /** Tags to offer in the tag editor, computed when the details open. */
  suggestions(): string[];
}

export function formatDate(ms: number | undefined): string {
  return ms ? new Date(ms).toISOString().slice(0, 10) : '';
}

export function rowId(index: number): string {
  return `paper-row-${index}`;
}

function authorLine(authors: string[], shown: number): string {
  return authors.length > shown ? `${authors.slice(0, shown).join(', ')} and ${authors.length - shown} more` : authors.join(', ');
}

/**
 * One paper in the popup list: title, tags, key result, site and date on a fixed-height row; the
 * details (all results with their quotes, tags, note, actions) when expanded. All text is rendered by
 * Preact as text, never as markup, and only http(s) links are followed.
 */
export function PaperRow(props: PaperRowProps) {
  const { paper, view, active, expanded } = props;
  const claim = keyResult(paper);
  const href = safeUrl(paper.url);
  const title = readableTex(paper.title);
  const userSet = new Set(paper.userTags.map((label) => label.toLowerCase()));
  const labels = [
    ...paper.userTags.map((label) => ({ label, user: true, suggested: false })),
    ...paper.tags.filter((t) => !userSet.has(t.label.toLowerCase())).map((t) => ({ label: t.label, user: false, suggested: t.source === 'model' && t.kind === 'personal' })),
  ];
  // Controls in collapsed rows stay out of the tab order: the row is the tab stop, arrows move between rows.
  const inner = expanded ? 0 : -1;
  const date = view === 'saved' ? paper.savedAt : paper.lastSeenAt;

  return (
    <li
      id={rowId(props.index)}
      ref={props.rowRef}
      class={`paper${active ? ' active' : ''}${expanded ? ' expanded' : ''}${paper.read ? '' : ' unread'}`}
      data-paper-id={paper.id}
      tabIndex={active ? 0 : -1}
      aria-posinset={props.index + 1}
      aria-setsize={props.setSize}
      aria-expanded={expanded}
      onFocus={props.onActivate}
      onClick={props.onActivate}
    >
      <div class="paper-head">
        {!paper.read && view === 'saved' && <span class="unread-dot" role="img" aria-label="Unread" />}
        {href ? (
          <a
            class="paper-title"
            href={href}
            target="_blank"
            rel="noopener noreferrer"
            tabIndex={inner}
            onClick={(e) => {
              e.preventDefault();
              props.onOpen();
            }}
          >
            {title}
          </a>
        ) : (
          <span class="paper-title">{title}</span>
        )}
      </div>
      {labels.length > 0 && (
        <ul class="tags" aria-label="Tags">
          {labels.map(({ label, user, suggested }) => (
            <li key={label} class={user ? 'tag tag-user' : suggested ? 'tag tag-suggested' : 'tag'} title={suggested ? 'Suggested by your tag model' : undefined}>
              {label}
            </li>
          ))}
        </ul>
      )}
      <div class="paper-meta">
        {claim && (
          <button class="key-result" tabIndex={inner} aria-expanded={expanded} title="Show where the abstract says it" onClick={props.onToggleExpanded}>
            {describeClaim(claim)}
          </button>
        )}
        <span class="paper-site">{paper.sites.map((s) => SITE_NAMES[s]).join(', ')}</span>
        <time dateTime={formatDate(date)}>{formatDate(date)}</time>
        <button class="more" tabIndex={inner} aria-expanded={expanded} aria-label={expanded ? 'Hide details' : 'Details and actions'} onClick={props.onToggleExpanded}>
          {expanded ? '▴' : '▾'}
        </button>
      </div>
      {expanded && <PaperDetails {...props} keyClaim={claim} href={href} />}
    </li>
  );
}

function PaperDetails({ paper, view, onOpen, onUpdate, onRemove, onToggleSaved, suggestions, keyClaim, href }: PaperRowProps & { keyClaim?: ResultClaim; href?: string }) {
  const offered = useMemo(suggestions, [paper.userTags]);
  const [note, setNote] = useState(paper.note);
  const saveNote = () => note !== paper.note && onUpdate({ note });
  const lastSeen = paper.seen[0];
  const lastSeenHref = safeUrl(lastSeen?.url);

  return (
    <div class="paper-details">
      {paper.authors.length > 0 && <p class="paper-authors">{authorLine(paper.authors, AUTHORS_SHOWN)}</p>}
      {paper.results.length > 0 && (
        <ul class="results" aria-label="Results">
          {paper.results.map((claim, i) => (
            <ClaimItem key={i} claim={claim} abstract={paper.abstract} quoteOpen={claim === keyClaim} />
          ))}
        </ul>
      )}
      {view === 'seen' && lastSeen && (
        <p class="seen-where">
          Seen on {SITE_NAMES[lastSeen.site]}
          {lastSeenHref && (
            <>
              {' '}
              (<a href={lastSeenHref} target="_blank" rel="noopener noreferrer">the listing</a>)
            </>
          )}{' '}
          at {new Date(lastSeen.at).toLocaleString()}
        </p>
      )}
      <TagEditor tags={paper.userTags} suggestions={offered} onChange={(userTags) => onUpdate({ userTags })} inputId={`tags-${paper.id}`} />
      <label class="note">
        <span>Note</span>
        <textarea
          rows={2}
          maxLength={5000}
          value={note}
          placeholder="Why this paper matters to you"
          onInput={(e) => setNote(e.currentTarget.value)}
          onBlur={saveNote}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) saveNote();
          }}
        />
      </label>
      <div class="actions">
        {href && <button onClick={onOpen}>Open</button>}
        {safeUrl(paper.pdfUrl) && (
          <a class="button" href={safeUrl(paper.pdfUrl)} target="_blank" rel="noopener noreferrer">
            PDF
          </a>
        )}
        <button aria-pressed={paper.read} onClick={() => onUpdate({ read: !paper.read })}>
          {paper.read ? 'Mark unread' : 'Mark read'}
        </button>
        {view === 'seen' && (
          <button class="save" aria-pressed={paper.saved} onClick={onToggleSaved}>
            {paper.saved ? 'Saved' : 'Save'}
          </button>
        )}
        <button class="danger" onClick={onRemove} title={view === 'saved' ? 'Take it off the saved list; it stays in Seen lately' : 'Forget that you saw it'}>
          {view === 'saved' ? 'Remove' : 'Forget'}
        </button>
      </div>
    </div>
  );
}

/** One result, with its sentence from the abstract on demand, the value marked. */
function ClaimItem({ claim, abstract, quoteOpen }: { claim: ResultClaim; abstract: string; quoteOpen: boolean }) {
  const [open, setOpen] = useState(quoteOpen);
  const quote = quoteParts(claim, abstract);
  return (
    <li class="claim">
      <span>{describeClaim(claim)}</span>{' '}
      {claim.sentence && (
        <button class="link" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'hide quote' : 'quote'}
        </button>
      )}
      {open && claim.sentence && (
        <blockquote class="quote">
          {quote.before}
          {quote.value && <mark>{quote.value}</mark>}
          {quote.after}
        </blockquote>
      )}
    </li>
  );
}
