import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  GOLD_DIR,
  GOLD_FILES,
  GoldLineSchema,
  goldId,
  loadGoldAbstracts,
  readGold,
  readGoldLines,
  type GoldClaim,
} from '../../gold/extraction/gold';
import { csvRows } from '../../../scripts/lib/csv';
import { HAS_SHARED, readShared } from '../../helpers/shared';

/** The direction each kind implies for the paper's method (GUIDELINES.md, "The fields"). */
const DIRECTION_OF_KIND: Record<GoldClaim['kind'], GoldClaim['direction']> = {
  absolute: 'none',
  'relative-gain': 'up',
  reduction: 'down',
  'speed-up': 'up',
  count: 'none',
  bound: 'none',
  sota: 'none',
};

const MULTIPLIER: Record<string, number> = { k: 1e3, K: 1e3, M: 1e6, B: 1e9 };

/** The numbers a value string can stand for: each numeral in it, commas dropped, k/M/B multiplied out. */
function numbersIn(value: string): number[] {
  return [...value.matchAll(/(\d[\d,]*(?:\.\d+)?)([kKMB]?)/g)].map(
    ([, digits, suffix]) => Number(digits!.replace(/,/g, '')) * (MULTIPLIER[suffix!] ?? 1),
  );
}

describe('extraction gold: format', () => {
  it('has its guidelines and README next to it', () => {
    expect(existsSync(path.join(GOLD_DIR, 'GUIDELINES.md'))).toBe(true);
    expect(existsSync(path.join(GOLD_DIR, 'README.md'))).toBe(true);
  });

  for (const file of GOLD_FILES) {
    it(`${file}: every line matches the schema`, () => {
      const lines = readGoldLines(file);
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) {
        const result = v.safeParse(GoldLineSchema, line);
        expect(result.success, `${JSON.stringify(line).slice(0, 120)}: ${result.issues?.[0]?.message}`).toBe(true);
      }
    });
  }

  it('covers the 56 seed papers in page order and at least 100 arXiv abstracts, each once', () => {
    const gold = readGold();
    const seedKeys = gold.filter((l) => l.source === 'hf-seed').map((l) => l.key);
    expect(seedKeys).toEqual(Array.from({ length: 56 }, (_, i) => String(i + 1)));
    expect(gold.filter((l) => l.source !== 'hf-seed').length).toBeGreaterThanOrEqual(100);
    const ids = gold.map((l) => goldId(l.source, l.key));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("README's counts table matches the gold", () => {
    const readme = readFileSync(path.join(GOLD_DIR, 'README.md'), 'utf8');
    const kinds = Object.keys(DIRECTION_OF_KIND) as GoldClaim['kind'][];
    for (const file of GOLD_FILES) {
      const lines = readGoldLines(file).map((line) => v.parse(GoldLineSchema, line));
      const claims = lines.flatMap((line) => line.claims);
      const expected = [lines.length, lines.filter((l) => l.claims.length === 0).length, claims.length];
      expected.push(...kinds.map((kind) => claims.filter((c) => c.kind === kind).length));
      expect(readme, file).toContain(`| ${file} | ${expected.join(' | ')} |`);
    }
  });

  it('fills every claim consistently with its kind', () => {
    for (const line of readGold()) {
      for (const claim of line.claims) {
        const where = `${goldId(line.source, line.key)} ${JSON.stringify(claim)}`;
        expect(claim.direction, where).toBe(DIRECTION_OF_KIND[claim.kind]);
        if (claim.kind === 'sota') {
          expect([claim.value, claim.number, claim.unit], where).toEqual(['', null, '']);
          expect(claim.dataset, `${where}: a sota claim names its benchmark`).not.toBe('');
          continue;
        }
        expect(claim.value, where).not.toBe('');
        if (claim.number === null) {
          expect(claim.kind, `${where}: only a symbolic bound has no number`).toBe('bound');
        } else {
          expect(numbersIn(claim.value), where).toContain(claim.number);
        }
        if (claim.value.endsWith('%')) expect(['%', 'pp'], where).toContain(claim.unit);
      }
    }
  });
});

describe.skipIf(!HAS_SHARED)('extraction gold: against the abstracts in ../shared', () => {
  const abstracts = HAS_SHARED ? loadGoldAbstracts() : [];

  it('every key resolves and its title matches', () => {
    expect(abstracts.length).toBe(readGold().length);
    for (const paper of abstracts) {
      expect(paper.title, goldId(paper.source, paper.key)).toBe(paper.fullTitle.slice(0, 60));
    }
  });

  it('every value occurs in its abstract', () => {
    for (const paper of abstracts) {
      for (const claim of paper.claims) {
        expect(paper.abstract.includes(claim.value), `${goldId(paper.source, paper.key)}: "${claim.value}"`).toBe(true);
      }
    }
  });

  it('the arXiv sample is the one the README rule selects', () => {
    const chosen = (source: string) => abstracts.filter((p) => p.source === source).map((p) => p.key);
    const daily = readShared('data/arxiv-abstracts', 'arxiv_daily_2025-2026.jsonl')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { id: string; abstract: string; categories: string[] })
      .filter((r) => /^(cs|stat)\./.test(r.categories[0] ?? ''));
    const withDigit = daily.filter((r) => /\d/.test(r.abstract)).map((r) => r.id);
    const withoutDigit = daily.filter((r) => !/\d/.test(r.abstract)).map((r) => r.id);
    const dailyChosen = chosen('arxiv_daily_2025-2026');
    const digitCount = dailyChosen.filter((id) => withDigit.includes(id)).length;
    expect(dailyChosen).toEqual([...withDigit.slice(0, digitCount), ...withoutDigit.slice(0, dailyChosen.length - digitCount)]);

    const [header, ...rows] = csvRows(readShared('data/arxiv-abstracts', 'arxiv_ml_multilabel_1000.csv'));
    const summaryAt = header!.indexOf('summaries');
    const withPercent = rows.flatMap((row, i) => (row[summaryAt]?.includes('%') ? [String(i + 1)] : []));
    const multilabelChosen = chosen('arxiv_ml_multilabel_1000');
    expect(multilabelChosen).toEqual(withPercent.slice(0, multilabelChosen.length));

    const moreChosen = chosen('arxiv_more');
    const more = readShared('data/arxiv-abstracts', 'arxiv_more.jsonl')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { id: string; abstract: string; categories: string[] })
      .filter((r) => !(r.categories[0] ?? '').startsWith('cs') && /\d/.test(r.abstract))
      .slice(0, moreChosen.length)
      .map((r) => r.id);
    expect(moreChosen).toEqual(more);
  });
});
