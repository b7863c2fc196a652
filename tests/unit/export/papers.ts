import type { Paper } from '../../../lib/model';

/** A saved paper with everything a reference manager needs, to override per test. */
export function paper(over: Partial<Paper> = {}): Paper {
  return {
    id: 'arxiv:2609.01234',
    aliases: [],
    title: 'Scaling Laws for Reward Model Overoptimization',
    authors: ['Ada Lovelace', 'Alan M. Turing', 'Grace van der Hopper'],
    abstract: 'We study how reward models overoptimize, and find a 12.3% gain on WebShop.',
    abstractKind: 'full',
    url: 'https://arxiv.org/abs/2609.01234',
    pdfUrl: 'https://arxiv.org/pdf/2609.01234',
    subjects: ['cs.LG', 'cs.AI'],
    year: 2026,
    sites: ['arxiv'],
    tags: [
      { id: 'cs.LG', label: 'cs.LG', kind: 'category', score: 1, source: 'page' },
      { id: 'topic:rlhf', label: 'Reward modelling / RLHF', kind: 'topic', score: 0.9, source: 'model' },
    ],
    results: [],
    artifacts: [],
    saved: true,
    savedAt: Date.UTC(2026, 8, 3),
    firstSeenAt: Date.UTC(2026, 8, 1),
    lastSeenAt: Date.UTC(2026, 8, 2),
    seen: [{ site: 'arxiv', url: 'https://arxiv.org/list/cs.LG/new', at: Date.UTC(2026, 8, 1) }],
    userTags: ['to read', 'alignment'],
    note: 'Compare with the PPO baseline.',
    read: false,
    ...over,
  };
}
