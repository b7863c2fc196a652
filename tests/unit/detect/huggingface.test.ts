import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../lib/cli/html';
import { detectPage } from '../../../lib/detect';

/** A hydration element as Hugging Face serves it: JSON, HTML-escaped into a double-quoted attribute. */
function hydrated(target: string, props: unknown): string {
  const escaped = JSON.stringify(props).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<div class="SVELTE_HYDRATER contents" data-target="${target}" data-props="${escaped}"></div>`;
}

function item(id: string, title: string, extra: Record<string, unknown> = {}) {
  return { paper: { id, title, summary: `Abstract of ${title}.`, authors: [{ name: 'Ana Ruiz' }, { name: 'Bo Li' }], publishedAt: '2026-09-01T00:00:00.000Z', ...extra } };
}

function card(id: string, title: string): string {
  return `<article><a href="/papers/${id}"><img></a><h3><a href="/papers/${id}">${title}</a></h3><a href="/papers/${id}#community">2</a></article>`;
}

function detect(body: string, url: string) {
  return detectPage(parseHtml(`<html><body>${body}</body></html>`, url), url);
}

describe('Hugging Face Papers lists', () => {
  it('reads a list from the JSON alone when there are no cards (trending)', () => {
    const { entries } = detect(hydrated('DailyPapers', { dailyPapers: [item('2609.00011', 'One'), item('2609.00012', 'Two')] }), 'https://huggingface.co/papers/trending');
    expect(entries.map((e) => [e.id, e.title, e.authors, e.abstract, e.abstractKind])).toEqual([
      ['arxiv:2609.00011', 'One', ['Ana Ruiz', 'Bo Li'], 'Abstract of One.', 'full'],
      ['arxiv:2609.00012', 'Two', ['Ana Ruiz', 'Bo Li'], 'Abstract of Two.', 'full'],
    ]);
  });

  it('reads search results from their JSON', () => {
    const { entries } = detect(hydrated('DailyPapers', { searchResults: [item('2501.00001', 'Found')] }), 'https://huggingface.co/papers?q=found');
    expect(entries.map((e) => e.id)).toEqual(['arxiv:2501.00001']);
  });

  it('lets the cards decide which papers are shown when the JSON is stale after navigation', () => {
    const body = hydrated('DailyPapers', { dailyPapers: [item('2609.00011', 'Old day'), item('2609.00013', 'Also shown')] }) + card('2609.00013', 'Also shown') + card('2609.00099', 'New day');
    const { entries } = detect(body, 'https://huggingface.co/papers/date/2026-09-02');
    expect(entries.map((e) => [e.id, e.abstractKind, e.element?.tagName])).toEqual([
      ['arxiv:2609.00013', 'full', 'ARTICLE'],
      ['arxiv:2609.00099', 'none', 'ARTICLE'],
    ]);
  });

  it('falls back to the cards when the JSON is malformed or oversized', () => {
    const broken = '<div data-target="DailyPapers" data-props="{&quot;dailyPapers&quot;: [oops"></div>';
    const huge = hydrated('DailyPapers', { dailyPapers: [item('2609.00011', 'x'.repeat(6_000_000))] });
    for (const json of [broken, huge]) {
      const { entries, skipped } = detect(json + card('2609.00011', 'From the card'), 'https://huggingface.co/papers');
      expect(entries.map((e) => [e.title, e.abstractKind])).toEqual([['From the card', 'none']]);
      expect(skipped).toBe(0);
    }
  });

  it('skips JSON items with the wrong shapes without failing the page', () => {
    const props = { dailyPapers: [null, 3, 'x', { paper: { id: 5, title: ['x'] } }, item('2609.00011', 'Good', { authors: [null, { name: 7 }, 'Cy Dee'] })] };
    const { entries } = detect(hydrated('DailyPapers', props), 'https://huggingface.co/papers/month/2026-09');
    expect(entries.map((e) => [e.id, e.authors])).toEqual([['arxiv:2609.00011', ['Cy Dee']]]);
  });

  it('keeps a paper that has no arXiv id under its title', () => {
    const { entries } = detect(hydrated('DailyPapers', { dailyPapers: [item('hf-only-paper', 'Not On arXiv')] }), 'https://huggingface.co/papers');
    expect(entries[0]).toMatchObject({ id: 'title:not on arxiv', url: 'https://huggingface.co/papers/hf-only-paper', pdfUrl: undefined });
  });
});

describe('Hugging Face paper pages', () => {
  it('reads the paper from its embedded JSON, under the arXiv id', () => {
    const body = `<main><h1>Shown title</h1>${hydrated('PaperContent', { paper: item('2609.00011', 'From JSON').paper })}</main>`;
    const { entries } = detect(body, 'https://huggingface.co/papers/2609.00011');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ id: 'arxiv:2609.00011', title: 'From JSON', authors: ['Ana Ruiz', 'Bo Li'], abstractKind: 'full', pdfUrl: 'https://arxiv.org/pdf/2609.00011' });
  });

  it('ignores embedded JSON about another paper', () => {
    const body = `<main><h1>The Real Title</h1>${hydrated('PaperContent', { paper: item('2609.00099', 'Related').paper })}</main>`;
    const { entries } = detect(body, 'https://huggingface.co/papers/2609.00011');
    expect(entries[0]).toMatchObject({ id: 'arxiv:2609.00011', title: 'The Real Title', abstractKind: 'none' });
  });
});
