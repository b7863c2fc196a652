import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import { exportPapers } from '../../../lib/export';
import { EXPORT_FORMATS } from '../../../lib/export/formats';
import { citationKeys, parseName } from '../../../lib/export/csl';
import { escapeMarkdown } from '../../../lib/export/markdown';
import { hostilePapers } from './payloads';
import { paper } from './papers';

type CslOut = { title?: string; DOI?: string; URL?: string; note?: string; abstract?: string; keyword?: string; author?: unknown[]; 'citation-key'?: string };

/** Entries of a BibTeX file, each as its raw text. */
function bibEntries(bib: string): string[] {
  return bib.split(/^(?=@)/m).filter((chunk) => chunk.trim());
}

/** Field values of one BibTeX entry, read brace by brace; throws if the braces do not balance. */
function bibFields(entry: string): Record<string, string> {
  const fields: Record<string, string> = {};
  const body = entry.slice(entry.indexOf(',') + 1);
  let i = 0;
  while (i < body.length) {
    const m = /^\s*([A-Za-z]+) = \{/.exec(body.slice(i));
    if (!m) break;
    i += m[0].length;
    let depth = 1;
    const start = i;
    while (depth > 0) {
      if (i >= body.length) throw new Error(`unbalanced braces in ${m[1]}`);
      const char = body[i]!;
      if (char === '\\') i++;
      else if (char === '{') depth++;
      else if (char === '}') depth--;
      i++;
    }
    fields[m[1]!] = body.slice(start, i - 1);
    i = body.indexOf('\n', i) + 1 || body.length;
  }
  return fields;
}

/** RFC 4180 parser (quoted cells, doubled quotes, CRLF rows). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = text.startsWith('\uFEFF') ? 1 : 0;
  while (i < text.length) {
    expect(text[i]).toBe('"');
    let cell = '';
    i++;
    for (;;) {
      const q = text.indexOf('"', i);
      cell += text.slice(i, q);
      i = q + 1;
      if (text[i] === '"') {
        cell += '"';
        i++;
      } else break;
    }
    row.push(cell);
    if (text[i] === ',') i++;
    else {
      expect(text.slice(i, i + 2)).toBe('\r\n');
      i += 2;
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

/** Characters Markdown would act on, found without a backslash before them. */
function unescapedSpecials(line: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if ('<>`*_!&|~[]{}'.includes(line[i]!)) found.push(line[i]!);
  }
  return found;
}

