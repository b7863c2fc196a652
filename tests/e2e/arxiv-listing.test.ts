import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_MISSING, chromiumPath, launchWithExtension, openPopup, readStore, servePages, waitFor, type ExtensionSession } from './harness';
import { HAS_SHARED, OWN_FIXTURES_DIR, readShared, sharedPath } from '../helpers/shared';

if (!chromiumPath()) console.warn(`[paperlens] e2e skipped: ${CHROMIUM_MISSING}`);

/** Ids of entries on an arXiv listing, counted from the page's own markup (not by the adapter). */
function idsInMarkup(html: string): Set<string> {
  const ids = new Set<string>();
  for (const m of html.matchAll(/<dt>[\s\S]*?href\s*=\s*["']?(?:https:\/\/arxiv\.org)?\/abs\/([^"'\s>]+)["']?[^>]*title="Abstract"/g)) ids.add(`arxiv:${m[1]}`);
  return ids;
}

/** Every paper id the popup's list shows, scrolling through it (the list renders only the rows in view). */
async function listedIds(popup: Page): Promise<Set<string>> {
  await popup.locator('[data-paper-id]').first().waitFor();
  const ids = new Set<string>();
  for (let step = 0; step < 500; step++) {
    const { rows, atEnd } = await popup.evaluate(() => {
      const scroller = document.querySelector('.list-scroll')!;
      const rows = [...document.querySelectorAll('[data-paper-id]')].map((r) => r.getAttribute('data-paper-id')!);
      const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1;
      scroller.scrollTop += scroller.clientHeight;
      return { rows, atEnd };
    });
    rows.forEach((id) => ids.add(id));
    if (atEnd) break;
    await popup.waitForTimeout(30);
  }
  return ids;
}

describe.skipIf(!chromiumPath())('arXiv listing → IndexedDB → popup, in Chromium', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchWithExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('stores every entry of our own current-markup /new fixture, the cross-list only once', async () => {
    const file = path.join(OWN_FIXTURES_DIR, 'pages/arxiv_new_cs.LG_current-markup.html');
    await servePages(session.context, 'https://arxiv.org', { '/list/cs.LG/new': file });
    const page = await session.context.newPage();
    await page.goto('https://arxiv.org/list/cs.LG/new');
    const papers = await waitFor(() => readStore<{ id: string }>(session.worker, 'papers'), (p) => p.length >= 4);
    expect(papers.map((p) => p.id).sort()).toEqual(['arxiv:2501.09999', 'arxiv:2609.00777', 'arxiv:2609.01234', 'arxiv:2609.01301']);
    await page.close();
  });

  it.skipIf(!HAS_SHARED)('stores every entry of the real new-markup listing at its real URL, and the popup lists them', async () => {
    const file = 'arxiv_recent_astro-ph.CO_2024-05-08_new-markup.html';
    const expected = idsInMarkup(readShared('fixtures/pages', file));
    expect(expected.size).toBeGreaterThan(100);
    await servePages(session.context, 'https://arxiv.org', { '/list/astro-ph.CO/recent': sharedPath('fixtures/pages', file) });
    const page = await session.context.newPage();
    await page.goto('https://arxiv.org/list/astro-ph.CO/recent');
    const stored = await waitFor(
      () => readStore<{ id: string }>(session.worker, 'papers'),
      (papers) => [...expected].every((id) => papers.some((p) => p.id === id)),
    );
    const storedIds = new Set(stored.map((p) => p.id));
    expect([...expected].filter((id) => !storedIds.has(id))).toEqual([]);

    const popup = await openPopup(session);
    await popup.getByRole('tab', { name: 'Seen lately' }).click();
    const listed = await listedIds(popup);
    expect([...expected].filter((id) => !listed.has(id))).toEqual([]);
    await popup.close();
    await page.close();
  });

  it.skipIf(!HAS_SHARED)('stores every entry of the real legacy-markup listing', async () => {
    const file = 'arxiv_recent_astro-ph.CO_2024-05-07_legacy-markup.html';
    const expected = idsInMarkup(readShared('fixtures/pages', file));
    await servePages(session.context, 'https://arxiv.org', { '/list/astro-ph.CO/pastweek': sharedPath('fixtures/pages', file) });
    const page = await session.context.newPage();
    await page.goto('https://arxiv.org/list/astro-ph.CO/pastweek');
    const stored = await waitFor(
      () => readStore<{ id: string }>(session.worker, 'papers'),
      (papers) => [...expected].every((id) => papers.some((p) => p.id === id)),
    );
    const storedIds = new Set(stored.map((p) => p.id));
    expect([...expected].filter((id) => !storedIds.has(id))).toEqual([]);
    await page.close();
  });
});
