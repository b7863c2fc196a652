import type { PaperDb } from './db';

/** Longest personal tag kept, and most tags per paper: tags are labels, not notes. */
export const USER_TAG_MAX = 60;
export const USER_TAGS_PER_PAPER = 50;

/**
 * A tag as the user typed it, tidied: whitespace folded, control characters and commas dropped
 * (a comma separates keywords in every export format), length capped. Empty → null.
 */
export function normaliseUserTag(raw: string): string | null {
   
  const label = raw.replace(/[\u0000-\u001f\u007f,;]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, USER_TAG_MAX).trim();
  return label || null;
}

/** Tidies a paper's tags and drops duplicates that differ only in case (the first spelling wins). */
export function normaliseUserTags(raw: readonly string[]): string[] {
  const byId = new Map<string, string>();
  for (const tag of raw) {
    const label = normaliseUserTag(tag);
    if (label && !byId.has(userTagId(label))) byId.set(userTagId(label), label);
  }
  return [...byId.values()].slice(0, USER_TAGS_PER_PAPER);
}

/** `Reward Modelling` → `user:reward-modelling`: the id personal-tag models and `Tag.id` use. */
export function userTagId(label: string): string {
  const slug = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
  return `user:${slug || label.toLowerCase()}`;
}

export interface TagSummary {
  id: string;
  label: string;
  /** Papers carrying the tag. */
  count: number;
}

/** The user's tags, most used first, for suggestions and the tag filter. */
export async function listTags(db: PaperDb): Promise<TagSummary[]> {
  const tx = db.transaction(['tags', 'papers']);
  const byTag = tx.objectStore('papers').index('userTags');
  const tags = await tx.objectStore('tags').getAll();
  const summaries = await Promise.all(tags.map(async (tag) => ({ id: tag.id, label: tag.label, count: await byTag.count(tag.label) })));
  await tx.done;
  return summaries.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}
