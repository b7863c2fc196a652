/**
 * The core model of PaperLens, in one place.
 *
 * Data flows: a site adapter turns a page into `PaperEntry`s (lib/detect) → the background worker
 * classifies them into `Tag`s (lib/classify) and extracts `ResultClaim`s (lib/extract) → a `Paper` is
 * stored in IndexedDB (lib/store) → the popup and the in-page chips show it (lib/ui).
 *
 * Every paper has one canonical id, so that the same paper seen on arXiv, Hugging Face and OpenReview
 * becomes one record:
 *   arxiv:2405.04522      arXiv (new or old style, version dropped: arxiv:hep-th/9901001)
 *   doi:10.1000/xyz       DOI, lower-cased
 *   openreview:<forum>    OpenReview forum id
 *   acl:<anthology id>    ACL Anthology id (2022.in2writing-1.1, W19-4201)
 *   pubmed:<pmid>         PubMed id
 *   title:<normalised>    fallback when a page shows no identifier
 * Other ids a page exposes for the same paper (a DOI next to an arXiv id, a Scholar cluster id) are
 * kept as `aliases`, which the store uses to merge records.
 */

export type SiteId =
  | 'arxiv'
  | 'huggingface'
  | 'openreview'
  | 'acl'
  | 'scholar'
  | 'semanticscholar'
  | 'pubmed'
  | 'biorxiv'
  | 'pmlr'
  | 'neurips'
  | 'cvf'
  | 'dblp'
  | 'generic';

/** Every SiteId, for validating data that crosses a trust boundary (messages, backups, settings). */
export const SITE_IDS = ['arxiv', 'huggingface', 'openreview', 'acl', 'scholar', 'semanticscholar', 'pubmed', 'biorxiv', 'pmlr', 'neurips', 'cvf', 'dblp', 'generic'] as const satisfies readonly SiteId[];

export type AbstractKind = 'full' | 'snippet' | 'none';
export type EntryType = 'new' | 'cross-list' | 'replacement';

/** What detection yields for one paper on a page. Plain data, plus a DOM reference for the in-page UI. */
export interface PaperEntry {
  id: string;
  aliases: string[];
  title: string;
  authors: string[];
  abstract: string;
  abstractKind: AbstractKind;
  /** The paper's own page (abstract page, forum, article), absolute. */
  url: string;
  pdfUrl?: string;
  subjects: string[];
  venue?: string;
  year?: number;
  entryType?: EntryType;
  site: SiteId;
  /** Free text the page shows next to the entry (arXiv "Comments:", journal ref), used to find artifacts. */
  comments?: string;
  /** Links found in the entry, used to find code and project pages. */
  links?: string[];
  /** The element that holds the entry on the page; never sent across messaging. */
  element?: Element;
}

/** A PaperEntry as it crosses messaging: the DOM reference removed. */
export type EntryData = Omit<PaperEntry, 'element'>;

export type TagKind = 'category' | 'topic' | 'personal';
export type TagSource = 'page' | 'model' | 'user';

export interface Tag {
  /** `cs.LG` for a category, `topic:<slug>` for a topic, `user:<slug>` for a personal tag. */
  id: string;
  label: string;
  kind: TagKind;
  /** 0..1; 1 for tags stated by the page or the user. */
  score: number;
  source: TagSource;
  /** The phrases that made a model fire, for explanations. */
  evidence?: string[];
}

export type ClaimKind =
  | 'absolute'
  | 'relative-gain'
  | 'reduction'
  | 'speed-up'
  | 'count'
  | 'bound'
  | 'sota';

export type ClaimDirection = 'up' | 'down' | 'none';

/** One result a paper claims, quotable: `sentence` is the source and start..end the value's offsets in the abstract. */
export interface ResultClaim {
  /**
   * The number as written ("103%", "7.3", "2.5x"), its TeX made readable ("12\\%" → "12%"; `start`/`end`
   * locate it as written); empty for a state-of-the-art claim with no number.
   */
  value: string;
  number: number | null;
  unit: string;
  kind: ClaimKind;
  direction: ClaimDirection;
  metric: string;
  dataset: string;
  comparator: string;
  subject: string;
  sentence: string;
  start: number;
  end: number;
  confidence: number;
}

