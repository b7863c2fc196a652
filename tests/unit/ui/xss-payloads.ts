/**
 * Markup a hostile page may put into any text field. Each one, if rendered as markup, would run
 * `window.__plXss = n` or load an element the tests can see. Written for these tests.
 */
export const XSS_PAYLOADS = [
  '<img src=x onerror="window.__plXss=1">',
  '<script>window.__plXss=2</script>',
  '<svg onload="window.__plXss=3"></svg>',
  '"><iframe src="javascript:window.__plXss=4"></iframe>',
  "'><a href=\"javascript:window.__plXss=5\">click</a>",
  '<style>body{display:none}</style>',
  '{{constructor.constructor("window.__plXss=6")()}}',
  '<details open ontoggle="window.__plXss=7">',
  '&lt;b&gt;entity-encoded&lt;/b&gt; &amp; <b>bold</b>',
] as const;

export const HOSTILE_URLS = ['javascript:window.__plXss=8', 'data:text/html,<script>window.__plXss=9</script>', 'vbscript:msgbox(1)'] as const;

/** Elements or attributes that would mean a payload became markup. */
export function injectedMarkup(root: ParentNode): string[] {
  const found: string[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (['SCRIPT', 'IMG', 'IFRAME', 'STYLE', 'DETAILS', 'B'].includes(el.tagName)) found.push(el.tagName);
    if (el.tagName.toLowerCase() === 'svg' && !el.classList.contains('chart')) found.push('svg');
    for (const attr of Array.from(el.attributes)) {
      if (attr.name.startsWith('on')) found.push(`${el.tagName}[${attr.name}]`);
      if ((attr.name === 'href' || attr.name === 'src') && !/^(https?:|blob:|#)/.test(attr.value)) found.push(`${el.tagName}[${attr.name}=${attr.value}]`);
    }
  }
  return found;
}
