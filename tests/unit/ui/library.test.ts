import { describe, expect, it } from 'vitest';
import { describeClaim, keyResult, NO_FILTERS, quickMatch, quoteParts, safeUrl, suggestFromLibrary, visiblePapers } from '../../../lib/ui/library';
import { PaperSearch } from '../../../lib/ui/search';
import { benchmarkSummaries, papersPerMonth, papersPerTopic } from '../../../lib/ui/overview';
import { claimIn, makePaper } from './fixtures';

describe('claims', () => {
  const abstract = 'We study X. Our method improves accuracy by 4.2 points on GLUE over BERT.';
  const sentence = 'Our method improves accuracy by 4.2 points on GLUE over BERT.';

  it('splits the quote around the value using offsets in the abstract', () => {
    const claim = claimIn(abstract, sentence, '4.2');
    expect(quoteParts(claim, abstract)).toEqual({ before: 'Our method improves accuracy by ', value: '4.2', after: ' points on GLUE over BERT.' });
  });

  it('reads the TeX of each part of the quote, split where the value is written', () => {
    const texAbstract = 'We study $k$-means. It cuts latency by 12\\% with a 4.6$\\times$ speedup on $10^{4}$ points.';
    const texSentence = 'It cuts latency by 12\\% with a 4.6$\\times$ speedup on $10^{4}$ points.';
    expect(quoteParts(claimIn(texAbstract, texSentence, '12\\%'), texAbstract)).toEqual({ before: 'It cuts latency by ', value: '12%', after: ' with a 4.6× speedup on 10⁴ points.' });
  });

  it('shows the sentence unmarked when the offsets do not point inside it', () => {
    const claim = { ...claimIn(abstract, sentence, '4.2'), start: 2, end: 5 };
    expect(quoteParts(claim, abstract)).toEqual({ before: sentence, value: '', after: '' });
    expect(quoteParts(claimIn(abstract, sentence, '4.2'), 'a different abstract')).toEqual({ before: sentence, value: '', after: '' });
  });

  it('describes only what the claim states and picks the most confident one', () => {
    const weak = claimIn(abstract, sentence, '4.2', { confidence: 0.3, metric: 'accuracy', dataset: 'GLUE', comparator: 'BERT', unit: 'points' });
    const strong = { ...weak, confidence: 0.8, comparator: '' };
    expect(describeClaim(weak)).toBe('4.2 points accuracy on GLUE vs. BERT');
    expect(describeClaim({ ...weak, value: '', number: null, kind: 'sota', metric: '', dataset: 'ImageNet', comparator: '' })).toBe('state of the art on ImageNet');
    expect(describeClaim({ ...weak, unit: '%', comparator: '' })).toBe('4.2% accuracy on GLUE');
    expect(describeClaim({ ...weak, value: '378', unit: '', kind: 'count', metric: '', subject: 'galaxies', dataset: '', comparator: '' })).toBe('378 galaxies');
    expect(keyResult(makePaper(1, { results: [weak, strong] }))).toBe(strong);
    expect(keyResult(makePaper(1))).toBeUndefined();
  });
});

it('follows only http(s) links', () => {
  expect(safeUrl('https://arxiv.org/abs/1')).toBe('https://arxiv.org/abs/1');
  for (const url of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x', 'not a url', '', undefined]) expect(safeUrl(url)).toBeUndefined();
});

describe('search index', () => {
  const papers = [
    makePaper(1, { title: 'Sparse attention', abstract: 'We propose a kernel for long sequences.' }),
    makePaper(2, { title: 'Dense retrieval', abstract: 'Retrieval with dual encoders for question answering.', note: 'kernel ideas' }),
  ];

  it('matches whole words in abstracts, prefixes in short fields, forgives a typo, and updates in place', async () => {
    const index = new PaperSearch();
    await index.addAll(papers);
    expect(index.search('sequences')).toEqual([papers[0]!.id]);
    expect(index.search('seque')).toEqual([]);
    expect(index.search('spar')).toEqual([papers[0]!.id]);
    expect(index.search('retrievl ')).toEqual([papers[1]!.id]);
    expect(index.search('kernel')!.sort()).toEqual([papers[0]!.id, papers[1]!.id]);
    expect(index.search('the of')).toEqual([]);
    expect(index.search('  ')).toBeNull();
    index.upsert({ ...papers[1]!, note: '' });
    expect(index.search('kernel')).toEqual([papers[0]!.id]);
    index.remove(papers[0]!.id);
    expect(index.search('kernel')).toEqual([]);
  });

  it('matches typed words in short fields before the index exists', () => {
    expect(quickMatch(papers, 'dense RETR')).toEqual([papers[1]]);
    expect(quickMatch(papers, 'kernel')).toEqual([papers[1]]);
  });

  it('keeps search order for relevance and sorts otherwise', () => {
    const hits = [papers[0]!, papers[1]!];
    expect(visiblePapers(papers, NO_FILTERS, 'relevance', hits)).toEqual(hits);
    expect(visiblePapers(papers, NO_FILTERS, 'saved', hits)).toEqual([papers[1], papers[0]]);
  });
});

it('suggests the user’s tags from related papers first', () => {
  const topic = { id: 'topic:rl', label: 'RL', kind: 'topic' as const, score: 1, source: 'model' as const };
  const paper = makePaper(1, { tags: [topic] });
  const library = [paper, makePaper(2, { userTags: ['often', 'robots'], tags: [topic] }), makePaper(3, { userTags: ['often'] }), makePaper(4, { userTags: ['often'] })];
  expect(suggestFromLibrary(paper, library)).toEqual(['often', 'robots']);
  expect(suggestFromLibrary({ ...paper, userTags: ['Often'] }, library)).toEqual(['robots']);
});

describe('overview figures', () => {
  it('counts per month with empty months filled in', () => {
    const at = (y: number, m: number) => makePaper(y * 100 + m, { savedAt: Date.UTC(y, m - 1, 15) });
    expect(papersPerMonth([at(2025, 11), at(2026, 2), at(2026, 2)])).toEqual([
      { label: '2025-11', count: 1 },
      { label: '2025-12', count: 0 },
      { label: '2026-01', count: 0 },
      { label: '2026-02', count: 2 },
    ]);
    expect(papersPerMonth([makePaper(1, { savedAt: undefined })])).toEqual([]);
  });

  it('falls back to categories when no paper has a topic', () => {
    const category = { id: 'cs.LG', label: 'cs.LG', kind: 'category' as const, score: 1, source: 'page' as const };
    expect(papersPerTopic([makePaper(1, { tags: [category] })])).toEqual({ by: 'category', counts: [{ label: 'cs.LG', count: 1 }] });
  });

  it('groups benchmark spellings and keeps one unit on the value axis', () => {
    const abstract = 'It gets 80.1% top-1 on ImageNet-1k.';
    const claim = (value: string, extra = {}) => claimIn(abstract, abstract, '80.1', { value, number: Number(value), metric: 'top-1', dataset: 'ImageNet-1k', unit: '%', ...extra });
    const summaries = benchmarkSummaries([
      makePaper(1, { results: [claim('80.1')] }),
      makePaper(2, { results: [claim('82.0', { dataset: 'imagenet 1K' })] }),
      makePaper(3, { results: [claim('3', { unit: 'x', dataset: 'ImageNet-1k' }), claim('1', { dataset: '' })] }),
    ]);
    expect(summaries).toEqual([{ benchmark: 'ImageNet-1k', papers: 3, metric: 'top-1', metricPapers: 3, values: [80.1, 82], unit: '%' }]);
  });
});
