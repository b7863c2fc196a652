import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { identityKeys, type Paper } from '../../lib/model';
import { HAS_SHARED, sharedPath } from '../helpers/shared';
import { injectedMarkup, XSS_PAYLOADS } from '../unit/ui/xss-payloads';
import { CHROMIUM_MISSING, chromiumPath, launchWithExtension, openPopup, readStore, servePages, waitFor, writeStore, type ExtensionSession } from './harness';

if (!chromiumPath()) console.warn(`[paperlens] e2e skipped: ${CHROMIUM_MISSING}`);

// A listing with abstracts, so search can reach past the titles.
const REAL_LISTING = 'arxiv_new_cs_2018-07-20_legacy-markup_with-abstracts.extracted.html';
const REAL_URL = 'https://arxiv.org/list/cs/new';
const AXE = path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');

type Stored = Paper & { keys: string[] };
const rows = (popup: Page) => popup.locator('.paper-list > .paper');
const storedPaper = async (session: ExtensionSession, id: string) => (await readStore<Stored>(session.worker, 'papers')).find((p) => p.id === id);

/**
 * A word of this paper's abstract that is not in its title, and that shares no stem (first five
 * letters) with any word of the other papers, so neither a prefix nor a typo match reaches them.
 */
function wordOnlyIn(paper: Paper, others: Paper[]): string {
  const words = (text: string) => text.toLowerCase().split(/[^a-z]+/).filter((w) => w.length >= 7);
  const stems = new Set([...words(paper.title), ...others.flatMap((p) => words(JSON.stringify(p)))].map((w) => w.slice(0, 5)));
  const word = words(paper.abstract).find((w) => !stems.has(w.slice(0, 5)));
  if (!word) throw new Error(`no distinctive abstract word in ${paper.id}`);
  return word;
}

