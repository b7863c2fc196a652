// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageEnricher, SEND_CHUNK } from '../../../lib/page/enricher';
import { CHIPS_TAG, styleSource } from '../../../lib/page/host';
import type { PaperStatus } from '../../../lib/messaging';
import { batchOf, claim, detected, fakeServices, manualScheduling, tag, writeListing } from './listing';

const titles = (n: number) => Array.from({ length: n }, (_, i) => `Paper number ${i + 1}`);

/** A listing of `n` entries and an enricher on it; every entry is reported in view unless `seeAll` is false. */
function setup(n: number, known: Record<string, Partial<PaperStatus>> = {}, seeAll = true) {
  writeListing(document, titles(n));
  const entries = detected(document);
  const background = fakeServices(known);
  const schedule = manualScheduling();
  const enricher = new PageEnricher({
    doc: document,
    services: background.services,
    scheduling: schedule.scheduling,
    styles: styleSource(document, ':host{display:block}'),
    scheme: () => 'light',
  });
  enricher.add(batchOf(entries), entries);
  if (seeAll) schedule.see(entries.map((e) => e.element!));
  return { entries, enricher, ...background, ...schedule };
}

const rows = () => [...document.querySelectorAll(CHIPS_TAG)];
const barCount = () => document.querySelector('paperlens-bar')?.shadowRoot!.querySelector('.count')!.textContent;

/** A 500-entry listing whose first screen was seen and answered (the bar is up); the rest not yet. */
async function firstScreenAnswered(known: Record<string, Partial<PaperStatus>> = {}) {
  const t = setup(500, known, false);
  current = t.enricher;
  t.see(t.entries.slice(0, 8).map((e) => e.element!));
  await t.step();
  await t.step();
  return t;
}
const buttons = (host: Element) => [...host.shadowRoot!.querySelectorAll('button')];
const names = (host: Element) => buttons(host).map((b) => b.getAttribute('aria-label') ?? b.textContent);

let current: PageEnricher | undefined;
afterEach(() => {
  current?.destroy();
  current = undefined;
  document.body.replaceChildren();
});

