// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { CHIPS_TAG, createHost, pageScheme, placeHost, relativeLuminance, styleSource } from '../../../lib/page/host';

describe('in-page hosts', () => {
  it('puts a row inside block entries, in the last cell of a table row, and after anything else', () => {
    const dd = document.createElement('dd');
    const tr = document.createElement('tr');
    const cell = document.createElement('td');
    tr.append(cell);
    const span = document.createElement('span');
    const parent = document.createElement('div');
    parent.append(span);
    const hosts = [1, 2, 3].map(() => document.createElement(CHIPS_TAG));
    placeHost(dd, hosts[0]!);
    placeHost(tr, hosts[1]!);
    placeHost(span, hosts[2]!);
    expect(hosts[0]!.parentElement).toBe(dd);
    expect(hosts[1]!.parentElement).toBe(cell);
    expect(span.nextElementSibling).toBe(hosts[2]);
  });

  it('gives each host an open shadow root with the styles and a mount point, and marks the scheme', () => {
    const styles = styleSource(document, ':host { display: block }');
    const { host, mount } = createHost(document, CHIPS_TAG, styles, 'dark');
    expect(host.getAttribute('data-scheme')).toBe('dark');
    expect(host.shadowRoot).not.toBeNull();
    expect(mount.parentNode).toBe(host.shadowRoot);
    const styled = host.shadowRoot!.adoptedStyleSheets.length > 0 || host.shadowRoot!.querySelector('style') !== null;
    expect(styled).toBe(true);
  });

  it('reads the page scheme from its background', () => {
    expect(relativeLuminance('rgb(255, 255, 255)')).toBeCloseTo(1);
    expect(relativeLuminance('rgb(0, 0, 0)')).toBe(0);
    expect(relativeLuminance('rgba(0, 0, 0, 0)')).toBeNull();
    expect(relativeLuminance('transparent')).toBeNull();
    document.body.style.backgroundColor = 'rgb(18, 18, 18)';
    expect(pageScheme(document)).toBe('dark');
    document.body.style.backgroundColor = 'rgb(250, 250, 250)';
    expect(pageScheme(document)).toBe('light');
    document.body.style.backgroundColor = '';
  });
});