describe.skipIf(!chromiumPath() || !HAS_SHARED)('the popup and library in Chromium, after saving on a real listing', () => {
  let session: ExtensionSession;
  let saved: Paper[];
  beforeAll(async () => {
    session = await launchWithExtension();
    await servePages(session.context, 'https://arxiv.org', { '/list/cs/new': sharedPath('fixtures/pages', REAL_LISTING) });
    const page = await session.context.newPage();
    await page.goto(REAL_URL);
    const chips = page.locator('paperlens-chips[data-state="ready"]');
    await chips.nth(2).waitFor();
    for (let i = 0; i < 3; i++) {
      await chips.nth(i).getByRole('button', { name: /^Save: / }).click();
      await chips.nth(i).getByRole('button', { name: /^Saved: / }).waitFor();
    }
    await page.close();
    saved = (await readStore<Stored>(session.worker, 'papers')).filter((p) => p.saved);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('lists the saved papers and finds one by a word of its abstract', async () => {
    expect(saved).toHaveLength(3);
    const popup = await openPopup(session);
    await waitFor(() => rows(popup).count(), (n) => n === 3);
    await popup.locator('.list-scroll[aria-busy="false"]').waitFor();
    const [target, ...others] = saved;
    await popup.keyboard.press('/');
    await popup.keyboard.type(`${wordOnlyIn(target!, others)} `);
    await waitFor(() => rows(popup).count(), (n) => n === 1);
    expect(await rows(popup).first().getAttribute('data-paper-id')).toBe(target!.id);
    await popup.keyboard.press('Escape');
    await waitFor(() => rows(popup).count(), (n) => n === 3);
    await popup.close();
  });

  it('tags, notes, marks read and removes with undo, all stored by the background', async () => {
    const popup = await openPopup(session);
    await waitFor(() => rows(popup).count(), (n) => n === 3);
    const row = rows(popup).first();
    const id = (await row.getAttribute('data-paper-id'))!;
    const savedAt = (await storedPaper(session, id))!.savedAt;
    await row.locator('.more').click();
    await row.getByLabel('Add a tag').fill('to-read');
    await row.getByLabel('Add a tag').press('Enter');
    await row.getByPlaceholder('Why this paper matters to you').fill('compare with the lensing paper');
    await row.getByRole('button', { name: 'Mark read' }).click();
    await waitFor(() => storedPaper(session, id), (p) => Boolean(p?.userTags.includes('to-read') && p.note === 'compare with the lensing paper' && p.read));
    const stored = (await storedPaper(session, id))!;
    expect([stored.userTags, stored.note, stored.read]).toEqual([['to-read'], 'compare with the lensing paper', true]);

    await row.getByRole('button', { name: 'Remove', exact: true }).click();
    await waitFor(() => rows(popup).count(), (n) => n === 2);
    await waitFor(() => storedPaper(session, id), (p) => p?.saved === false);
    await popup.getByRole('button', { name: 'Undo' }).click();
    await waitFor(() => storedPaper(session, id), (p) => p?.saved === true);
    expect((await storedPaper(session, id))!.savedAt).toBe(savedAt);
    expect(await rows(popup).first().getAttribute('data-paper-id')).toBe(id);
    await popup.close();
  });

  it('exports the selection from the library page as BibTeX', async () => {
    const library = await session.context.newPage();
    await library.goto(`chrome-extension://${session.extensionId}/library.html`);
    await waitFor(() => library.locator('.paper-table tbody tr[data-paper-id]').count(), (n) => n === 3);
    await library.getByRole('button', { name: 'Select all shown' }).click();
    await library.getByLabel('Export format').selectOption('bibtex');
    const [download] = await Promise.all([library.waitForEvent('download'), library.getByRole('button', { name: 'Export selected' }).click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.match(/^@\w+\{/gm)).toHaveLength(3);
    for (const paper of saved) expect(text).toContain(paper.id.replace(/^arxiv:/, ''));
    await library.getByRole('tab', { name: 'Overview' }).click();
    await library.getByRole('img', { name: 'Papers saved per month' }).waitFor();
    await library.close();
  });

  it('shows hostile text inert in the popup and the library, and passes axe without serious issues', async () => {
    const now = Date.now();
    const hostile: Stored[] = XSS_PAYLOADS.map((payload, i) => {
      const paper: Paper = {
        id: `title:xss ${i}`, aliases: [], title: `${payload} ${i}`, authors: [payload], abstract: `About ${payload}.`, abstractKind: 'full',
        url: 'javascript:window.__plXss=99', subjects: [], sites: ['generic'], tags: [{ id: `topic:x${i}`, label: payload, kind: 'topic', score: 1, source: 'model' }],
        results: [], artifacts: [], saved: true, savedAt: now + i, firstSeenAt: now, lastSeenAt: now, seen: [], userTags: [], note: payload, read: false,
      };
      return { ...paper, keys: identityKeys(paper) };
    });
    await writeStore(session.worker, 'papers', hostile);
    const popup = await openPopup(session);
    await waitFor(() => rows(popup).count(), (n) => n >= XSS_PAYLOADS.length);
    const inert = (page: Page) => page.evaluate(`(${injectedMarkup.toString()})(document.body)`);
    // Open each row's details in turn (one is open at a time), so authors and notes are shown too.
    for (let i = 0; i < XSS_PAYLOADS.length; i++) {
      await rows(popup).nth(i).locator('.more').click();
      expect(await inert(popup)).toEqual([]);
    }
    const library = await session.context.newPage();
    await library.goto(`chrome-extension://${session.extensionId}/library.html`);
    await waitFor(() => library.locator('.paper-table tbody tr[data-paper-id]').count(), (n) => n >= XSS_PAYLOADS.length);
    for (const page of [popup, library]) {
      expect(await page.evaluate(() => (window as { __plXss?: number }).__plXss)).toBeUndefined();
      expect(await inert(page)).toEqual([]);
    }
    await library.getByRole('tab', { name: 'Overview' }).click();
    await library.getByRole('img', { name: 'Saved papers per topic' }).waitFor();
    expect(await inert(library)).toEqual([]);

    // Extension pages forbid inline scripts: evaluate axe's source instead of adding a tag.
    await popup.evaluate(readFileSync(AXE, 'utf8'));
    const violations = await popup.evaluate(async () => {
      const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string }[] }> } }).axe.run();
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await Promise.all([popup.close(), library.close()]);
  });
});