export type ArtifactKind = 'code' | 'dataset' | 'model' | 'project';
export interface Artifact {
  kind: ArtifactKind;
  url: string;
}

/** Where and when a paper was seen while browsing. */
export interface Sighting {
  site: SiteId;
  url: string;
  at: number;
}

/** What is stored: one record per canonical id. */
export interface Paper {
  id: string;
  aliases: string[];
  title: string;
  authors: string[];
  abstract: string;
  abstractKind: AbstractKind;
  url: string;
  pdfUrl?: string;
  subjects: string[];
  venue?: string;
  year?: number;
  sites: SiteId[];
  /** Model and page tags; personal tags the user set are in `userTags`. */
  tags: Tag[];
  results: ResultClaim[];
  artifacts: Artifact[];
  saved: boolean;
  savedAt?: number;
  firstSeenAt: number;
  lastSeenAt: number;
  /** Bounded list of the latest sightings. */
  seen: Sighting[];
  userTags: string[];
  note: string;
  read: boolean;
}

const ARXIV_NEW_STYLE = /^(\d{4}\.\d{4,5})(v\d+)?$/;
const ARXIV_OLD_STYLE = /^([a-z-]+(?:\.[A-Z]{2})?\/\d{7})(v\d+)?$/;

/** `arXiv:2405.04522v2` → `2405.04522`; `hep-th/9901001v1` → `hep-th/9901001`; anything else → null. */
export function normaliseArxivId(raw: string): string | null {
  const text = raw.trim().replace(/^arxiv:\s*/i, '');
  const m = ARXIV_NEW_STYLE.exec(text) ?? ARXIV_OLD_STYLE.exec(text);
  return m ? m[1]! : null;
}

/** Finds an arXiv id in a URL path such as /abs/2405.04522v1, /pdf/2405.04522.pdf, /papers/2405.04522. */
export function arxivIdFromUrl(url: string): string | null {
  const m = /\/(?:abs|pdf|html|papers|format)\/([a-z-]+(?:\.[A-Z]{2})?\/\d{7}|\d{4}\.\d{4,5})(v\d+)?/.exec(url);
  return m ? m[1]! : null;
}

export function normaliseDoi(raw: string): string | null {
  const m = /10\.\d{4,9}\/\S+/.exec(raw.trim());
  if (!m) return null;
  return m[0].replace(/[.,;)\]]+$/, '').toLowerCase();
}

const TITLE_MAX = 300;

/** Lower-case, accents and punctuation removed, whitespace folded: how two spellings of one title meet. */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\$[^$]{0,200}\$/g, (math) => math.replace(/[\\{}$]/g, ''))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .slice(0, TITLE_MAX);
}

export const canonicalId = {
  arxiv: (id: string) => `arxiv:${id}`,
  doi: (doi: string) => `doi:${doi.toLowerCase()}`,
  openreview: (forum: string) => `openreview:${forum}`,
  acl: (anthologyId: string) => `acl:${anthologyId}`,
  pubmed: (pmid: string) => `pubmed:${pmid}`,
  title: (title: string) => `title:${normaliseTitle(title)}`,
};

/** The page a canonical id points to, or '' for a title fallback. */
export function canonicalUrl(id: string): string {
  const colon = id.indexOf(':');
  const scheme = id.slice(0, colon);
  const rest = id.slice(colon + 1);
  switch (scheme) {
    case 'arxiv':
      return `https://arxiv.org/abs/${rest}`;
    case 'doi':
      return `https://doi.org/${rest}`;
    case 'openreview':
      return `https://openreview.net/forum?id=${encodeURIComponent(rest)}`;
    case 'acl':
      return `https://aclanthology.org/${rest}/`;
    case 'pubmed':
      return `https://pubmed.ncbi.nlm.nih.gov/${rest}/`;
    default:
      return '';
  }
}

/** Ids that may name the same paper as `entry`: its id, aliases and title fallback. */
export function identityKeys(entry: Pick<PaperEntry, 'id' | 'aliases' | 'title'>): string[] {
  const keys = new Set([entry.id, ...entry.aliases]);
  if (entry.title) keys.add(canonicalId.title(entry.title));
  return [...keys];
}
