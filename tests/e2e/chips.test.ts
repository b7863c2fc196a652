import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROMIUM_MISSING, chromiumPath, launchWithExtension, openPopup, readStore, servePages, waitFor, type ExtensionSession } from './harness';
import { HAS_SHARED, OWN_FIXTURES_DIR, readShared, sharedPath } from '../helpers/shared';

if (!chromiumPath()) console.warn(`[paperlens] e2e skipped: ${CHROMIUM_MISSING}`);

const REAL_LISTING = 'arxiv_recent_astro-ph.CO_2024-05-08_new-markup.html';
const REAL_URL = 'https://arxiv.org/list/astro-ph.CO/recent';
const AXE = path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');

/** Entries of an arXiv listing counted from the page's markup itself (dt elements with an abstract link). */
function entriesInMarkup(html: string): number {
  return new Set([...html.matchAll(/href\s*=\s*["']?(?:https:\/\/arxiv\.org)?\/abs\/([^"'\s>]+)["']?[^>]*title="Abstract"/g)].map((m) => m[1])).size;
}

/** Rows whose background answer has been rendered. */
const readyRows = (page: Page) => page.locator('paperlens-chips[data-state="ready"]').count();

/** Scrolls to the end a screen at a time, as a reader would: rows are made as entries come near. */
async function scrollThrough(page: Page): Promise<void> {
  for (let y = 0; y < (await page.evaluate(() => document.documentElement.scrollHeight)); y += 700) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(30);
  }
}

