import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../lib/cli/html';
import { adapterFor, detectPage } from '../../../lib/detect';
import { GENERIC_ADAPTER } from '../../../lib/detect/registry';

const PAGE = 'https://lab.example.org/papers';

function detectOptedIn(html: string) {
  return detectPage(parseHtml(html, PAGE), PAGE, GENERIC_ADAPTER);
}

describe('generic adapter (hosts the user enabled)', () => {
  it('is never chosen by URL matching: other pages are read only once the user enables them', () => {
    expect(adapterFor(new URL(PAGE))).toBeNull();
    expect(detectPage(parseHtml('<meta name="citation_title" content="T">', PAGE), PAGE).entries).toEqual([]);
  });

  it('reads a single-paper page from Highwire meta, with HTML in the abstract as text, and ignores its reference links', () => {
    const html = `<head><meta name="citation_title" content="Main Paper"><meta name="citation_author" content="Lee, Ann"><meta name="citation_doi" content="10.5555/MAIN"><meta name="citation_abstract" content="&lt;p&gt;We &lt;b&gt;find&lt;/b&gt; things.&lt;/p&gt;"></head>
      <body><ol><li><em>A cited paper with a title</em> <a href="https://doi.org/10.5555/ref">doi</a></li></ol></body>`;
    const detection = detectOptedIn(html);
    expect(detection.entries.map((e) => [e.id, e.title, e.authors, e.abstract])).toEqual([['doi:10.5555/main', 'Main Paper', ['Ann Lee'], 'We find things.']]);
  });

  it('reads several JSON-LD ScholarlyArticles as a list and survives malformed JSON-LD', () => {
    const article = (n: number) => ({ '@type': 'ScholarlyArticle', name: `Article ${n}`, author: { '@type': 'Person', name: `Author ${n}` }, sameAs: `https://arxiv.org/abs/2601.0000${n}` });
    const html = `<script type="application/ld+json">{"@type":"ItemList","itemListElement":[{"@type":"ListItem","item":${JSON.stringify(article(1))}},{"@type":"ListItem","item":${JSON.stringify(article(2))}}]}</script><script type="application/ld+json">{"@type": </script>`;
    expect(detectOptedIn(html).entries.map((e) => [e.id, e.title, e.authors])).toEqual([
      ['arxiv:2601.00001', 'Article 1', ['Author 1']],
      ['arxiv:2601.00002', 'Article 2', ['Author 2']],
    ]);
  });

  it('reads COinS spans, with "Last, First" authors and the DOI from rft_id', () => {
    const coins = 'ctx_ver=Z39.88-2004&rft.atitle=Counting+Things&rft.aulast=Lee&rft.aufirst=Ann&rft_id=info%3Adoi%2F10.5555%2FC.1&rft.date=2021';
    const [entry] = detectOptedIn(`<p><span class="Z3988" title="${coins.replace(/&/g, '&amp;')}"></span></p>`).entries;
    expect(entry).toMatchObject({ id: 'doi:10.5555/c.1', title: 'Counting Things', authors: ['Ann Lee'], year: 2021 });
  });

  it('passes over id links with no readable title instead of counting them as malformed', () => {
    const detection = detectOptedIn('<footer><a href="https://doi.org/10.5555/site">10.5555/site</a> <a href="https://arxiv.org/abs/2401.00001">arXiv</a></footer>');
    expect(detection.entries).toEqual([]);
    expect(detection.skipped).toBe(0);
  });
});
