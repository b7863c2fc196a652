// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Paper, Tag } from '../../../lib/model';
import { Popup } from '../../../lib/ui/Popup';
import { claimIn, fakeApi, makePaper } from './fixtures';

afterEach(cleanup);

const titles = () => Array.from(document.querySelectorAll('.paper-list > .paper .paper-title')).map((el) => el.textContent);

async function renderPopup(papers: Paper[]) {
  const fake = fakeApi(papers);
  const utils = render(<Popup api={fake.api} />);
  if (papers.some((p) => p.saved)) await waitFor(() => expect(document.querySelector('.paper-list')).not.toBeNull());
  await waitFor(() => expect(document.querySelector('.list-status')?.textContent ?? '').not.toMatch(/loading/));
  return { ...fake, ...utils };
}

async function search(text: string) {
  fireEvent.input(screen.getByRole('searchbox', { name: 'Search papers' }), { target: { value: text } });
}

const library = () => {
  const abstract = 'We train a translation model. It reaches 29.3 BLEU on WMT14 English-German, beating prior work.';
  return [
    makePaper(1, { title: 'Diffusion models beat GANs', authors: ['Ada Lovelace'], tags: [{ id: 'topic:generative', label: 'Generative models', kind: 'topic', score: 0.8, source: 'model' }, { id: 'cs.CV', label: 'cs.CV', kind: 'category', score: 1, source: 'page' }], year: 2021 }),
    makePaper(2, { title: 'Attention for translation', abstract, results: [claimIn(abstract, 'It reaches 29.3 BLEU on WMT14 English-German, beating prior work.', '29.3')], sites: ['huggingface'], year: 2017, read: true }),
    makePaper(3, { title: 'A survey of retrieval', note: 'Read before the reading group on Thursday', userTags: ['reading-group'], year: 2023, tags: [{ id: 'cs.IR', label: 'cs.IR', kind: 'category', score: 1, source: 'page' }] }),
    makePaper(4, { title: 'Zebra finches sing', authors: ['Grace Hopper'], year: 2019 }),
  ];
};

describe('popup list', () => {
  it('shows the newest saved first, with site, date and the key result but no made-up result', async () => {
    await renderPopup(library());
    expect(titles()).toEqual(['Zebra finches sing', 'A survey of retrieval', 'Attention for translation', 'Diffusion models beat GANs']);
    const rows = document.querySelectorAll('.paper-list > .paper');
    expect(rows[2]!.querySelector('.key-result')?.textContent).toBe('29.3 BLEU on WMT14');
    expect(rows[2]!.querySelector('.paper-site')?.textContent).toBe('Hugging Face');
    expect(rows[0]!.querySelector('.key-result')).toBeNull();
    expect(rows[0]!.querySelector('time')?.textContent).toBe('2026-01-05');
    expect(within(rows[1] as HTMLElement).getByText('reading-group').className).toContain('tag-user');
  });

  it('shows titles written in TeX as read, and finds them by what is written', async () => {
    await renderPopup([makePaper(1, { title: 'Bounds on $\\sigma_8$ from $10^{4}$ Weak Lensing Maps' })]);
    expect(titles()).toEqual(['Bounds on σ₈ from 10⁴ Weak Lensing Maps']);
    await search('sigma_8');
    await waitFor(() => expect(titles()).toEqual(['Bounds on σ₈ from 10⁴ Weak Lensing Maps']));
  });

  it('shows the quote of the key result on demand, with the value marked', async () => {
    await renderPopup(library());
    expect(document.querySelector('.quote')).toBeNull();
    fireEvent.click(screen.getByText('29.3 BLEU on WMT14'));
    const quote = document.querySelector('.quote')!;
    expect(quote.textContent).toBe('It reaches 29.3 BLEU on WMT14 English-German, beating prior work.');
    expect(quote.querySelector('mark')?.textContent).toBe('29.3');
  });

  it('tells a newcomer what to do when nothing is saved', async () => {
    await renderPopup([makePaper(1, { saved: false, savedAt: undefined })]);
    await waitFor(() => screen.getByText('No saved papers yet'));
    expect(screen.getByText(/arxiv.org\/list\/cs.LG\/new/)).toBeTruthy();
    fireEvent.click(screen.getByText('See the papers you came across lately'));
    await waitFor(() => expect(titles()).toEqual(['Paper number 1']));
  });
});