const fold = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('BibTeX export', () => {
  it('writes an arXiv preprint the way arXiv does, with everything a reference manager imports', async () => {
    const { text, filename, mime } = await exportPapers([paper()], 'bibtex', { now: Date.UTC(2026, 9, 1) });
    expect(filename).toBe('paperlens-2026-10-01.bib');
    expect(mime).toBe('application/x-bibtex');
    expect(text.startsWith('@misc{lovelace2026scaling,\n')).toBe(true);
    const fields = bibFields(text);
    expect(fields).toMatchObject({
      author: 'Lovelace, Ada and Turing, Alan M. and van der Hopper, Grace',
      year: '2026',
      eprint: '2609.01234',
      archivePrefix: 'arXiv',
      primaryClass: 'cs.LG',
      doi: '10.48550/arXiv.2609.01234',
      url: 'https://arxiv.org/abs/2609.01234',
      keywords: 'to read,alignment,Reward modelling / RLHF',
      note: 'Compare with the PPO baseline.',
    });
    expect(fields.abstract).toContain('12.3\\% gain on WebShop');
    // citation-js reads it back to the same paper.
    const [back] = new Cite(text).format('data', { format: 'object' }) as CslOut[];
    expect(back!.title).toBe(paper().title);
    expect(back!.DOI).toBe('10.48550/arXiv.2609.01234');
  });

  it('makes conference papers @inproceedings and journal papers @article', async () => {
    const text = (await exportPapers([paper({ venue: 'ICLR 2027' }), paper({ id: 'doi:10.1000/j', venue: 'Journal of Machine Learning Research', subjects: [] })], 'bibtex')).text;
    const [conference, journal] = bibEntries(text);
    expect(conference).toMatch(/^@inproceedings\{/);
    expect(bibFields(conference!).booktitle).toBe('ICLR 2027');
    expect(journal).toMatch(/^@article\{/);
    expect(bibFields(journal!)).toMatchObject({ journal: 'Journal of Machine Learning Research', doi: '10.1000/j' });
    expect(bibFields(journal!).eprint).toBeUndefined();
  });

  it('keeps every script: diacritics as TeX, other letters as UTF-8, nothing dropped', async () => {
    const text = (await exportPapers([paper({ title: 'Über 注意力 in Ελληνικά 😀', authors: ['Jürgen Schmidhuber', '王小明'] })], 'bibtex')).text;
    const fields = bibFields(text);
    expect(fields.title).toContain('注意力');
    expect(fields.title).toContain('Ελληνικά');
    expect(fields.title).toContain('😀');
    expect(fields.author).toContain('王小明');
    const [back] = new Cite(text).format('data', { format: 'object' }) as CslOut[];
    expect(back!.title).toBe('Über 注意力 in Ελληνικά 😀');
  });

  it('gives unique citation keys', () => {
    const twins = [paper(), paper({ id: 'arxiv:2609.09999' }), paper({ id: 'arxiv:2609.09998' }), paper({ authors: [], title: 'The', year: undefined })];
    expect(citationKeys(twins)).toEqual(['lovelace2026scaling', 'lovelace2026scalinga', 'lovelace2026scalingb', 'anon']);
    expect(parseName('Lovelace, Ada')).toEqual({ family: 'Lovelace', given: 'Ada' });
    expect(parseName('The OpenAI Team')).toEqual({ literal: 'The OpenAI Team' });
  });

  it('keeps hostile text inside its field: braces balance, no forged entries, and it reads back as written', async () => {
    const papers = hostilePapers();
    const text = (await exportPapers(papers, 'bibtex')).text;
    const entries = bibEntries(text);
    expect(entries).toHaveLength(papers.length);
    for (const entry of entries) expect(Object.keys(bibFields(entry))).not.toContain('Forged');
    expect(text).not.toMatch(/\\input\{|\\write18\{/);
    const back = new Cite(text).format('data', { format: 'object' }) as CslOut[];
    expect(back).toHaveLength(papers.length);
    for (const [i, p] of papers.entries()) {
      // Rich-text tags (<b>, <i>) are CSL markup for citation-js and come back as such; the rest verbatim.
      // TeX reads --- and -- as dashes, and control characters are dropped.
      if (/<(?:b|i|span)[ >]/.test(p.title)) continue;
       
      const expected = p.title.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/---/g, '\u2014').replace(/--/g, '\u2013');
      expect(fold(back[i]!.title!), p.title).toBe(fold(expected));
      expect(back[i]!.note).toBeDefined();
    }
  });
});

describe('RIS export', () => {
  it('writes one tagged line per value and one record per paper, even for hostile text', async () => {
    const papers = [paper(), ...hostilePapers()];
    const text = (await exportPapers(papers, 'ris')).text;
    const lines = text.split('\r\n').filter(Boolean);
    for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
    expect(lines.filter((l) => l.startsWith('TY  - '))).toHaveLength(papers.length);
    expect(lines.filter((l) => l.startsWith('ER  - '))).toHaveLength(papers.length);
    const first = text.slice(0, text.indexOf('ER  - '));
    for (const expected of ['TI  - Scaling Laws', 'AU  - Lovelace, Ada', 'DO  - 10.48550/arXiv.2609.01234', 'UR  - https://arxiv.org/abs/2609.01234', 'KW  - to read', 'KW  - alignment', 'N1  - Compare', 'AB  - We study', 'ID  - lovelace2026scaling', 'PY  - 2026']) {
      expect(first).toContain(expected);
    }
    // citation-js reads it back (its RIS name parser rejects some hostile author strings, so plain papers).
    const plain = [paper(), paper({ id: 'arxiv:2609.00002', venue: 'ICLR 2027' })];
    expect(new Cite((await exportPapers(plain, 'ris')).text).format('data', { format: 'object' })).toHaveLength(2);
  });
});

describe('CSL-JSON export', () => {
  it('is a JSON array of CSL items with keys, ids, tags and notes', async () => {
    const papers = [paper(), ...hostilePapers()];
    const items = JSON.parse((await exportPapers(papers, 'csl-json')).text) as CslOut[];
    expect(items).toHaveLength(papers.length);
    expect(items[0]).toMatchObject({ 'citation-key': 'lovelace2026scaling', DOI: '10.48550/arXiv.2609.01234', note: 'Compare with the PPO baseline.', keyword: 'to read,alignment,Reward modelling / RLHF', publisher: 'arXiv', number: 'arXiv:2609.01234' });
    for (const [i, p] of papers.entries()) expect(items[i]!.title).toBe(p.title);
    expect(JSON.parse((await exportPapers([], 'csl-json')).text)).toEqual([]);
  });
});

describe('CSV export', () => {
  it('quotes every cell, keeps every value, and disarms spreadsheet formulas', async () => {
    const papers = [paper(), ...hostilePapers()];
    const rows = parseCsv((await exportPapers(papers, 'csv')).text);
    expect(rows).toHaveLength(papers.length + 1);
    const header = rows[0]!;
    const column = (name: string) => header.indexOf(name);
    const guarded = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
    for (const [i, p] of papers.entries()) {
      const row = rows[i + 1]!;
      expect(row).toHaveLength(header.length);
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      expect(row[column('title')]).toBe(guarded(p.title));
      expect(row[column('note')]).toBe(guarded(p.note));
      expect(row[column('authors')]).toBe(guarded(p.authors.join('; ')));
    }
    expect(rows[1]![column('arxiv')]).toBe('2609.01234');
    expect(rows[1]![column('tags')]).toBe('to read; alignment');
    // A payload that starts a cell is prefixed.
    for (const formula of ['=1+1', '+1', '-1+2', '@SUM(A1)', '\t=1']) {
      expect(parseCsv((await exportPapers([paper({ note: formula })], 'csv')).text)[1]![column('note')]).toBe(`'${formula}`);
    }
  });
});

describe('Markdown export', () => {
  it('escapes page and user text so no markup, link or image survives', async () => {
    const papers = hostilePapers();
    const text = (await exportPapers(papers, 'markdown')).text;
    expect(text.match(/^## /gm)).toHaveLength(papers.length);
    for (const line of text.split('\n')) {
      // Our own links are [label](<http(s) url>); take them out, then nothing special may remain unescaped.
      const withoutLinks = line.replace(/\]\(<https?:\/\/[^\s<>]*>\)/g, ']').replace(/^> /, '');
      const loose = unescapedSpecials(withoutLinks).filter((char) => char !== '[' && char !== ']');
      expect(loose, line).toEqual([]);
      const opens = unescapedSpecials(withoutLinks).filter((c) => c === '[').length;
      expect(opens, line).toBeLessThanOrEqual(3);
    }
    expect(text).not.toMatch(/(?<!\\)\]\(<?javascript:/i);
    expect(text).not.toMatch(/(?<!\\)!(?<!\\)\[/);
    expect(text).not.toMatch(/^(?!## |> |Tags: |Key result: |Saved |\[arXiv|\[PDF\]|\[doi|# PaperLens|Exported |$)[#>\-*+]|^\d+[.)]/m);
  });

  it('escapes what Markdown would act on and nothing that reads plainly', () => {
    expect(escapeMarkdown('Self-Supervised Learning (v2).')).toBe('Self-Supervised Learning (v2).');
    expect(escapeMarkdown('<b>x</b> [a](b) *c* _d_ `e`')).toBe('\\<b\\>x\\</b\\> \\[a\\](b) \\*c\\* \\_d\\_ \\`e\\`');
    expect(escapeMarkdown('# heading')).toBe('\\# heading');
    expect(escapeMarkdown('2024. A list?')).toBe('2024\\. A list?');
    expect(escapeMarkdown('- item\nsecond line')).toBe('\\- item second line');
    expect(escapeMarkdown('<script>')).toBe('\\<script\\>');
  });
});

describe('exportPapers', () => {
  it('exports a bare paper (no abstract, tags, note, year or venue) in every format', async () => {
    const bare = paper({ abstract: '', abstractKind: 'none', userTags: [], tags: [], note: '', year: undefined, authors: ['Solo'] });
    for (const format of EXPORT_FORMATS) {
      const file = await exportPapers([bare], format);
      expect(file.text, format).toMatch(/Scaling \{?Laws/);
    }
  });

  it('exports in chunks, reporting progress to the end', async () => {
    const papers = Array.from({ length: 1201 }, (_, i) => paper({ id: `arxiv:2609.${String(i).padStart(5, '0')}`, title: `Paper number ${i}` }));
    const progress: [number, number][] = [];
    const file = await exportPapers(papers, 'bibtex', { onProgress: (done, total) => progress.push([done, total]) });
    expect(progress).toEqual([250, 500, 750, 1000, 1201].map((done) => [done, 1201]));
    const keys = bibEntries(file.text).map((entry) => /^@\w+\{([^,]+),/.exec(entry)![1]);
    expect(keys).toHaveLength(1201);
    expect(new Set(keys).size).toBe(1201);
    expect(file.count).toBe(1201);
  });
});
