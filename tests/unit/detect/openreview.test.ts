import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../lib/cli/html';
import { detectPage } from '../../../lib/detect';
import { newOrImproved } from '../../../lib/detect/watch';

const VENUE_URL = 'https://openreview.net/group?id=TMLR';

function note(forum: string, title: string, details = ''): string {
  return `<li><div class="note"><h4><a href="/forum?id=${forum}">${title}</a></h4><div class="note-authors"><span><a href="/profile?id=~Ana_Ruiz1">Ana Ruiz</a></span></div><ul class="note-meta-info list-inline"><li>Published: 02 Mar 2026</li><li>TMLR</li></ul><div class="collapse-widget"><a data-toggle="collapse" href="#x">Show details</a>${details}</div></div></li>`;
}

const OPENED = '<div class="collapse show"><div class="note-content"><div><strong class="note-content-field">Abstract:</strong> <span class="note-content-value">We show a thing.</span></div></div></div>';

describe('OpenReview lists', () => {
  it('reads the abstract once "Show details" has rendered it, and the page watch hands the entry on again', () => {
    const doc = parseHtml(`<ul class="submissions-list" id="list">${note('AbCd1234', 'First')}${note('EfGh5678', 'Second')}</ul>`, VENUE_URL);
    const handled = new Map<string, number>();

    const before = detectPage(doc, VENUE_URL).entries;
    expect(before.map((e) => [e.id, e.abstractKind])).toEqual([
      ['openreview:AbCd1234', 'none'],
      ['openreview:EfGh5678', 'none'],
    ]);
    expect(newOrImproved(handled, before)).toHaveLength(2);

    // The user opens the second note's details: React renders the content into the collapse widget.
    const content = doc.createElement('div');
    content.className = 'note-content';
    const label = doc.createElement('strong');
    label.className = 'note-content-field';
    label.textContent = 'Abstract:';
    const value = doc.createElement('span');
    value.className = 'note-content-value';
    value.textContent = 'We show a thing.';
    content.append(label, ' ', value);
    doc.querySelectorAll('.collapse-widget')[1]!.appendChild(content);

    const after = detectPage(doc, VENUE_URL).entries;
    expect(after[1]).toMatchObject({ id: 'openreview:EfGh5678', abstract: 'We show a thing.', abstractKind: 'full' });
    expect(newOrImproved(handled, after).map((e) => e.id)).toEqual(['openreview:EfGh5678']);
    expect(newOrImproved(handled, detectPage(doc, VENUE_URL).entries)).toEqual([]);
  });

  it('never hands an entry on again for less than it had', () => {
    const handled = new Map<string, number>();
    const [full] = detectPage(parseHtml(`<ul>${note('AbCd1234', 'T', OPENED)}</ul>`, VENUE_URL), VENUE_URL).entries;
    const [bare] = detectPage(parseHtml(`<ul>${note('AbCd1234', 'T')}</ul>`, VENUE_URL), VENUE_URL).entries;
    expect(newOrImproved(handled, [full!])).toHaveLength(1);
    expect(newOrImproved(handled, [bare!])).toEqual([]);
  });

  it('skips replies, links without a forum id and notes without a title link', () => {
    const html = `<ul>${note('AbCd1234', 'Paper')}<li><div class="note"><h4><a href="/forum?id=AbCd1234&amp;noteId=Zz99Yy88">Official Review</a></h4></div></li><li><div class="note"><h4><a href="/forum?id=">Broken</a></h4></div></li><li><div class="note"><h4>No link</h4></div></li></ul>`;
    const detection = detectPage(parseHtml(html, VENUE_URL), VENUE_URL);
    expect(detection.entries.map((e) => e.id)).toEqual(['openreview:AbCd1234']);
    expect(detection.skipped).toBe(1);
  });

  it('reads a forum page from its main note when the meta is missing', () => {
    const url = 'https://openreview.net/forum?id=AbCd1234';
    const html = `<div class="forum-container"><div class="forum-note"><div class="forum-title"><h2 class="citation_title">Forum Title</h2></div><div class="forum-authors"><span><a href="/profile?id=~Bo_Li1">Bo Li</a></span></div><div class="note-content"><div><strong class="note-content-field">Abstract:</strong> <span class="note-content-value">Body abstract.</span></div></div></div></div>`;
    const { entries } = detectPage(parseHtml(html, url), url);
    expect(entries).toEqual([expect.objectContaining({ id: 'openreview:AbCd1234', title: 'Forum Title', authors: ['Bo Li'], abstract: 'Body abstract.', abstractKind: 'full' })]);
  });
});
