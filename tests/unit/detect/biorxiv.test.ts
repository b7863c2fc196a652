import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../lib/cli/html';
import { adapterFor, detectPage } from '../../../lib/detect';

describe('bioRxiv / medRxiv adapter (HighWire)', () => {
  it('serves both servers', () => {
    expect(adapterFor(new URL('https://www.biorxiv.org/search/x'))?.site).toBe('biorxiv');
    expect(adapterFor(new URL('https://www.medrxiv.org/content/early/recent'))?.site).toBe('biorxiv');
    expect(adapterFor(new URL('https://biorxiv.example.org/'))).toBeNull();
  });

  it('takes the DOI from the link when the row shows none, without the version, and names the server', () => {
    const url = 'https://www.medrxiv.org/content/early/recent';
    const html = `<div class="highwire-article-citation"><a class="highwire-cite-linked-title" href="/content/10.1101/19001234v3"><span class="highwire-cite-title">Old-style DOI</span></a><div class="highwire-cite-authors">Ann Lee, Bo Chen</div></div>`;
    const [entry] = detectPage(parseHtml(html, url), url).entries;
    expect(entry).toMatchObject({ id: 'doi:10.1101/19001234', venue: 'medRxiv', authors: ['Ann Lee', 'Bo Chen'], abstractKind: 'none' });
  });

  it('reads an article page abstract from the body when the meta has none, headings spaced', () => {
    const url = 'https://www.biorxiv.org/content/10.1101/2026.01.01.000001v2.full';
    const html = `<html><head><meta name="citation_title" content="T"></head><body><div class="section abstract"><h2>Abstract</h2><p>One.</p><p>Two.</p></div></body></html>`;
    expect(detectPage(parseHtml(html, url), url).entries[0]).toMatchObject({
      id: 'doi:10.1101/2026.01.01.000001',
      abstract: 'One. Two.',
      url: 'https://www.biorxiv.org/content/10.1101/2026.01.01.000001v2',
    });
  });
});
