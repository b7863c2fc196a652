import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../lib/cli/html';
import { detectPage } from '../../../lib/detect';
import { LIMITS } from '../../../lib/detect/text';

const URL_NEW = 'https://arxiv.org/list/cs.LG/new';

function listing(body: string): Document {
  return parseHtml(`<html><body><div id="dlpage">${body}</div></body></html>`, URL_NEW);
}

function entry(id: string, title: string): string {
  return `<dt><a href="/abs/${id}" title="Abstract">arXiv:${id}</a></dt><dd><div class="meta"><div class="list-title">Title: ${title}</div><div class="list-authors"><a>A B</a></div></div></dd>`;
}

describe('detection on hostile pages', () => {
  it('skips and counts a malformed entry; the rest of the page still works', () => {
    const doc = listing(`<dl>${entry('2609.00001', 'Good one')}<dt><a title="Abstract">no id</a></dt><dd></dd>${entry('2609.00002', 'Good two')}</dl>`);
    const detection = detectPage(doc, URL_NEW);
    expect(detection.entries.map((e) => e.id)).toEqual(['arxiv:2609.00001', 'arxiv:2609.00002']);
    expect(detection.skipped).toBe(1);
  });

  it('returns nothing, without throwing, for an unsupported or invalid URL', () => {
    expect(detectPage(listing(''), 'https://example.org/').entries).toEqual([]);
    expect(detectPage(listing(''), 'not a url').site).toBeNull();
  });

  it('caps field lengths', () => {
    const detection = detectPage(listing(`<dl>${entry('2609.00003', 'x'.repeat(200_000))}</dl>`), URL_NEW);
    expect(detection.entries[0]!.title.length).toBeLessThanOrEqual(LIMITS.title);
  });

  it('keeps hostile markup in a title as inert text', () => {
    const detection = detectPage(listing(`<dl>${entry('2609.00004', '&lt;script&gt;alert(1)&lt;/script&gt;<img src=x onerror="alert(2)">')}</dl>`), URL_NEW);
    expect(detection.entries[0]!.title).toBe('<script>alert(1)</script>');
  });

  it('finishes on 10,000-deep nesting and odd Unicode', () => {
    const deep = '<div>'.repeat(10_000) + entry('2609.00005', 'Deep \u202e\u0000 title \ud83e\udd16') + '</div>'.repeat(10_000);
    const detection = detectPage(listing(`<dl>${entry('2609.00006', 'Shallow')}</dl>${deep}`), URL_NEW);
    expect(detection.entries.map((e) => e.id)).toContain('arxiv:2609.00006');
    for (const e of detection.entries) expect(e.title).not.toMatch(/[\u202e\u0000]/);
  });
});
