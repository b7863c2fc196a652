import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Paper } from '../../lib/model';
import { OWN_FIXTURES_DIR } from '../helpers/shared';
import { chromiumPath, launchWithExtension, openPopup, readStore, sendToBackground, servePages, waitFor, type ExtensionSession } from './harness';
import type { Page } from 'playwright-core';

/**
 * Two Chromium profiles, A and B, each with PaperLens. Sync is delivered as the browser's sync would:
 * profile A's storage.sync items are copied into profile B through the extension API (which fires
 * storage.onChanged there, as an incoming change does), and back.
 */
describe.skipIf(!chromiumPath())('sync between two Chromium profiles', () => {
  let a: ExtensionSession;
  let b: ExtensionSession;
  let popupA: Page;
  let popupB: Page;
  const FIRST = 'arxiv:2609.01234';
  const SECOND = 'arxiv:2609.00777';

  beforeAll(async () => {
    [a, b] = await Promise.all([launchWithExtension(), launchWithExtension()]);
    await servePages(a.context, 'https://arxiv.org', { '/list/cs.LG/new': path.join(OWN_FIXTURES_DIR, 'pages/arxiv_new_cs.LG_current-markup.html') });
    const page = await a.context.newPage();
    await page.goto('https://arxiv.org/list/cs.LG/new');
    await waitFor(() => readStore<Paper>(a.worker, 'papers'), (papers) => papers.length >= 4);
    [popupA, popupB] = await Promise.all([openPopup(a), openPopup(b)]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  /** Flushes `from`, then delivers its whole sync area to `to`. */
  async function deliver(from: ExtensionSession, fromPopup: Page, to: ExtensionSession) {
    await sendToBackground(fromPopup, 'syncNow');
    const items = await from.worker.evaluate(() => chrome.storage.sync.get(null));
    await to.worker.evaluate((incoming) => chrome.storage.sync.set(incoming), items);
  }

  const savedIn = (session: ExtensionSession) => async () => (await readStore<Paper>(session.worker, 'papers')).filter((p) => p.saved);

  it("B's popup shows A's saves", async () => {
    await sendToBackground(popupA, 'setSaved', { id: FIRST, saved: true });
    await sendToBackground(popupA, 'updatePaper', { id: FIRST, patch: { userTags: ['reward models'] } });
    await sendToBackground(popupA, 'setSaved', { id: SECOND, saved: true });
    await deliver(a, popupA, b);
    const saved = await waitFor(savedIn(b), (papers) => papers.length === 2);
    expect(saved.map((p) => p.id).sort()).toEqual([SECOND, FIRST].sort());
    expect(saved.find((p) => p.id === FIRST)!.userTags).toEqual(['reward models']);

    await popupB.reload();
    await expect.poll(() => popupB.locator('[data-paper-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-paper-id')))).toEqual(expect.arrayContaining([FIRST, SECOND]));
    await expect.poll(() => popupB.getByRole('status').first().textContent()).toMatch(/sync/i);
  });

  it('deletes and edits propagate both ways', async () => {
    await sendToBackground(popupB, 'removePaper', { id: SECOND });
    await sendToBackground(popupB, 'updatePaper', { id: FIRST, patch: { note: 'read section 4', read: true } });
    await deliver(b, popupB, a);
    const onA = await waitFor(savedIn(a), (papers) => papers.length === 1 && papers[0]!.note === 'read section 4');
    expect(onA.map((p) => [p.id, p.note, p.read])).toEqual([[FIRST, 'read section 4', true]]);
  });

  it('concurrent edits converge to the same state on both', async () => {
    await sendToBackground(popupA, 'updatePaper', { id: FIRST, patch: { userTags: ['from A'] } });
    await sendToBackground(popupB, 'updatePaper', { id: FIRST, patch: { userTags: ['from B'], note: 'note from B' } });
    await deliver(a, popupA, b);
    await deliver(b, popupB, a);
    await deliver(a, popupA, b);
    const view = (papers: Paper[]) => papers.map((p) => [p.id, p.userTags, p.note, p.read]);
    const onA = view(await savedIn(a)());
    const onB = view(await waitFor(savedIn(b), (papers) => JSON.stringify(view(papers)) === JSON.stringify(onA)));
    expect(onB).toEqual(onA);
    expect(onA[0]![2]).toBe('note from B');
  });
});