describe.skipIf(!chromiumPath())('chips on listing pages, in Chromium', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchWithExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  it.skipIf(!HAS_SHARED)('puts one row of chips in every entry of a real listing, and the page bar and badge count them', async () => {
    const expected = entriesInMarkup(readShared('fixtures/pages', REAL_LISTING));
    expect(expected).toBeGreaterThan(100);
    await servePages(session.context, 'https://arxiv.org', { '/list/astro-ph.CO/recent': sharedPath('fixtures/pages', REAL_LISTING) });
    const page = await session.context.newPage();
    await page.goto(REAL_URL);
    await page.locator('paperlens-chips[data-state="ready"]').first().waitFor();
    await scrollThrough(page);
    await waitFor(() => readyRows(page), (n) => n >= expected, 20_000);
    expect(await readyRows(page)).toBe(expected);
    // One row per dd, inside it, and none elsewhere.
    const placement = await page.evaluate(() => {
      const hosts = [...document.querySelectorAll('paperlens-chips')];
      return { hosts: hosts.length, inDd: hosts.filter((h) => h.parentElement?.tagName === 'DD').length, dds: document.querySelectorAll('#dlpage dl > dd').length };
    });
    expect(placement.hosts).toBe(placement.inDd);
    expect(placement.hosts).toBe(placement.dds);
    // Each row offers the save toggle and the paper's tags as buttons.
    const firstRow = page.locator('paperlens-chips').first();
    await expect(firstRow.getByRole('button', { name: /^Save: / }).count()).resolves.toBe(1);
    expect(await firstRow.locator('button.tag').count()).toBeGreaterThan(0);

    const bar = page.locator('paperlens-bar');
    await waitFor(() => bar.locator('.count').textContent(), (text) => Boolean(text?.startsWith(`${expected} papers`)));
    expect(await bar.locator('.count').textContent()).toContain(`${expected} papers`);

    const badge = await session.worker.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      return chrome.action.getBadgeText({ tabId: tab!.id! });
    }, REAL_URL);
    expect(badge).toBe(String(expected));
    await page.close();
  });

  it.skipIf(!HAS_SHARED)('filters the page by a tag from the bar, jumps to matches, and puts the page back', async () => {
    await servePages(session.context, 'https://arxiv.org', { '/list/astro-ph.CO/recent': sharedPath('fixtures/pages', REAL_LISTING) });
    const page = await session.context.newPage();
    await page.goto(REAL_URL);
    await waitFor(() => page.locator('paperlens-bar select option').count(), (n) => n > 2);
    // A cross-listed category: some entries carry it, most do not.
    const option = await page.locator('paperlens-bar select option').evaluateAll((options) =>
      options.map((o) => (o as HTMLOptionElement).value).find((v) => v && v !== 'astro-ph.CO'),
    );
    await page.locator('paperlens-bar select').selectOption(option!);
    const dimmed = () => page.evaluate(() => [...document.querySelectorAll('#dlpage dd')].filter((dd) => (dd as HTMLElement).style.opacity === '0.35').length);
    const total = await page.locator('#dlpage dd').count();
    await waitFor(dimmed, (n) => n > 0);
    const matching = total - (await dimmed());
    expect(matching).toBeGreaterThan(0);
    expect(matching).toBeLessThan(total);

    await page.locator('paperlens-bar').getByRole('button', { name: 'Next match ↓' }).click();
    const focusedIn = await page.evaluate(() => document.activeElement?.closest('dd')?.style.opacity ?? 'none');
    expect(focusedIn).toBe('');

    await page.locator('paperlens-bar select').selectOption('');
    expect(await dimmed()).toBe(0);
    await page.locator('paperlens-bar').getByRole('button', { name: 'Close the PaperLens bar' }).click();
    expect(await page.locator('paperlens-bar').count()).toBe(0);
    await page.close();
  });

  it('saves from the chips, then the popup lists the paper; unsaves, then it is gone', async () => {
    const file = path.join(OWN_FIXTURES_DIR, 'pages/arxiv_new_cs.LG_current-markup.html');
    await servePages(session.context, 'https://arxiv.org', { '/list/cs.LG/new': file });
    const page = await session.context.newPage();
    await page.goto('https://arxiv.org/list/cs.LG/new');
    const row = page.locator('paperlens-chips[data-state="ready"]').first();
    await row.waitFor();
    const id = await page.evaluate(() => {
      const host = document.querySelector('paperlens-chips');
      const dd = host?.closest('dd');
      const dt = dd?.previousElementSibling;
      return `arxiv:${dt?.querySelector('a[title="Abstract"]')?.textContent?.replace(/^arXiv:/, '').trim()}`;
    });
    await row.getByRole('button', { name: /^Save: / }).click();
    await row.getByRole('button', { name: /^Saved: / }).waitFor();

    const popup = await openPopup(session);
    await popup.locator(`[data-paper-id="${id}"]`).waitFor();
    await popup.close();
    const stored = await readStore<{ id: string; saved: boolean }>(session.worker, 'papers');
    expect(stored.find((p) => p.id === id)?.saved).toBe(true);

    await row.getByRole('button', { name: /^Saved: / }).click();
    await row.getByRole('button', { name: /^Save: / }).waitFor();
    const after = await openPopup(session);
    await after.waitForLoadState('networkidle');
    await waitFor(() => after.locator(`[data-paper-id="${id}"]`).count(), (n) => n === 0);
    expect(await after.locator(`[data-paper-id="${id}"]`).count()).toBe(0);
    await after.close();
    await page.close();
  });

  it('does not run markup from titles or abstracts', async () => {
    const payload = `<img src=x onerror="window.__paperlensXss=1"><script>window.__paperlensXss=2</script>`;
    const escaped = payload.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const html = readFileSync(path.join(OWN_FIXTURES_DIR, 'pages/arxiv_new_cs.LG_current-markup.html'), 'utf8')
      .replace(/(<div class=['"]list-title[^>]*>[\s\S]*?<\/span>)/, `$1 ${escaped} `)
      .replace(/(<p class=['"]mathjax['"]>)/, `$1 ${escaped} `);
    expect(html).toContain('&lt;img src=x onerror=');
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'paperlens-xss-')), 'page.html');
    writeFileSync(file, html);
    await servePages(session.context, 'https://arxiv.org', { '/list/cs.LG/new': file });
    const page = await session.context.newPage();
    await page.goto('https://arxiv.org/list/cs.LG/new');
    await page.locator('paperlens-chips[data-state="ready"]').first().waitFor();
    const names = await page.locator('paperlens-chips').first().getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
    expect(names.some((name) => name.includes('<img src=x onerror='))).toBe(true);
    const injected = await page.evaluate(() => ({
      flag: (window as unknown as { __paperlensXss?: number }).__paperlensXss ?? null,
      elements: [...document.querySelectorAll('paperlens-chips, paperlens-bar')].reduce((n, host) => n + (host.shadowRoot?.querySelectorAll('img, script').length ?? 0), 0),
    }));
    expect(injected).toEqual({ flag: null, elements: 0 });
    await page.close();
  });

  it.skipIf(!HAS_SHARED)('axe-core finds no serious or critical violations in the chips and the bar on a real listing', async () => {
    await servePages(session.context, 'https://arxiv.org', { '/list/astro-ph.CO/recent': sharedPath('fixtures/pages', REAL_LISTING) });
    const page = await session.context.newPage();
    await page.goto(REAL_URL);
    await page.locator('paperlens-bar .count').waitFor();
    await scrollThrough(page);
    await page.locator('paperlens-chips[data-state="ready"]').nth(40).waitFor();
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
      const hosts = [...[...document.querySelectorAll('paperlens-chips[data-state="ready"]')].slice(0, 40), document.querySelector('paperlens-bar')!];
      const result = await axe.run({ include: hosts }, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, target: JSON.stringify(v.nodes[0]?.target) }));
    });
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious).toEqual([]);
    await page.close();
  });
});
