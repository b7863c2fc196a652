import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../lib/cli/html';
import { detectPage } from '../../../lib/detect';
import { detectFields, ownPageFixtures } from '../../helpers/pages';
import { HAS_SHARED, REAL_PAGES, readShared } from '../../helpers/shared';

describe('own page fixtures yield exactly their expected entries', () => {
  for (const fixture of ownPageFixtures()) {
    it(fixture.name, () => {
      const fields = [...new Set(fixture.expected.entries.flatMap((e) => Object.keys(e)))];
      const got = detectFields(fixture.html, fixture.expected.url, fields, fixture.expected.optIn);
      expect(got.site).toBe(fixture.expected.site);
      expect(got.entries).toEqual(fixture.expected.entries);
    });
  }
});

/** Entries present, counted from the raw markup without the adapter: one per distinct abstract link in a dt. */
function countArxivListingEntries(html: string): number {
  const ids = new Set<string>();
  for (const m of html.matchAll(/<dt>[\s\S]*?href\s*=\s*["']?(?:https:\/\/arxiv\.org)?\/abs\/([^"'\s>]+)["']?[^>]*title="Abstract"/g)) ids.add(m[1]!);
  return ids.size;
}

describe.skipIf(!HAS_SHARED)('real arXiv pages in ../shared', () => {
  for (const page of REAL_PAGES.filter((p) => p.url.includes('/list/'))) {
    it(`${page.file}: every entry, with id, title, authors and subjects`, () => {
      const html = readShared('fixtures/pages', page.file);
      const detection = detectPage(parseHtml(html, page.url), page.url);
      expect(detection.entries.length).toBe(countArxivListingEntries(html));
      expect(detection.skipped).toBe(0);
      for (const entry of detection.entries) {
        expect(entry.id).toMatch(/^arxiv:\d{4}\.\d{4,5}$/);
        expect(entry.title.length).toBeGreaterThan(3);
        expect(entry.title).not.toMatch(/^Title:|\s{2}/);
        expect(entry.authors.length).toBeGreaterThan(0);
        expect(entry.subjects.length).toBeGreaterThan(0);
      }
    });
  }

  it('reads abstracts on the legacy /new page for new and cross-list entries only', () => {
    const page = REAL_PAGES[2];
    const detection = detectPage(parseHtml(readShared('fixtures/pages', page.file), page.url), page.url);
    const withAbstract = detection.entries.filter((e) => e.abstractKind === 'full');
    expect(withAbstract.length).toBeGreaterThan(0);
    expect(withAbstract.every((e) => e.entryType !== 'replacement')).toBe(true);
  });

  it('reads a single /abs/ page from its citation meta', () => {
    const page = REAL_PAGES[3];
    const [entry, ...rest] = detectPage(parseHtml(readShared('fixtures/pages', page.file), page.url), page.url).entries;
    expect(rest).toHaveLength(0);
    expect(entry).toMatchObject({
      id: 'arxiv:2106.09608',
      title: 'Learning Knowledge Graph-based World Models of Textual Environments',
      authors: ['Prithviraj Ammanabrolu', 'Mark O. Riedl'],
      abstractKind: 'full',
    });
  });
});
