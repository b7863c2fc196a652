import { parseHtml } from '../../../lib/cli/html';
import { detectPage, entryData } from '../../../lib/detect';
import type { EntryData } from '../../../lib/model';
import type { EnrichedEntry } from '../../../lib/pipeline';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HAS_SHARED, OWN_FIXTURES_DIR, readShared, REAL_PAGES } from '../../helpers/shared';

/** An entry as the background stores it, tagged with only the categories the page states (no models, so store tests and benches do not depend on the classifier). */
export function withPageTags(entry: EntryData): EnrichedEntry {
  return { ...entry, tags: entry.subjects.map((code) => ({ id: code, label: code, kind: 'category', score: 1, source: 'page' })), results: [] };
}

export function entry(id: string, over: Partial<EntryData> = {}): EnrichedEntry {
  return withPageTags({
    id,
    aliases: [],
    title: `Paper ${id}`,
    authors: ['A. Author'],
    abstract: '',
    abstractKind: 'none',
    url: `https://arxiv.org/abs/${id.replace(/^arxiv:/, '')}`,
    subjects: ['cs.LG'],
    site: 'arxiv',
    ...over,
  });
}

/** Papers as detection yields them from real listing markup: our own fixture, plus ../shared's real pages when present. */
let cached: { url: string; site: EntryData['site']; entries: EnrichedEntry[] }[] | undefined;
export function realisticEntries(): { url: string; site: EntryData['site']; entries: EnrichedEntry[] }[] {
  return (cached ??= detectRealPages());
}

function detectRealPages() {
  const own = path.join(OWN_FIXTURES_DIR, 'pages/arxiv_new_cs.LG_current-markup.html');
  const pages = [{ html: readFileSync(own, 'utf8'), url: 'https://arxiv.org/list/cs.LG/new' }];
  if (HAS_SHARED) pages.push(...REAL_PAGES.map((p) => ({ html: readShared('fixtures/pages', p.file), url: p.url })));
  return pages
    .map(({ html, url }) => {
      const detection = detectPage(parseHtml(html, url), url);
      return { url, site: detection.site ?? 'generic', entries: detection.entries.map((e) => withPageTags(entryData(e))) };
    })
    .filter((page) => page.entries.length > 0);
}
