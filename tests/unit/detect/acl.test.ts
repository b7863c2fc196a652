import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../lib/cli/html';
import { detectPage } from '../../../lib/detect';
import { markupText } from '../../helpers/markup';
import { HAS_SHARED, REAL_PAGES, readShared } from '../../helpers/shared';

const AUTHOR_PAGE = REAL_PAGES.find((p) => p.site === 'acl')!;

describe.skipIf(!HAS_SHARED)('the real ACL Anthology author page (Bootstrap 4, 2023)', () => {
  const html = HAS_SHARED ? readShared('fixtures/pages', AUTHOR_PAGE.file) : '';
  const detection = HAS_SHARED ? detectPage(parseHtml(html, AUTHOR_PAGE.url), AUTHOR_PAGE.url) : null;

  it('finds every entry the markup lists, once', () => {
    const listed = [...html.matchAll(/<strong><a class=align-middle href=\/([^/ >]+)\/>/g)].map((m) => `acl:${m[1]}`);
    expect(listed.length).toBe(6);
    expect(detection!.entries.map((e) => e.id)).toEqual(listed);
    expect(detection!.skipped).toBe(0);
  });

  it('pairs each abstract card with its own entry, whatever its position', () => {
    const cards = new Map(
      [...html.matchAll(/id=abstract-([^\s>]+)><div class="card-body p-3 small">([\s\S]*?)<\/div>/g)].map((m) => [m[1]!.replace(/--/g, '.'), markupText(m[2]!)]),
    );
    expect(cards.size).toBe(5);
    for (const entry of detection!.entries) {
      const expected = cards.get(entry.id.slice('acl:'.length)) ?? '';
      expect(entry.abstract).toBe(expected);
      expect(entry.abstractKind).toBe(expected ? 'full' : 'none');
    }
  });

  it('reads titles, authors, venue, year and the PDF of each entry', () => {
    for (const entry of detection!.entries) {
      expect(entry.title).not.toMatch(/\s{2}|^\s|\s$/);
      expect(entry.authors).toContain('Andreas Madsack');
      expect(entry.venue).toMatch(/^Proceedings of/);
      const at = html.indexOf(`href=/${entry.id.slice(4)}/>`);
      const yearGroup = [...html.slice(0, at).matchAll(/<h4>(\d{4})<\/h4>/g)].pop()?.[1];
      expect(entry.year).toBe(Number(yearGroup));
      expect(entry.pdfUrl).toBe(`https://aclanthology.org/${entry.id.slice(4)}.pdf`);
      expect(entry.element).toBeDefined();
    }
    const fixedCase = detection!.entries.find((e) => e.id === 'acl:K18-3004')!;
    expect(fixedCase.title).toBe(markupText(/href=\/K18-3004\/>([\s\S]*?)<\/a><\/strong>/.exec(html)![1]!));
    expect(fixedCase.authors).toHaveLength(4);
  });
});

describe('ACL Anthology pages', () => {
  it('skips front matter by the volume id on an old-style volume page', () => {
    const row = (id: string, title: string) =>
      `<p class="d-sm-flex"><span class="d-block"><strong><a href=/${id}/>${title}</a></strong><br><a href=/people/a/a-b/>A B</a></span></p>`;
    const url = 'https://aclanthology.org/volumes/W19-42/';
    const doc = parseHtml(`<section id=main><h2 id=title><a href=/W19-42.pdf>Proceedings of a Workshop</a></h2>${row('W19-4200', 'Proceedings')}${row('W19-4201', 'A Paper')}</section>`, url);
    const { entries } = detectPage(doc, url);
    expect(entries.map((e) => [e.id, e.venue])).toEqual([['acl:W19-4201', 'Proceedings of a Workshop']]);
  });

  it('reads a paper page from its citation meta and the abstract in its body', () => {
    const url = 'https://aclanthology.org/2024.example-1.7/';
    const html = `<head><meta content="A Paper Title" name=citation_title><meta content="Ada Byron" name=citation_author><meta content="10.18653/v1/2024.example-1.7" name=citation_doi><meta content="https://aclanthology.org/2024.example-1.7.pdf" name=citation_pdf_url><meta content="2024/5" name=citation_publication_date></head><body><section id=main><div class="card-body acl-abstract"><h5 class=card-title>Abstract</h5><span>We did a thing.</span></div></section></body>`;
    const { entries } = detectPage(parseHtml(html, url), url);
    expect(entries).toEqual([
      expect.objectContaining({
        id: 'acl:2024.example-1.7',
        aliases: ['doi:10.18653/v1/2024.example-1.7'],
        title: 'A Paper Title',
        authors: ['Ada Byron'],
        abstract: 'We did a thing.',
        abstractKind: 'full',
        pdfUrl: 'https://aclanthology.org/2024.example-1.7.pdf',
        year: 2024,
      }),
    ]);
  });

  it('finds no papers on pages that are not lists of papers', () => {
    const url = 'https://aclanthology.org/faq/';
    expect(detectPage(parseHtml('<section id=main><strong><a href=/faq/citation/>How to cite</a></strong></section>', url), url).entries).toEqual([]);
  });
});
