import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseHtml } from '../../lib/cli/html';
import { detectPage, entryData } from '../../lib/detect';
import { GENERIC_ADAPTER } from '../../lib/detect/registry';
import { OWN_FIXTURES_DIR } from './shared';

export interface OwnFixture {
  name: string;
  html: string;
  /** `optIn`: a page on a host the user enabled, read by the generic adapter. */
  expected: { url: string; site: string; optIn?: boolean; entries: Record<string, unknown>[] };
}

/** The project's own page fixtures: `<name>.html` with `<name>.expected.json` beside it. */
export function ownPageFixtures(): OwnFixture[] {
  const dir = path.join(OWN_FIXTURES_DIR, 'pages');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .map((file) => {
      const name = file.replace(/\.html$/, '');
      return {
        name,
        html: readFileSync(path.join(dir, file), 'utf8'),
        expected: JSON.parse(readFileSync(path.join(dir, `${name}.expected.json`), 'utf8')),
      };
    });
}

/** Detected entries as plain data, with only the fields an expected file lists. */
export function detectFields(html: string, url: string, fields: string[], optIn = false) {
  const detection = detectPage(parseHtml(html, url), url, optIn ? GENERIC_ADAPTER : undefined);
  return {
    site: detection.site,
    entries: detection.entries.map((e) => {
      const data = entryData(e) as unknown as Record<string, unknown>;
      return Object.fromEntries(fields.filter((f) => data[f] !== undefined).map((f) => [f, data[f]]));
    }),
  };
}