describe('search as you type', () => {
  it.each([
    ['diffusion', ['Diffusion models beat GANs']],
    ['hopper', ['Zebra finches sing']],
    ['thursday', ['A survey of retrieval']],
    ['reading-group', ['A survey of retrieval']],
    ['BLEU', ['Attention for translation']],
    ['generative', ['Diffusion models beat GANs']],
    ['transl', ['Attention for translation']],
    ['nothing-like-this', []],
  ])('%s', async (query, expected) => {
    await renderPopup(library());
    await search(query);
    await waitFor(() => expect(titles()).toEqual(expected));
  });

  it('says when nothing matches and clears back to everything', async () => {
    await renderPopup(library());
    await search('qwertyuiop');
    await waitFor(() => screen.getByText(/No paper matches “qwertyuiop”/));
    fireEvent.click(screen.getByText('Clear search and filters'));
    await waitFor(() => expect(titles()).toHaveLength(4));
  });

  it('finds a note or tag added in the popup without rebuilding', async () => {
    const { api } = await renderPopup(library());
    fireEvent.click(document.querySelectorAll('.paper-list > .paper .more')[0]!);
    const note = screen.getByPlaceholderText('Why this paper matters to you');
    fireEvent.input(note, { target: { value: 'birdsong dataset' } });
    fireEvent.blur(note);
    await waitFor(() => expect(api.updatePaper).toHaveBeenCalledWith(expect.stringContaining('2401'), { note: 'birdsong dataset' }));
    await search('birdsong');
    await waitFor(() => expect(titles()).toEqual(['Zebra finches sing']));
  });
});

describe('filters and sort', () => {
  const select = (name: string, value: string) => fireEvent.change(screen.getByRole('combobox', { name }), { target: { value } });

  it('filters by tag, category, site, results and read state', async () => {
    await renderPopup(library());
    select('Filter by tag', 'generative models');
    await waitFor(() => expect(titles()).toEqual(['Diffusion models beat GANs']));
    select('Filter by tag', '');
    select('Filter by category', 'cs.IR');
    await waitFor(() => expect(titles()).toEqual(['A survey of retrieval']));
    select('Filter by category', '');
    select('Filter by site', 'huggingface');
    await waitFor(() => expect(titles()).toEqual(['Attention for translation']));
    select('Filter by site', '');
    select('Filter by read state', 'unread');
    await waitFor(() => expect(titles()).toEqual(['Zebra finches sing', 'A survey of retrieval', 'Diffusion models beat GANs']));
    select('Filter by read state', 'all');
    fireEvent.click(screen.getByLabelText('With results'));
    await waitFor(() => expect(titles()).toEqual(['Attention for translation']));
  });

  it('sorts by year and by title', async () => {
    await renderPopup(library());
    select('Sort', 'year');
    await waitFor(() => expect(titles()).toEqual(['A survey of retrieval', 'Diffusion models beat GANs', 'Zebra finches sing', 'Attention for translation']));
    select('Sort', 'title');
    await waitFor(() => expect(titles()).toEqual(['A survey of retrieval', 'Attention for translation', 'Diffusion models beat GANs', 'Zebra finches sing']));
  });
});

describe('per-paper actions', () => {
  it('removes with undo, restoring the saved date', async () => {
    const { api, stored } = await renderPopup(library());
    const savedAt = stored().find((p) => p.title === 'A survey of retrieval')!.savedAt;
    fireEvent.click(document.querySelectorAll('.paper-list > .paper .more')[1]!);
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(titles()).not.toContain('A survey of retrieval'));
    expect(api.setSaved).toHaveBeenCalledWith(expect.any(String), false);
    expect(screen.getByRole('status').textContent).toContain('Removed “A survey of retrieval”');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(titles()[1]).toBe('A survey of retrieval'));
    expect(api.updatePaper).toHaveBeenLastCalledWith(expect.any(String), { saved: true, savedAt });
    expect(stored().find((p) => p.title === 'A survey of retrieval')!.saved).toBe(true);
  });

  it('adds a tag, suggesting the user’s tags from related papers', async () => {
    const papers = library();
    papers[0] = { ...papers[0]!, userTags: ['generative'] };
    const suggested: Tag = { id: 'user:robotics', label: 'robotics', kind: 'personal', score: 0.8, source: 'model' };
    papers.push(makePaper(5, { title: 'Score-based generative modelling', tags: [...papers[0]!.tags, suggested], savedAt: 0 }));
    const { api } = await renderPopup(papers);
    const row = Array.from(document.querySelectorAll('.paper-list > .paper')).find((r) => r.textContent?.includes('Score-based'))! as HTMLElement;
    expect(within(row).getByText('robotics').className).toContain('tag-suggested');
    fireEvent.click(row.querySelector('.more')!);
    // The model's suggestion first, then the user's tag from a paper on the same topic, then other tags of theirs.
    expect(Array.from(row.querySelectorAll('.suggestion')).map((b) => b.textContent)).toEqual(['+ robotics', '+ generative', '+ reading-group']);
    fireEvent.click(within(row).getByText('+ generative'));
    await waitFor(() => expect(api.updatePaper).toHaveBeenCalledWith(expect.any(String), { userTags: ['generative'] }));
    const input = within(row).getByLabelText('Add a tag');
    fireEvent.input(input, { target: { value: '  to   cite ' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(api.updatePaper).toHaveBeenLastCalledWith(expect.any(String), { userTags: ['generative', 'to cite'] }));
  });

  it('marks read and opens the paper', async () => {
    const { api } = await renderPopup(library());
    fireEvent.click(document.querySelectorAll('.paper-list > .paper .more')[0]!);
    fireEvent.click(screen.getByRole('button', { name: 'Mark read' }));
    await waitFor(() => expect(api.updatePaper).toHaveBeenCalledWith(expect.any(String), { read: true }));
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    expect(api.openUrl).toHaveBeenCalledWith('https://arxiv.org/abs/2401.10004');
  });
});

