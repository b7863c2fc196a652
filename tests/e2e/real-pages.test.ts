import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runEnrich } from '../../lib/cli/enrich';
import { HAS_SHARED, REAL_PAGES, sharedPath } from '../helpers/shared';
import { CHROMIUM_MISSING, chromiumPath, launchWithExtension, readStore, servePages, waitFor, type ExtensionSession } from './harness';

if (!chromiumPath()) console.warn(`[paperlens] e2e skipped: ${CHROMIUM_MISSING}`);

/** What the `enrich` command prints for a saved page: the papers' ids and titles. */
async function enrichedPapers(file: string, url: string): Promise<{ id: string; title: string }[]> {
  const out: string[] = [];
  const code = await runEnrich([file, '--url', url], { out: (line) => out.push(line), err: () => undefined });
  expect(code).toBe(0);
  return (JSON.parse(out.join('\n')) as { papers: { id: string; title: string }[] }).papers.map(({ id, title }) => ({ id, title }));
}

describe.skipIf(!chromiumPath() || !HAS_SHARED)('every real page in ../shared, in Chromium at its real URL, yields what `enrich` yields', () => {
  // A fresh browser per page: the real pages share papers, and a store that saw one page first would
  // keep that page's spelling of their titles.
  let session: ExtensionSession;
  beforeEach(async () => {
    session = await launchWithExtension();
  });
  afterEach(async () => {
    await session?.close();
  });

  for (const page of REAL_PAGES) {
    it(`${page.site}: ${page.file}`, async () => {
      const file = sharedPath('fixtures/pages', page.file);
      const expected = await enrichedPapers(file, page.url);
      expect(expected.length).toBeGreaterThan(0);
      const url = new URL(page.url);
      await servePages(session.context, url.origin, { [url.pathname + url.search]: file });
      const tab = await session.context.newPage();
      await tab.goto(page.url);
      const stored = await waitFor(
        () => readStore<{ id: string; title: string }>(session.worker, 'papers'),
        (papers) => expected.every(({ id }) => papers.some((p) => p.id === id)),
        30_000,
      );
      const storedTitles = new Map(stored.map((p) => [p.id, p.title]));
      expect(expected.filter(({ id, title }) => storedTitles.get(id) !== title)).toEqual([]);
      await tab.close();
    });
  }
});
