/**
 * `npm run demo`: the newcomer's first command. Launches Chromium with the built extension (a visible
 * window where a display exists, headless otherwise), opens listing pages under their real URLs (our own
 * samples, plus the real pages in ../shared when present), saves a few papers, writes screenshots of a
 * page and of the popup to demo-output/, and prints a table of what it saw.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Paper } from '../lib/model';
import { CHROMIUM_MISSING, chromiumPath, launchWithExtension, openPopup, readStore, servePages, waitFor } from '../tests/e2e/harness';
import { HAS_SHARED, OWN_FIXTURES_DIR, sharedPath } from '../tests/helpers/shared';
import { printTable } from './lib/report';

const OUT_DIR = path.resolve('demo-output');

interface DemoPage {
  label: string;
  origin: string;
  path: string;
  file: string;
}

const PAGES: DemoPage[] = [
  { label: 'sample: arXiv cs.LG /new (current markup)', origin: 'https://arxiv.org', path: '/list/cs.LG/new', file: path.join(OWN_FIXTURES_DIR, 'pages/arxiv_new_cs.LG_current-markup.html') },
  ...(HAS_SHARED
    ? [
        { label: 'real: arXiv cs /new, 2018 (legacy markup, abstracts)', origin: 'https://arxiv.org', path: '/list/cs/new', file: sharedPath('fixtures/pages/arxiv_new_cs_2018-07-20_legacy-markup_with-abstracts.extracted.html') },
        { label: 'real: arXiv astro-ph.CO /recent, 2024 (current markup)', origin: 'https://arxiv.org', path: '/list/astro-ph.CO/recent', file: sharedPath('fixtures/pages/arxiv_recent_astro-ph.CO_2024-05-08_new-markup.html') },
      ]
    : []),
];

async function main(): Promise<void> {
  if (!chromiumPath()) {
    console.error(`demo: ${CHROMIUM_MISSING}`);
    process.exitCode = 1;
    return;
  }
  if (!HAS_SHARED) console.log('(../shared is absent: showing only the project\'s own sample pages)');
  mkdirSync(OUT_DIR, { recursive: true });
  const headed = Boolean(process.env.DISPLAY) && !process.env.CI;
  const session = await launchWithExtension({ headed });
  try {
    const byOrigin = new Map<string, Record<string, string>>();
    for (const page of PAGES) byOrigin.set(page.origin, { ...byOrigin.get(page.origin), [page.path]: page.file });
    for (const [origin, routes] of byOrigin) await servePages(session.context, origin, routes);

    let seenSoFar = 0;
    let saved = 0;
    for (const [i, demoPage] of PAGES.entries()) {
      const tab = await session.context.newPage();
      await tab.goto(`${demoPage.origin}${demoPage.path}`);
      // Papers arrive in batches (the first screen first): wait until the count stops growing.
      let papers = await waitFor(() => readStore<Paper>(session.worker, 'papers'), (p) => p.length > seenSoFar);
      for (let previous = -1; previous !== papers.length; ) {
        previous = papers.length;
        await tab.waitForTimeout(1000);
        papers = await readStore<Paper>(session.worker, 'papers');
      }
      console.log(`${demoPage.label}: ${papers.length - seenSoFar} papers detected`);
      seenSoFar = papers.length;
      // The chips arrive once the background has tagged the papers; save a few as a reader would.
      const rows = tab.locator('paperlens-chips[data-state="ready"]');
      await rows.first().waitFor({ timeout: 15_000 }).catch(() => undefined);
      for (let n = 0; n < 2 && (await rows.count()) > n; n++) {
        await rows.nth(n).locator('button.save').click();
        saved++;
      }
      await tab.waitForTimeout(300);
      await tab.screenshot({ path: path.join(OUT_DIR, `page-${i + 1}.png`) });
      if (i > 0 || PAGES.length === 1) await tab.close();
    }
    await waitFor(() => readStore<Paper>(session.worker, 'papers'), (p) => p.filter((paper) => paper.saved).length >= saved);

    const popup = await openPopup(session);
    await popup.setViewportSize({ width: 440, height: 600 });
    await popup.locator('[data-paper-id]').first().waitFor();
    await popup.waitForTimeout(300);
    await popup.screenshot({ path: path.join(OUT_DIR, 'popup.png') });

    const stored = await readStore<Paper>(session.worker, 'papers');
    console.log(`\n${stored.length} papers stored, ${stored.filter((p) => p.saved).length} saved. Saved first, then those with results:`);
    const interest = (p: Paper) => (p.saved ? 2 : 0) + (p.results.length ? 1 : 0);
    printTable(
      [...stored].sort((a, b) => interest(b) - interest(a)).slice(0, 15).map((p) => ({
        id: p.id,
        title: p.title.length > 50 ? `${p.title.slice(0, 49)}…` : p.title,
        saved: p.saved ? 'yes' : '',
        tags: p.tags.slice(0, 4).map((t) => t.label).join(', '),
        'key result': p.results[0] ? `${p.results[0].value} ${p.results[0].dataset}`.trim() : '',
      })),
    );
    console.log(`\nScreenshots: ${OUT_DIR}/page-1.png … and ${OUT_DIR}/popup.png`);
    if (headed) {
      console.log('The browser stays open for 20 s; look around.');
      await new Promise((r) => setTimeout(r, 20_000));
    }
  } finally {
    await session.close();
  }
}

await main();
