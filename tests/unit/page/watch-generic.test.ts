// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://journal.example.org/articles/42"}
import { afterEach, expect, it } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startPageWatch } from '../../../lib/detect/watch';
import type { PaperEntry } from '../../../lib/model';

let ctx: ContentScriptContext | undefined;
afterEach(() => ctx?.abort());

it('reads a page on a site the user enabled with the generic reader (citation meta)', async () => {
  for (const [name, content] of [
    ['citation_title', 'Sparse Probes for Reward Hacking'],
    ['citation_author', 'Okafor, Adaeze'],
    ['citation_doi', '10.5555/example.42'],
  ]) {
    const meta = document.createElement('meta');
    meta.setAttribute('name', name!);
    meta.setAttribute('content', content!);
    document.head.append(meta);
  }
  ctx = new ContentScriptContext('content');
  const batches: { site: string; entries: PaperEntry[] }[] = [];
  startPageWatch(ctx, document, (origin, entries) => void batches.push({ site: origin.site, entries }));
  await expect.poll(() => batches.length).toBeGreaterThan(0);
  expect(batches[0]!.site).toBe('generic');
  expect(batches[0]!.entries[0]).toMatchObject({ id: 'doi:10.5555/example.42', title: 'Sparse Probes for Reward Hacking', authors: ['Adaeze Okafor'] });
});