describe('PageEnricher', () => {
  it('sends the entries in view first, alone, shows their rows as soon as the answer comes, and the rest as they come near', async () => {
    const t = setup(500, {}, false);
    current = t.enricher;
    expect(t.batches).toEqual([]);
    t.see(t.entries.slice(0, 8).map((e) => e.element!));
    expect(t.batches[0]!.entries.map((e) => e.id)).toEqual(t.entries.slice(0, 8).map((e) => e.id));
    expect(rows()).toHaveLength(8);
    await Promise.resolve();
    await Promise.resolve();
    expect(rows().filter((r) => r.getAttribute('data-state') === 'ready')).toHaveLength(8);

    await t.settle();
    // The rest went in chunks, every entry exactly once.
    const sentIds = t.batches.flatMap((b) => b.entries.map((e) => e.id));
    expect(sentIds.sort()).toEqual(t.entries.map((e) => e.id).sort());
    expect(Math.max(...t.batches.map((b) => b.entries.length))).toBeLessThanOrEqual(SEND_CHUNK);
    expect(t.batches.length).toBeGreaterThan(2);
    // Rows only near the reader: entries far below wait, observed, with their answer kept for later.
    expect(rows()).toHaveLength(8);
    expect(t.observed.size).toBe(492);
    expect(t.enricher.counts()).toEqual({ found: 500, matching: 0 });
    t.see(t.entries.slice(200, 210).map((e) => e.element!));
    expect(rows()).toHaveLength(18);
    expect(t.entries[205]!.element!.querySelector('paperlens-chips')!.getAttribute('data-state')).toBe('ready');
    expect(rows().every((r) => r.parentElement?.tagName === 'DD')).toBe(true);
    expect(t.observed.size).toBe(482);
  });

  it('sends only the entries in view while the page loads, and the rest once it has loaded', async () => {
    const t = setup(500, {}, false);
    current = t.enricher;
    t.startLoading();
    t.see(t.entries.slice(0, 8).map((e) => e.element!));
    await t.settle();
    expect(t.batches.flatMap((b) => b.entries.map((e) => e.id))).toEqual(t.entries.slice(0, 8).map((e) => e.id));
    expect(rows().filter((r) => r.getAttribute('data-state') === 'ready')).toHaveLength(8);
    t.endLoading();
    await t.settle();
    expect(new Set(t.batches.flatMap((b) => b.entries.map((e) => e.id))).size).toBe(500);
  });

  it('shows the page bar only once the page has loaded, when its counts cover the whole page', async () => {
    const t = setup(5, {}, false);
    current = t.enricher;
    t.startLoading();
    t.see(t.entries.slice(0, 2).map((e) => e.element!));
    await t.settle();
    expect(rows()).toHaveLength(2);
    expect(document.querySelector('paperlens-bar')).toBeNull();
    t.endLoading();
    expect(document.querySelector('paperlens-bar')).not.toBeNull();
  });

  it("orders the bar's tags, the user's first, then by count, then by label, without the locale collator", async () => {
    writeListing(document, titles(3));
    const ids = detected(document).map((e) => e.id);
    const localeCompare = vi.spyOn(String.prototype, 'localeCompare');
    const t = setup(3, {
      [ids[0]!]: { tags: [tag('zeta'), tag('beta'), tag('Alpha')] },
      [ids[1]!]: { tags: [tag('zeta'), tag('user:mine', 'personal', 'user')] },
      [ids[2]!]: { tags: [tag('gamma')] },
    });
    current = t.enricher;
    await t.settle();
    const options = [...document.querySelector('paperlens-bar')!.shadowRoot!.querySelectorAll('option')].map((o) => o.value);
    expect(options).toEqual(['', 'user:mine', 'zeta', 'Alpha', 'beta', 'gamma']);
    // Its first use in a page costs 20–27 ms (the collator's setup, measured in Chromium), on the page's
    // main thread when the bar first shows, as the page has just loaded.
    expect(localeCompare).not.toHaveBeenCalled();
    localeCompare.mockRestore();
  });

  it("keeps the bar's first counts while the rest of the page is answered, then shows the whole page's", async () => {
    writeListing(document, titles(500));
    const ids = detected(document).map((e) => e.id);
    const personal = { tags: [tag('user:agents', 'personal', 'user')] };
    const t = await firstScreenAnswered({ [ids[20]!]: personal, [ids[21]!]: personal });
    expect(barCount()).toBe('500 papers · 0 match your tags');
    // Each bar update relays out a long page: none while answers are still coming.
    while (t.enricher.counts().matching < 2) await t.step();
    await t.step();
    expect(barCount()).toBe('500 papers · 0 match your tags');
    await t.settle();
    expect(barCount()).toBe('500 papers · 2 match your tags');
  });

  it('updates how many papers the bar found while the rest of the page is still being answered', async () => {
    const t = await firstScreenAnswered();
    expect(barCount()).toBe('500 papers · 0 match your tags');
    // More of the page is read (a listing is read in slices): entries the bar has not counted yet.
    const more = t.entries.slice(0, 10).map((e) => ({ ...e, id: `${e.id}-more`, element: undefined }));
    t.enricher.add(batchOf(more), more);
    const sent = () => new Set(t.batches.flatMap((b) => b.entries.map((e) => e.id))).size;
    let shownWhileSending = false;
    while (sent() < 510) {
      await t.step();
      shownWhileSending ||= barCount() === '510 papers · 0 match your tags';
    }
    expect(shownWhileSending).toBe(true);
  });

  it('records the whole page and counts it even when no visibility report ever comes', async () => {
    const t = setup(30, {}, false);
    current = t.enricher;
    await t.settle();
    expect(t.batches.flatMap((b) => b.entries)).toHaveLength(30);
    expect(t.counts.at(-1)).toEqual({ found: 30, matching: 0 });
  });

  it('shows the save toggle, the tags as buttons with the personal ones first, and the key result when there is one', async () => {
    writeListing(document, titles(2));
    const [first, second] = detected(document);
    // As arXiv writes it: the tooltip shows it as read.
    const sentence = 'On WebShop our agent improves success rate by 12.5\\% over the strongest baseline.';
    const t = setup(2, {
      [first!.id]: { tags: [tag('cs.LG'), tag('user:agents', 'personal', 'user'), tag('user:rl', 'personal', 'model')], keyResult: claim('12.5%', sentence) },
      [second!.id]: { saved: true },
    });
    current = t.enricher;
    await t.settle();
    const [row1, row2] = rows();
    expect(names(row1!)).toEqual([
      'Save: Paper number 1',
      'agents: show papers with this tag',
      'rl (suggested): show papers with this tag',
      'cs.LG: show papers with this tag',
      '↑ 12.5% success rate on WebShop',
    ]);
    expect(row1!.shadowRoot!.querySelector('.personal:not(.suggested)')?.textContent).toBe('agents');
    const result = row1!.shadowRoot!.querySelector('button.result')!;
    expect(result.textContent).toBe('↑ 12.5% success rate on WebShop');
    const tip = row1!.shadowRoot!.getElementById(result.getAttribute('aria-describedby')!)!;
    expect(tip.getAttribute('role')).toBe('tooltip');
    expect(tip.textContent).toBe('On WebShop our agent improves success rate by 12.5% over the strongest baseline.');
    // No results: no result chip at all.
    expect(row2!.shadowRoot!.querySelector('.result')).toBeNull();
    expect(names(row2!)[0]).toBe('Saved: Paper number 2');
    expect(buttons(row2!)[0]!.getAttribute('aria-pressed')).toBe('true');
  });

  it('saves and unsaves from the toggle', async () => {
    const t = setup(3);
    current = t.enricher;
    await t.settle();
    const save = () => buttons(rows()[1]!)[0]!;
    save().click();
    await t.settle();
    expect(t.saves).toEqual([[t.entries[1]!.id, true]]);
    expect(save().getAttribute('aria-label')).toBe('Saved: Paper number 2');
    save().click();
    await t.settle();
    expect(t.saves.at(-1)).toEqual([t.entries[1]!.id, false]);
    expect(save().textContent).toBe('☆ Save');
  });

  it('renders page text as text: markup in a title creates no element', async () => {
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    writeListing(document, [payload]);
    const entries = detected(document);
    const t = setup(0);
    current = t.enricher;
    writeListing(document, [payload]);
    const fresh = detected(document);
    t.enricher.add(batchOf(fresh), fresh);
    t.see([fresh[0]!.element!]);
    await t.settle();
    const row = rows()[0]!;
    expect(entries[0]!.title).toContain('<img');
    expect(names(row)[0]).toBe(`Save: ${fresh[0]!.title}`);
    expect(row.shadowRoot!.querySelectorAll('img, script')).toHaveLength(0);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('filters by a tag: the others are dimmed or hidden, dt included, and their own inline styles come back', async () => {
    const t = setup(6);
    current = t.enricher;
    await t.settle();
    const dds = [...document.querySelectorAll('dd')] as HTMLElement[];
    dds[1]!.style.opacity = '0.9';
    // Entries 0 and 3 carry cs.RO (see writeListing).
    const roChip = buttons(rows()[0]!).find((b) => b.textContent === 'cs.RO')!;
    roChip.click();
    await t.settle();
    expect(dds.map((dd) => dd.style.opacity)).toEqual(['', '0.35', '0.35', '', '0.35', '0.35']);
    expect((dds[1]!.previousElementSibling as HTMLElement).style.opacity).toBe('0.35');
    expect(buttons(rows()[0]!).find((b) => b.textContent === 'cs.RO')!.getAttribute('aria-pressed')).toBe('true');
    expect(t.counts.at(-1)).toEqual({ found: 6, matching: 2 });

    const bar = document.querySelector('paperlens-bar')!.shadowRoot!;
    const hide = [...bar.querySelectorAll('button')].find((b) => b.textContent === 'Hide others')!;
    hide.click();
    await t.settle();
    expect(dds.map((dd) => dd.style.display)).toEqual(['', 'none', 'none', '', 'none', 'none']);
    expect(dds.map((dd) => dd.style.opacity)).toEqual(['', '0.9', '', '', '', '']);

    buttons(rows()[0]!).find((b) => b.textContent === 'cs.RO')!.click();
    await t.settle();
    expect(dds.map((dd) => dd.style.display)).toEqual(['', '', '', '', '', '']);
    expect(dds[1]!.style.opacity).toBe('0.9');
  });

  it('counts papers with a personal tag as matching, saves all of them, and jumps from one to the next', async () => {
    writeListing(document, titles(5));
    const ids = detected(document).map((e) => e.id);
    const personal = { tags: [tag('user:agents', 'personal', 'user')] };
    const t = setup(5, { [ids[1]!]: personal, [ids[3]!]: { ...personal, saved: true }, [ids[4]!]: personal });
    current = t.enricher;
    await t.settle();
    const bar = document.querySelector('paperlens-bar')!.shadowRoot!;
    expect(bar.querySelector('.count')!.textContent).toBe('5 papers · 3 match your tags');
    const barButton = (text: string) => [...bar.querySelectorAll('button')].find((b) => b.textContent!.startsWith(text))!;
    expect(barButton('Save all matching').textContent).toBe('Save all matching (2)');
    barButton('Save all matching').click();
    await t.settle();
    expect(t.saves).toEqual([
      [ids[1], true],
      [ids[4], true],
    ]);
    expect(barButton('Save all matching').hasAttribute('disabled')).toBe(true);

    barButton('Next match').click();
    expect(document.activeElement?.closest('dd')).toBe(t.entries[1]!.element);
    barButton('Next match').click();
    expect(document.activeElement?.closest('dd')).toBe(t.entries[3]!.element);
    barButton('Next match').click();
    barButton('Next match').click();
    expect(document.activeElement?.closest('dd')).toBe(t.entries[1]!.element);
  });

  it('the keyboard command saves the paper holding the focus, else the one under the pointer', async () => {
    const t = setup(4);
    current = t.enricher;
    await t.settle();
    expect(t.enricher.toggleFocused()).toBeNull();
    const link = t.entries[2]!.element!.previousElementSibling!.querySelector('a') as HTMLElement;
    link.focus();
    expect(t.enricher.toggleFocused()).toBe(t.entries[2]!.id);
    link.blur();
    t.enricher.pointerMoved(t.entries[0]!.element!.querySelector('.list-title'));
    expect(t.enricher.toggleFocused()).toBe(t.entries[0]!.id);
    await t.settle();
    expect(t.saves).toEqual([
      [t.entries[2]!.id, true],
      [t.entries[0]!.id, true],
    ]);
  });

  it('follows saves made elsewhere, and tells the context menu what the page knows of a paper', async () => {
    const t = setup(2);
    current = t.enricher;
    await t.settle();
    t.enricher.savedChanged(t.entries[0]!.id, true);
    expect(names(rows()[0]!)[0]).toBe('Saved: Paper number 1');
    expect(t.enricher.entryFor(t.entries[1]!.id)).toMatchObject({ id: t.entries[1]!.id, title: 'Paper number 2' });
    expect(t.enricher.entryFor(t.entries[1]!.id)).not.toHaveProperty('element');
    expect(t.enricher.entryFor('arxiv:0000.00000')).toBeNull();
  });

  it('drops the rows of entries that left the page on navigation, and re-mounts re-rendered ones', async () => {
    const t = setup(4);
    current = t.enricher;
    await t.settle();
    t.entries[0]!.element!.remove();
    t.enricher.locationChanged();
    await t.settle();
    expect(t.enricher.counts().found).toBe(3);
    // The site re-renders entry 2: a new element for the same paper gets a row, the old one none.
    const copy = t.entries[1]!.element!.cloneNode(true) as Element;
    copy.querySelector(CHIPS_TAG)?.remove();
    t.entries[1]!.element!.replaceWith(copy);
    t.enricher.add(batchOf([]), [{ ...t.entries[1]!, element: copy }]);
    t.see([copy]);
    await t.settle();
    expect(copy.querySelectorAll(CHIPS_TAG)).toHaveLength(1);
    expect(rows()).toHaveLength(3);
  });

  it('leaves nothing behind when destroyed', async () => {
    const t = setup(5);
    await t.settle();
    const dds = [...document.querySelectorAll('dd')] as HTMLElement[];
    buttons(rows()[0]!).find((b) => b.textContent === 'cs.RO')!.click();
    await t.settle();
    expect(dds[1]!.style.opacity).toBe('0.35');
    t.enricher.destroy();
    expect(document.querySelectorAll('paperlens-chips, paperlens-bar')).toHaveLength(0);
    expect(dds.every((dd) => !dd.getAttribute('style'))).toBe(true);
  });

  it('sends a batch again when the background could not take it (its worker still starting)', async () => {
    writeListing(document, titles(5));
    const entries = detected(document);
    const background = fakeServices();
    let refusals = 2;
    const schedule = manualScheduling();
    current = new PageEnricher({
      doc: document,
      services: { ...background.services, describe: (batch) => (refusals-- > 0 ? Promise.reject(new Error('Receiving end does not exist')) : background.services.describe(batch)) },
      scheduling: schedule.scheduling,
      styles: styleSource(document, ':host{display:block}'),
      scheme: () => 'light',
    });
    current.add(batchOf(entries), entries);
    schedule.see(entries.map((e) => e.element!));
    await schedule.settle();
    expect(background.batches.flatMap((b) => b.entries.map((e) => e.id)).sort()).toEqual(entries.map((e) => e.id).sort());
    expect(rows().filter((r) => r.getAttribute('data-state') === 'ready')).toHaveLength(5);
  });
});
