/**
 * What a paper releases: code repositories, datasets, models and project pages, from the URLs in its
 * abstract and comments and the links the page shows next to it.
 */
import type { Artifact, ArtifactKind, EntryData } from '../model';

const MAX_ARTIFACTS = 20;
const MAX_URL = 300;
const MAX_TEXT = 20_000;
/** A link longer than this is no artifact's address. */
const MAX_LINK = 2_000;

/**
 * A URL in running text. One fixed-string alternation and one character class repeated once: linear.
 * Scheme-less mentions of the code hosts count too ("Code: github.com/x/y").
 */
const URL_IN_TEXT = /\b(?:https?:\/\/|www\.|github\.com\/|gitlab\.com\/|huggingface\.co\/)[^\s<>"'`{}|\\^[\]]+/gi;

/** Hosts whose links are the paper itself or its listing, never an artifact. */
const PAPER_HOSTS = /(^|\.)(arxiv\.org|doi\.org|openreview\.net|aclanthology\.org|semanticscholar\.org|scholar\.google\.[a-z.]+|dl\.acm\.org|ieeexplore\.ieee\.org|springer\.com|sciencedirect\.com|ncbi\.nlm\.nih\.gov|biorxiv\.org|medrxiv\.org|proceedings\.mlr\.press|papers\.nips\.cc|neurips\.cc|openaccess\.thecvf\.com|dblp\.org|creativecommons\.org|orcid\.org|twitter\.com|x\.com|youtube\.com|linkedin\.com|facebook\.com)$/;

const CODE_HOSTS = new Set(['github.com', 'gitlab.com', 'bitbucket.org', 'codeberg.org', 'sourceforge.net']);
const DATA_HOSTS = new Set(['zenodo.org', 'figshare.com', 'dataverse.harvard.edu', 'physionet.org', 'osf.io', 'data.mendeley.com']);

/** Sentence punctuation glued to the end of a URL in prose. */
function trimUrl(raw: string): string {
  let end = Math.min(raw.length, MAX_URL);
  while (end > 0 && '.,;:!?\'"*'.includes(raw[end - 1]!)) end--;
  let url = raw.slice(0, end);
  // A closing bracket belongs to the URL only if the URL opened one: "(see https://x.io/a)".
  while ((url.endsWith(')') && !url.includes('(')) || (url.endsWith(']') && !url.includes('['))) url = url.slice(0, -1).replace(/[.,;:]$/, '');
  return url;
}

function parse(raw: string): URL | null {
  try {
    const withScheme = /^https?:\/\//i.test(raw) ? raw : `https://${raw}`;
    const url = new URL(withScheme);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/** The artifact a URL points to, normalised to its canonical page, or null if it is none. */
export function classifyUrl(raw: string, fromProse: boolean): Artifact | null {
  const url = parse(trimUrl(raw));
  if (!url) return null;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const parts = url.pathname.split('/').filter(Boolean).slice(0, 4);
  const make = (kind: ArtifactKind, path: string[]) => ({ kind, url: `https://${host}/${path.join('/')}`.replace(/\.git$/, '').replace(/\/$/, '') });
  if (CODE_HOSTS.has(host)) {
    if (parts.length < 2 || ['orgs', 'topics', 'features', 'about', 'login', 'site'].includes(parts[0]!)) return null;
    return make('code', parts.slice(0, 2));
  }
  if (host === 'huggingface.co' || host === 'hf.co') {
    const [section, owner, name] = parts;
    if (section === 'datasets' && owner && name) return { kind: 'dataset', url: `https://huggingface.co/datasets/${owner}/${name}` };
    if (section === 'spaces' && owner && name) return { kind: 'project', url: `https://huggingface.co/spaces/${owner}/${name}` };
    if (section && owner && !['papers', 'docs', 'blog', 'collections', 'datasets', 'spaces', 'models', 'organizations'].includes(section)) {
      return { kind: 'model', url: `https://huggingface.co/${section}/${owner}` };
    }
    if (section === 'collections' && owner && name) return { kind: 'model', url: `https://huggingface.co/collections/${owner}/${name}` };
    return null;
  }
  if (DATA_HOSTS.has(host) || (host === 'kaggle.com' && parts[0] === 'datasets')) return { kind: 'dataset', url: url.href.replace(/\/$/, '') };
  if (host.endsWith('.github.io')) return { kind: 'project', url: `https://${host}${parts.length ? `/${parts[0]}` : ''}` };
  if (PAPER_HOSTS.test(host) || !fromProse) return null;
  // Any other address an author wrote into the abstract or comments is the paper's page or demo.
  return { kind: 'project', url: url.href.replace(/\/$/, '') };
}

/** Code, data, models and project pages the paper points to, without duplicates, code first. */
export function extractArtifacts(entry: Pick<EntryData, 'abstract' | 'comments' | 'links'>): Artifact[] {
  const found = new Map<string, Artifact>();
  const add = (artifact: Artifact | null) => {
    if (artifact && found.size < MAX_ARTIFACTS && !found.has(artifact.url.toLowerCase())) found.set(artifact.url.toLowerCase(), artifact);
  };
  for (const text of [entry.abstract, entry.comments ?? '']) {
    for (const m of text.slice(0, MAX_TEXT).matchAll(URL_IN_TEXT)) add(classifyUrl(m[0], true));
  }
  for (const link of (entry.links ?? []).slice(0, 200)) if (typeof link === 'string' && link.length <= MAX_LINK) add(classifyUrl(link, false));
  const order: Record<ArtifactKind, number> = { code: 0, model: 1, dataset: 2, project: 3 };
  return [...found.values()].sort((a, b) => order[a.kind] - order[b.kind]);
}
