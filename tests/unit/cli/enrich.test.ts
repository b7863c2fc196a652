import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEnrich } from '../../../lib/cli/enrich';
import { OWN_FIXTURES_DIR, HAS_SHARED, REAL_PAGES, sharedPath } from '../../helpers/shared';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runEnrich(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err: err.join('\n') };
}

function tempFile(name: string, content: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'enrich-')), name);
  writeFileSync(file, content);
  return file;
}

const OWN_PAGE = path.join(OWN_FIXTURES_DIR, 'pages/arxiv_new_cs.LG_current-markup.html');

describe('enrich: page mode', () => {
  it('prints {url, site, papers} with the fixed PAPER fields', async () => {
    const { code, out } = await run(OWN_PAGE, '--url', 'https://arxiv.org/list/cs.LG/new');
    expect(code).toBe(0);
    const result = JSON.parse(out.join(''));
    expect(result).toMatchObject({ url: 'https://arxiv.org/list/cs.LG/new', site: 'arxiv' });
    expect(result.papers).toHaveLength(4);
    for (const paper of result.papers) {
      for (const key of ['id', 'title', 'authors', 'abstract', 'abstractKind', 'url', 'subjects', 'tags', 'results']) expect(paper).toHaveProperty(key);
    }
    expect(result.papers[0].tags).toContainEqual({ id: 'cs.LG', label: expect.any(String), kind: 'category', score: 1, source: 'page' });
  });

  it.skipIf(!HAS_SHARED)('handles both markups of real arXiv listings', async () => {
    for (const page of REAL_PAGES.filter((p) => p.url.includes('/list/'))) {
      const { code, out } = await run(sharedPath('fixtures/pages', page.file), '--url', page.url);
      expect(code).toBe(0);
      expect(JSON.parse(out.join('')).papers.length).toBeGreaterThan(80);
    }
  });
});

describe('enrich: JSONL mode', () => {
  it('prints one PAPER per line with canonical ids', async () => {
    const file = tempFile('ok.jsonl', '{"id":"2405.04522v2","title":"A title","abstract":"An abstract."}\n\n{"id":"x-1","title":"Another","abstract":""}\n');
    const { code, out } = await run('--jsonl', file);
    expect(code).toBe(0);
    expect(out.map((l) => JSON.parse(l).id)).toEqual(['arxiv:2405.04522', 'x-1']);
    expect(JSON.parse(out[1]!).abstractKind).toBe('none');
  });
});

describe('enrich: bad input gets a clear message and a non-zero exit, never a stack trace', () => {
  const cases: [string, () => string[], RegExp][] = [
    ['a missing file', () => ['missing.html', '--url', 'https://arxiv.org/list/cs/new'], /no such file: missing\.html/],
    ['a page without --url', () => [OWN_PAGE], /needs the URL/],
    ['an invalid URL', () => [OWN_PAGE, '--url', 'nope'], /not a URL: nope/],
    ['an unknown site', () => [OWN_PAGE, '--url', 'https://example.org/list'], /no supported site matches/],
    ['a supported site with no papers', () => [tempFile('empty.html', '<html><body>nothing</body></html>'), '--url', 'https://arxiv.org/list/cs/new'], /no papers found/],
    ['bad JSONL, with its line number', () => ['--jsonl', tempFile('bad.jsonl', '{"title":"ok"}\n{"title": oops}\n')], /line 2: not valid JSON/],
    ['a JSONL line without a title', () => ['--jsonl', tempFile('notitle.jsonl', '{"id":"1"}\n')], /line 1: "title"/],
    ['no arguments', () => [], /give either a page file or --jsonl/],
    ['an unknown option', () => ['--frobnicate'], /unknown option --frobnicate/],
  ];
  for (const [what, argv, message] of cases) {
    it(what, async () => {
      const { code, out, err } = await run(...argv());
      expect(code).toBe(2);
      expect(out).toEqual([]);
      expect(err).toMatch(message);
      expect(err).not.toMatch(/\n\s+at /);
    });
  }
});
