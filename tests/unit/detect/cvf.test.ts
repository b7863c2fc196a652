import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../lib/cli/html';
import { adapterFor, detectPage } from '../../../lib/detect';

const DAY = 'https://openaccess.thecvf.com/ICCV2025?day=2025-10-21';

describe('CVF open access adapter', () => {
  it('matches openaccess.thecvf.com', () => {
    expect(adapterFor(new URL(DAY))?.site).toBe('cvf');
  });

  it('pairs each title with the dds after it, up to the next title', () => {
    const html = `<dl>
      <dt class="ptitle"><a href="/content/ICCV2025/html/Lee_A_ICCV_2025_paper.html">First</a></dt>
      <dd><a href="#">Ann Lee</a>, <a href="#">Bo Chen</a></dd>
      <dd>[<a href="http://arxiv.org/abs/2507.00001">arXiv</a>]</dd>
      <dt class="ptitle"><a href="/content/ICCV2025/html/Chen_B_ICCV_2025_paper.html">Second</a></dt>
      <dd>Bo Chen</dd><dd>[<a href="/content/ICCV2025/papers/Chen_B_ICCV_2025_paper.pdf">pdf</a>]</dd></dl>`;
    expect(detectPage(parseHtml(html, DAY), DAY).entries.map((e) => [e.id, e.authors, e.venue])).toEqual([
      ['arxiv:2507.00001', ['Ann Lee', 'Bo Chen'], 'ICCV 2025'],
      ['title:second', ['Bo Chen'], 'ICCV 2025'],
    ]);
  });
});
