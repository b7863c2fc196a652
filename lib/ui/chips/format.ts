import type { ResultClaim, Tag } from '../../model';

const ARROW = { up: '↑', down: '↓', none: '' } as const;
const RESULT_LABEL_MAX = 48;

/** "↑ 4.2 BLEU on WMT14", "state of the art on ImageNet": the claim in a few words, as the abstract states it. */
export function resultLabel(claim: ResultClaim): string {
  const value = claim.value ? `${ARROW[claim.direction]} ${claim.value}`.trim() : claim.kind === 'sota' ? 'state of the art' : '';
  const what = [value, claim.metric].filter(Boolean).join(' ');
  const label = claim.dataset ? `${what} on ${claim.dataset}` : what;
  return label.length > RESULT_LABEL_MAX ? `${label.slice(0, RESULT_LABEL_MAX - 1)}…` : label;
}

/** Personal tags first (the user's own before suggestions), then topics, then page categories; each by score. */
export function orderedTags(tags: readonly Tag[]): Tag[] {
  const rank = (tag: Tag) => (tag.kind === 'personal' ? (tag.source === 'user' ? 0 : 1) : tag.kind === 'topic' ? 2 : 3);
  return [...tags].sort((a, b) => rank(a) - rank(b) || b.score - a.score);
}

export function isPersonal(tag: Tag): boolean {
  return tag.kind === 'personal';
}
