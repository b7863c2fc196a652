// @vitest-environment happy-dom
import { cleanup, render, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Paper } from '../../../lib/model';
import type { LibraryApi } from '../../../lib/ui/api';
import { localFirstScreen } from '../../../lib/ui/firstScreen';
import { Popup } from '../../../lib/ui/Popup';
import { fakeApi, makePaper } from './fixtures';

afterEach(cleanup);
beforeEach(() => localStorage.clear());

const titles = () => Array.from(document.querySelectorAll('.paper-list > .paper .paper-title')).map((el) => el.textContent);

/** An api whose list answers only when `answer` is called, as a worker still waking up. */
function slowApi(papers: Paper[]) {
  const fake = fakeApi(papers);
  const pending: (() => void)[] = [];
  const api: LibraryApi = {
    ...fake.api,
    firstScreen: localFirstScreen(localStorage),
    listPapers: (view, limit) => new Promise((resolve) => pending.push(() => void fake.api.listPapers(view, limit).then(resolve))),
  };
  return { api, answer: async () => { while (pending.length) pending.shift()!(); } };
}

describe('the first screen, kept from the last time', () => {
  it('shows the last first screen at once, then the list the background sends', async () => {
    const before = [makePaper(1, { title: 'Kept from last time' })];
    localFirstScreen(localStorage).write('saved', before);
    const { api, answer } = slowApi([makePaper(2, { title: 'Saved since' }), makePaper(1, { title: 'Kept from last time' })]);
    render(<Popup api={api} />);
    await waitFor(() => expect(titles()).toEqual(['Kept from last time']));
    await answer();
    await waitFor(() => expect(titles()).toEqual(['Saved since', 'Kept from last time']));
    await answer();
    await waitFor(() => expect(localFirstScreen(localStorage).read('saved')?.map((p) => p.title)).toEqual(['Saved since', 'Kept from last time']));
  });

  it('drops a paper removed elsewhere as soon as the background answers', async () => {
    localFirstScreen(localStorage).write('saved', [makePaper(1, { title: 'Removed on another device' })]);
    const { api, answer } = slowApi([makePaper(1, { saved: false, savedAt: undefined })]);
    render(<Popup api={api} />);
    await waitFor(() => expect(titles()).toEqual(['Removed on another device']));
    await answer();
    await waitFor(() => expect(titles()).toEqual([]));
    await waitFor(() => expect(localFirstScreen(localStorage).read('saved')).toEqual([]));
  });

  it('keeps only saved papers for the saved list, and at most a screenful', () => {
    const cache = localFirstScreen(localStorage);
    cache.write('saved', [makePaper(1, { saved: false }), ...Array.from({ length: 100 }, (_, i) => makePaper(i + 2))]);
    const kept = cache.read('saved')!;
    expect(kept.length).toBeLessThanOrEqual(40);
    expect(kept.every((p) => p.saved)).toBe(true);
  });

  it('reads nothing from a damaged or foreign entry, and never throws', () => {
    const cache = localFirstScreen(localStorage);
    cache.write('saved', [makePaper(1)]);
    const key = Object.keys(localStorage).find((k) => k.includes('saved'))!;
    for (const damaged of ['{', '{"a":1}', '[{"id":1}]', '[null]', JSON.stringify([{ ...makePaper(1), tags: 'x' }])]) {
      localStorage.setItem(key, damaged);
      expect(cache.read('saved')).toBeNull();
    }
    cache.write('saved', [makePaper(1)]);
    cache.clear();
    expect(cache.read('saved')).toBeNull();
  });
});
