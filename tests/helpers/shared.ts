import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The read-only material beside the project (real pages, data). Tests that need it skip when it is absent. */
export const SHARED_DIR = path.resolve(import.meta.dirname, '../../../shared');
export const HAS_SHARED = existsSync(path.join(SHARED_DIR, 'fixtures/pages'));
if (!HAS_SHARED) console.warn(`[paperlens] ${SHARED_DIR} is absent: tests on real pages and data are skipped.`);

export function sharedPath(...parts: string[]): string {
  return path.join(SHARED_DIR, ...parts);
}

export function readShared(...parts: string[]): string {
  return readFileSync(sharedPath(...parts), 'utf8');
}

/** The real pages in ../shared and the URLs they were served at. */
export const REAL_PAGES = [
  { file: 'arxiv_recent_astro-ph.CO_2024-05-08_new-markup.html', url: 'https://arxiv.org/list/astro-ph.CO/recent', site: 'arxiv' },
  { file: 'arxiv_recent_astro-ph.CO_2024-05-07_legacy-markup.html', url: 'https://arxiv.org/list/astro-ph.CO/recent', site: 'arxiv' },
  { file: 'arxiv_new_cs_2018-07-20_legacy-markup_with-abstracts.extracted.html', url: 'https://arxiv.org/list/cs/new', site: 'arxiv' },
  { file: 'arxiv_abs_2106.09608_2021.html', url: 'https://arxiv.org/abs/2106.09608', site: 'arxiv' },
  { file: 'acl-anthology_people_andreas-madsack_2023-01.html', url: 'https://aclanthology.org/people/a/andreas-madsack/', site: 'acl' },
  {
    file: 'google-scholar_search_2020-11.html',
    url: 'https://scholar.google.com/scholar?hl=en&as_sdt=0%2C6&q=Geology+of+the+Olympus+Range+area%2Csouthern+Victoria+Land%2C+Antarctica.+Isaac+M.J.%2C+Chinn+T.J.%2C+Edbrooke+S.W.%2CForsyth+P.J.+1996',
    site: 'scholar',
  },
] as const;

/** The project's own fixtures, written by us from the sites' real markup. */
export const OWN_FIXTURES_DIR = path.resolve(import.meta.dirname, '../fixtures');
