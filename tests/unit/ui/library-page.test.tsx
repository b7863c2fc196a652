// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Paper, Tag } from '../../../lib/model';
import { Library } from '../../../lib/ui/Library';
import { Popup } from '../../../lib/ui/Popup';
import { claimIn, fakeApi, makePaper } from './fixtures';
import { HOSTILE_URLS, injectedMarkup, XSS_PAYLOADS } from './xss-payloads';

afterEach(cleanup);

const topic = (label: string): Tag => ({ id: `topic:${label}`, label, kind: 'topic', score: 0.9, source: 'model' });
const rowTitles = () => Array.from(document.querySelectorAll('.paper-table tbody tr[data-paper-id] .paper-title')).map((el) => el.textContent);

async function renderLibrary(papers: Paper[]) {
  const fake = fakeApi(papers);
  const download = vi.fn();
  render(<Library api={fake.api} download={download} />);
  await waitFor(() => expect(document.querySelector('.paper-table')).not.toBeNull());
  return { ...fake, download };
}

describe('library table', () => {
  const papers = () => Array.from({ length: 6 }, (_, i) => makePaper(i + 1, { title: `Paper ${String.fromCharCode(70 - i)}` }));

  it('selects a range with shift-click, tags the selection and exports it', async () => {
    const { api, download } = await renderLibrary(papers());
    expect(rowTitles()).toEqual(['Paper A', 'Paper B', 'Paper C', 'Paper D', 'Paper E', 'Paper F']);
    fireEvent.click(screen.getByLabelText('Select Paper B'));
    fireEvent.click(screen.getByLabelText('Select Paper D'), { shiftKey: true });
    expect(screen.getByText(/^3 selected/)).toBeTruthy();

    fireEvent.input(screen.getByLabelText('Tag to add to the selected papers'), { target: { value: 'survey' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    await waitFor(() => expect(api.updatePaper).toHaveBeenCalledTimes(3));
    expect(api.updatePaper.mock.calls.map(([, patch]) => patch)).toEqual([{ userTags: ['survey'] }, { userTags: ['survey'] }, { userTags: ['survey'] }]);
    await waitFor(() => expect(document.querySelector('tr[data-paper-id="arxiv:2401.10004"] .tags-cell')?.textContent).toBe('survey'));

    fireEvent.change(screen.getByLabelText('Export format'), { target: { value: 'ris' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export selected' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    expect(api.exportPapers.mock.calls[0]![0]).toBe('ris');
    expect(api.exportPapers.mock.calls[0]![1].map((p) => p.id).sort()).toEqual(['arxiv:2401.10003', 'arxiv:2401.10004', 'arxiv:2401.10005']);
    expect(download.mock.calls[0]![0].text.split('\n')).toHaveLength(3);
  });

  it('removes a tag from the selection only where it is set, and selects all shown after a search', async () => {
    const list = papers();
    list[0] = { ...list[0]!, userTags: ['old'] };
    const { api } = await renderLibrary(list);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search papers' }), { target: { value: 'Paper F' } });
    await waitFor(() => expect(rowTitles()).toEqual(['Paper F']));
    fireEvent.click(screen.getByRole('button', { name: 'Select all shown' }));
    expect(screen.getByText(/^1 selected · 1 shown of 6/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Remove a tag from the selected papers'), { target: { value: 'old' } });
    await waitFor(() => expect(api.updatePaper).toHaveBeenCalledWith('arxiv:2401.10001', { userTags: [] }));
    expect(api.updatePaper).toHaveBeenCalledTimes(1);
  });

  it('shows titles written in TeX as read', async () => {
    await renderLibrary([makePaper(1, { title: 'Echo-E$^3$Net for $\\delta$ Scuti stars' })]);
    expect(rowTitles()).toEqual(['Echo-E³Net for δ Scuti stars']);
    expect(screen.getByLabelText('Select Echo-E³Net for δ Scuti stars')).toBeTruthy();
  });

  it('sorts by a column header', async () => {
    await renderLibrary(papers());
    fireEvent.click(within(document.querySelector('thead')!).getByRole('button', { name: 'Title' }));
    await waitFor(() => expect(rowTitles()).toEqual(['Paper A', 'Paper B', 'Paper C', 'Paper D', 'Paper E', 'Paper F']));
    fireEvent.click(within(document.querySelector('thead')!).getByRole('button', { name: 'Saved' }));
    await waitFor(() => expect(rowTitles()[0]).toBe('Paper A'));
  });
});

describe('overview', () => {
  it('draws papers per topic, per month and the benchmarks reported on', async () => {
    const abstract = 'Our model reaches 91.2% top-1 accuracy on ImageNet.';
    const sentence = abstract;
    const claim = (value: string) => claimIn(abstract, sentence, value, { metric: 'top-1 accuracy', dataset: 'ImageNet', unit: '%' });
    const papers = [
      makePaper(1, { tags: [topic('Vision')], results: [claim('91.2')], abstract }),
      makePaper(40, { tags: [topic('Vision'), topic('Efficiency')], results: [{ ...claim('91.2'), number: 88.5, value: '88.5' }], abstract }),
      makePaper(70, { tags: [topic('Language')] }),
    ];
    await renderLibrary(papers);
    fireEvent.click(screen.getByRole('tab', { name: 'Overview' }));
    const topics = await screen.findByRole('img', { name: 'Saved papers per topic' });
    expect(Array.from(topics.querySelectorAll('title')).map((t) => t.textContent)).toEqual(['Vision: 2', 'Efficiency: 1', 'Language: 1']);
    const months = screen.getByRole('img', { name: 'Papers saved per month' });
    expect(Array.from(months.querySelectorAll('title')).map((t) => t.textContent)).toEqual(['2026-01: 1', '2026-02: 1', '2026-03: 1']);
    const benchmarks = screen.getByRole('img', { name: 'Benchmarks results are most often reported on' });
    expect(benchmarks.querySelector('title')?.textContent).toBe('ImageNet: 2 papers; top-1 accuracy in 2');
    expect(Array.from(benchmarks.querySelectorAll('circle title')).map((t) => t.textContent).sort()).toEqual(['88.5%', '91.2%']);
  });

  it('shows no benchmark chart when no paper has a result', async () => {
    await renderLibrary([makePaper(1)]);
    fireEvent.click(screen.getByRole('tab', { name: 'Overview' }));
    await screen.findByText('No results with a named benchmark among these papers yet.');
    expect(screen.queryByRole('img', { name: 'Benchmarks results are most often reported on' })).toBeNull();
  });
});

describe('hostile page text', () => {
  const hostile = () =>
    XSS_PAYLOADS.map((payload, i) => {
      const abstract = `Intro ${payload}. We reach 42.0 F1 on ${payload}.`;
      const sentence = `We reach 42.0 F1 on ${payload}.`;
      return makePaper(i + 1, {
        title: `${payload} title`,
        authors: [payload, `Author ${payload}`],
        abstract,
        note: `note ${payload}`,
        userTags: [`tag ${payload}`.slice(0, 60)],
        tags: [{ id: `topic:${i}`, label: payload, kind: 'topic', score: 1, source: 'model' }],
        results: [claimIn(abstract, sentence, '42.0', { dataset: payload, metric: payload })],
        url: HOSTILE_URLS[i % HOSTILE_URLS.length],
        pdfUrl: HOSTILE_URLS[(i + 1) % HOSTILE_URLS.length],
      });
    });

  it('renders payloads in the popup as text, with every row expanded', async () => {
    const { api } = fakeApi(hostile());
    render(<Popup api={api} />);
    await waitFor(() => expect(document.querySelectorAll('.paper-list > .paper').length).toBe(XSS_PAYLOADS.length));
    for (let i = 0; i < XSS_PAYLOADS.length; i++) {
      const row = document.querySelectorAll('.paper-list > .paper')[i]!;
      if (!row.classList.contains('expanded')) fireEvent.click(row.querySelector('.more')!);
      for (const quote of Array.from(document.querySelectorAll('.claim button[aria-expanded="false"]'))) fireEvent.click(quote);
      expect(injectedMarkup(document.body)).toEqual([]);
    }
    const titles = Array.from(document.querySelectorAll('.paper-title')).map((el) => el.textContent);
    expect(titles).toContain('<img src=x onerror="window.__plXss=1"> title');
    // A hostile URL is never a link.
    expect(document.querySelectorAll('a.paper-title')).toHaveLength(0);
    expect((window as { __plXss?: number }).__plXss).toBeUndefined();
  });

  it('renders payloads in the library table and overview as text', async () => {
    await renderLibrary(hostile());
    expect(injectedMarkup(document.body)).toEqual([]);
    expect(rowTitles()).toContain('<script>window.__plXss=2</script> title');
    fireEvent.click(screen.getByRole('tab', { name: 'Overview' }));
    await screen.findByRole('img', { name: 'Saved papers per topic' });
    expect(injectedMarkup(document.body)).toEqual([]);
    expect(screen.getByRole('img', { name: 'Benchmarks results are most often reported on' }).textContent).toContain('<svg onload');
    expect((window as { __plXss?: number }).__plXss).toBeUndefined();
  });
});
