import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Paper } from '../../lib/model';
import { OWN_FIXTURES_DIR } from '../helpers/shared';
import { chromiumPath, launchWithExtension, openPopup, readStore, sendToBackground, servePages, waitFor, type ExtensionSession } from './harness';

/**
 * A personal tag the user puts on a paper on one listing is suggested on a related paper of another; the
 * model's categories are there where a page states none.
 */
describe.skipIf(!chromiumPath())('personal tags across pages, in Chromium', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchWithExtension();
    await servePages(session.context, 'https://arxiv.org', {
      '/list/cs.LG/new': path.join(OWN_FIXTURES_DIR, 'pages/arxiv_new_cs.LG_current-markup.html'),
      '/list/cs.AI/new': path.join(OWN_FIXTURES_DIR, 'pages/arxiv_new_cs.AI_current-markup.html'),
    });
  });
  afterAll(async () => {
    await session?.close();
  });

  it("predicts categories for a paper whose page states none, with the weights the worker reads from the extension's files", async () => {
    const popup = await openPopup(session);
    const entry = { id: 'arxiv:2609.09999', aliases: [], title: 'Sparse attention for long-context language models', authors: ['Ada Lovelace'], abstract: 'We propose a sparse attention mechanism that lets transformer language models read documents of a million tokens.', abstractKind: 'full', url: 'https://huggingface.co/papers/2609.09999', subjects: [], site: 'huggingface' };
    const { papers } = await sendToBackground<{ papers: { tags: { kind: string; source: string; id: string }[] }[] }>(popup, 'pageEntries', { url: 'https://huggingface.co/papers', site: 'huggingface', entries: [entry] });
    expect(papers[0]!.tags.filter((tag) => tag.kind === 'category' && tag.source === 'model').map((tag) => tag.id)).toContain('cs.CL');
    await popup.close();
  });

  it('a tag learned on one page is suggested on another', async () => {
    const first = await session.context.newPage();
    await first.goto('https://arxiv.org/list/cs.LG/new');
    await waitFor(() => readStore<Paper>(session.worker, 'papers'), (papers) => papers.some((p) => p.id === 'arxiv:2609.01234'));
    const popup = await openPopup(session);
    await sendToBackground(popup, 'updatePaper', { id: 'arxiv:2609.01234', patch: { userTags: ['web agents'] } });

    const second = await session.context.newPage();
    await second.goto('https://arxiv.org/list/cs.AI/new');
    const rows = second.locator('paperlens-chips[data-state="ready"]');
    await waitFor(() => rows.count(), (n) => n === 3, 20_000);
    await expect.poll(() => rows.nth(0).locator('button.tag', { hasText: 'web agents' }).count()).toBe(1);
    expect(await rows.nth(2).locator('button.tag', { hasText: 'web agents' }).count()).toBe(0);
  });
});