describe('keyboard', () => {
  it('/ focuses search, arrows move, Enter opens, Delete removes, Escape clears', async () => {
    const { api } = await renderPopup(library());
    const searchBox = screen.getByRole('searchbox', { name: 'Search papers' });
    (document.activeElement as HTMLElement | null)?.blur();
    fireEvent.keyDown(document.body, { key: '/' });
    expect(document.activeElement).toBe(searchBox);
    fireEvent.keyDown(searchBox, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement?.textContent).toContain('Zebra finches sing'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement?.textContent).toContain('A survey of retrieval'));
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(api.openUrl).toHaveBeenCalledWith('https://arxiv.org/abs/2401.10003');
    fireEvent.keyDown(document.activeElement!, { key: 'Delete' });
    await waitFor(() => expect(titles()).not.toContain('A survey of retrieval'));
    // Focus stays in the list, on the paper that took its place.
    await waitFor(() => expect(document.activeElement?.textContent).toContain('Attention for translation'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(searchBox);
    await search('zebra');
    await waitFor(() => expect(titles()).toEqual(['Zebra finches sing']));
    fireEvent.keyDown(searchBox, { key: 'Escape' });
    await waitFor(() => expect(titles()).toHaveLength(3));
    expect((searchBox as HTMLInputElement).value).toBe('');
  });

  it('Space opens the details and Escape closes them', async () => {
    await renderPopup(library());
    fireEvent.keyDown(screen.getByRole('searchbox', { name: 'Search papers' }), { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement?.classList.contains('paper')).toBe(true));
    fireEvent.keyDown(document.activeElement!, { key: ' ' });
    await waitFor(() => expect(document.querySelector('.paper.expanded')).not.toBeNull());
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    await waitFor(() => expect(document.querySelector('.paper.expanded')).toBeNull());
  });
});

describe('seen lately', () => {
  it('lists unsaved papers too, saves one and forgets one with undo', async () => {
    const { api } = await renderPopup([makePaper(1), makePaper(2, { saved: false, savedAt: undefined, title: 'Seen but not saved' })]);
    fireEvent.click(screen.getByRole('tab', { name: 'Seen lately' }));
    await waitFor(() => expect(titles()).toEqual(['Seen but not saved', 'Paper number 1']));
    fireEvent.click(document.querySelectorAll('.paper-list > .paper .more')[0]!);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.setSaved).toHaveBeenCalledWith('arxiv:2401.10002', true));
    fireEvent.click(screen.getByRole('button', { name: 'Forget' }));
    await waitFor(() => expect(titles()).toEqual(['Paper number 1']));
    expect(api.removePaper).toHaveBeenCalledWith('arxiv:2401.10002');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(titles()).toEqual(['Seen but not saved', 'Paper number 1']));
    expect(api.restorePaper).toHaveBeenCalledWith('arxiv:2401.10002');
  });
});

describe('large libraries', () => {
  it('renders only a window of 10,000 papers, and search still reaches all of them', async () => {
    const papers = Array.from({ length: 10_000 }, (_, i) => makePaper(i, { title: i === 7 ? 'The needle paper' : `Paper number ${i}` }));
    await renderPopup(papers);
    expect(document.querySelectorAll('.paper-list > .paper').length).toBeLessThan(40);
    expect(screen.getByText('10,000 papers')).toBeTruthy();
    await search('needle');
    await waitFor(() => expect(titles()).toEqual(['The needle paper']));
  });
});

describe('popup and sync', () => {
  it("reloads the list when another device's changes arrive", async () => {
    const fake = fakeApi(library());
    let reload: () => void = () => undefined;
    render(<Popup api={fake.api} onRemoteChange={(callback) => ((reload = callback), () => undefined)} />);
    await waitFor(() => expect(titles()).toHaveLength(4));
    // Another device saved a fifth paper; the background has merged it.
    fake.stored().push(makePaper(5, { title: 'Saved on the laptop', savedAt: Date.now() + 1e9 }));
    reload();
    await waitFor(() => expect(titles()[0]).toBe('Saved on the laptop'));
  });
});

