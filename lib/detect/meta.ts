import { arxivIdFromUrl, canonicalId, normaliseArxivId, normaliseDoi, type PaperEntry, type SiteId } from '../model';
import { LIMITS, absoluteUrl, cleanText, parseYear } from './text';
import type { EntryCollector } from './types';

/**
 * Readers for the machine-readable descriptions pages carry about their papers: Highwire `citation_*`
 * meta, Dublin Core meta, JSON-LD `ScholarlyArticle`, COinS spans, and plain arXiv or DOI links. Site
 * adapters use them for single-paper pages; the generic adapter uses all of them on pages the user enabled.
 */

/** Meta tags read per page, and JSON-LD scripts and bytes per script: a hostile page can carry millions. */
const MAX_META_TAGS = 2000;
const MAX_JSON_LD_SCRIPTS = 20;
const MAX_JSON_LD_CHARS = 1_000_000;
const MAX_JSON_LD_NODES = 5000;

type MetaIndex = Map<string, string[]>;

/** Every `<meta name|property=… content=…>` on the page, names lower-cased, in page order. */
function metaIndex(doc: Document): MetaIndex {
  const index: MetaIndex = new Map();
  const metas = doc.querySelectorAll('meta[content]');
  for (let i = 0; i < metas.length && i < MAX_META_TAGS; i++) {
    const meta = metas[i]!;
    const name = (meta.getAttribute('name') ?? meta.getAttribute('property') ?? '').trim().toLowerCase();
    const content = meta.getAttribute('content');
    if (!name || !content) continue;
    const values = index.get(name);
    if (values) values.push(content);
    else index.set(name, [content]);
  }
  return index;
}

/** All values of `<meta name=…>` (or property=…), in page order; the name is matched case-insensitively. */
export function metaValues(doc: Document, name: string): string[] {
  return metaIndex(doc).get(name.toLowerCase()) ?? [];
}

function firstOf(index: MetaIndex, ...names: string[]): string {
  for (const name of names) {
    const value = index.get(name)?.[0];
    if (value) return value;
  }
  return '';
}

/** Text of a value that may hold markup (bioRxiv puts `<p>…</p>` in citation_abstract). The regex is linear. */
export function textFromMarkup(value: string | null | undefined, max: number = LIMITS.field): string {
  if (!value) return '';
  return cleanText(value.slice(0, LIMITS.rawText).replace(/<[^<>]*>/g, ' '), max);
}

/** Highwire lists authors as "Last, First"; everywhere else PaperLens shows "First Last". */
export function firstNameFirst(name: string): string {
  const [last, first, ...rest] = cleanText(name, LIMITS.authorName).split(/\s*,\s*/);
  return first && !rest.length ? `${first} ${last}` : cleanText(name, LIMITS.authorName);
}

/**
 * Canonical ids found in free-form identifiers ("doi:10.…", "https://doi.org/10.…", "arXiv:2405.04522",
 * "https://arxiv.org/abs/…", "info:pmid/123"). arXiv's own DOIs (10.48550/arXiv.<id>) become arXiv ids;
 * a URL names a DOI only on doi.org.
 */
export function idsFromIdentifiers(values: readonly string[]): string[] {
  const ids: string[] = [];
  for (const raw of values.slice(0, 50)) {
    const value = raw.slice(0, 500).trim();
    const host = /^https?:\/\/([^/?#]+)/i.exec(value)?.[1]?.toLowerCase() ?? '';
    const doi = host && !/(^|\.)doi\.org$/.test(host) ? null : normaliseDoi(value);
    const arxiv =
      normaliseArxivId(value.replace(/^info:arxiv\//i, '')) ??
      (/(^|\.)arxiv\.org$/.test(host) ? arxivIdFromUrl(value) : null) ??
      normaliseArxivId(/^10\.48550\/arxiv\.(.+)$/.exec(doi ?? '')?.[1] ?? '');
    const pmid = /^(?:info:pmid\/|pmid:\s*)(\d{1,9})$/i.exec(value)?.[1];
    if (arxiv) ids.push(canonicalId.arxiv(arxiv));
    else if (doi) ids.push(canonicalId.doi(doi));
    else if (pmid) ids.push(canonicalId.pubmed(pmid));
  }
  return [...new Set(ids)].sort(byIdPreference);
}

const ID_PREFERENCE = ['arxiv:', 'doi:', 'pubmed:'];
function byIdPreference(a: string, b: string): number {
  const rank = (id: string) => {
    const at = ID_PREFERENCE.findIndex((prefix) => id.startsWith(prefix));
    return at < 0 ? ID_PREFERENCE.length : at;
  };
  return rank(a) - rank(b);
}

interface Described {
  title: string;
  ids: string[];
  authors: string[];
  abstract: string;
  pdfUrl?: string;
  venue?: string;
  date?: string;
  url?: string;
}

/** A described paper as an entry: the first id canonical, the rest aliases, the title as a last resort. */
function describedEntry(d: Described, pageUrl: URL, site: SiteId): PaperEntry | null {
  const title = cleanText(d.title, LIMITS.title);
  if (!title) return null;
  const abstract = textFromMarkup(d.abstract, LIMITS.abstract);
  return {
    id: d.ids[0] ?? canonicalId.title(title),
    aliases: d.ids.slice(1),
    title,
    authors: d.authors.map((a) => cleanText(a, LIMITS.authorName)).filter(Boolean).slice(0, LIMITS.authors),
    abstract,
    abstractKind: abstract ? 'full' : 'none',
    url: absoluteUrl(d.url, pageUrl) || pageUrl.href,
    pdfUrl: absoluteUrl(d.pdfUrl, pageUrl) || undefined,
    subjects: [],
    venue: cleanText(d.venue) || undefined,
    year: parseYear(d.date),
    site,
  };
}

/** Highwire Press `citation_*` meta (arXiv /abs/, OpenReview forums, PubMed, bioRxiv, PMLR and most publishers). */
function citationDescription(index: MetaIndex): Described | null {
  const title = firstOf(index, 'citation_title');
  if (!title) return null;
  const authors = index.get('citation_author') ?? (index.get('citation_authors')?.[0] ?? '').split(/\s*;\s*/);
  return {
    title,
    ids: idsFromIdentifiers([
      ...(index.get('citation_arxiv_id') ?? []).map((id) => `arXiv:${id}`),
      ...(index.get('citation_doi') ?? []),
      ...(index.get('citation_pmid') ?? []).map((id) => `pmid:${id}`),
    ]),
    authors: authors.slice(0, LIMITS.authors).map(firstNameFirst),
    abstract: firstOf(index, 'citation_abstract', 'dc.description', 'dcterms.abstract', 'description'),
    pdfUrl: firstOf(index, 'citation_pdf_url'),
    venue: firstOf(index, 'citation_conference_title', 'citation_journal_title'),
    date: firstOf(index, 'citation_publication_date', 'citation_date', 'citation_online_date'),
    url: firstOf(index, 'citation_abstract_html_url'),
  };
}

/** Dublin Core meta (`DC.title`, `DC.creator`, `DC.identifier`, `DCTERMS.abstract`), used by repositories such as DSpace. */
function dublinCoreDescription(index: MetaIndex): Described | null {
  const title = firstOf(index, 'dc.title', 'dcterms.title');
  if (!title) return null;
  return {
    title,
    ids: idsFromIdentifiers([...(index.get('dc.identifier') ?? []), ...(index.get('dcterms.identifier') ?? [])]),
    authors: [...(index.get('dc.creator') ?? []), ...(index.get('dcterms.creator') ?? [])].slice(0, LIMITS.authors).map(firstNameFirst),
    abstract: firstOf(index, 'dcterms.abstract', 'dc.description', 'dcterms.description'),
    venue: firstOf(index, 'dc.source', 'dcterms.ispartof', 'dcterms.bibliographiccitation'),
    date: firstOf(index, 'dc.date', 'dcterms.issued', 'dcterms.date', 'dcterms.created'),
  };
}

/**
 * The paper a single-paper page describes in its meta: Highwire first, then Dublin Core, then a lone
 * JSON-LD ScholarlyArticle. A missing abstract is taken from whichever other description has one.
 */
export function entryFromPageMeta(doc: Document, pageUrl: URL, site: SiteId): PaperEntry | null {
  const index = metaIndex(doc);
  const articles = jsonLdArticles(doc);
  const descriptions = [citationDescription(index), dublinCoreDescription(index), articles.length === 1 ? articles[0]! : null];
  const found = descriptions.filter((d): d is Described => d !== null);
  const [main] = found;
  if (!main) return null;
  if (!main.abstract) main.abstract = found.find((d) => d.abstract)?.abstract ?? '';
  if (!main.ids.length) main.ids = found.find((d) => d.ids.length)?.ids ?? [];
  return describedEntry(main, pageUrl, site);
}

/** What a site's own markup shows on a single-paper page, read where meta is missing or short. */
export interface PageFacts {
  title?: string;
  authors?: string[];
  /** The abstract as the page body shows it: preferred to meta, which is often truncated. */
  abstract?: string;
  /** Canonical ids the page links to (a DOI, an arXiv id), used when the meta names none. */
  ids?: string[];
  /** Site-specific ids kept as aliases (`s2:…`, `pmlr:…`). */
  aliases?: string[];
  pdfUrl?: string;
  venue?: string;
  year?: number;
}

/** A site's single-paper page: its meta description, completed and corrected by what the body shows. */
export function singlePaperEntry(doc: Document, pageUrl: URL, site: SiteId, facts: PageFacts): PaperEntry | null {
  const fromMeta = entryFromPageMeta(doc, pageUrl, site);
  const title = fromMeta?.title || cleanText(facts.title, LIMITS.title);
  if (!title) return null;
  const metaIds = fromMeta && !fromMeta.id.startsWith('title:') ? [fromMeta.id, ...fromMeta.aliases] : [];
  const ids = [...new Set([...metaIds, ...(facts.ids ?? [])])].sort(byIdPreference);
  const abstract = cleanText(facts.abstract, LIMITS.abstract) || fromMeta?.abstract || '';
  return {
    id: ids[0] ?? canonicalId.title(title),
    aliases: [...ids.slice(1), ...(facts.aliases ?? [])],
    title,
    authors: fromMeta?.authors.length ? fromMeta.authors : (facts.authors ?? []),
    abstract,
    abstractKind: abstract ? 'full' : 'none',
    url: pageUrl.href,
    pdfUrl: fromMeta?.pdfUrl ?? facts.pdfUrl,
    subjects: [],
    venue: facts.venue ?? fromMeta?.venue,
    year: facts.year ?? fromMeta?.year,
    site,
  };
}

/** Kept for adapters that read only Highwire meta (arXiv /abs/): the page's citation_* description, or null. */
export function entryFromCitationMeta(doc: Document, pageUrl: URL, site: SiteId): PaperEntry | null {
  const description = citationDescription(metaIndex(doc));
  return description ? describedEntry(description, pageUrl, site) : null;
}

// ---------------------------------------------------------------------------------------------------
// JSON-LD

const SCHOLARLY_TYPES = new Set(['ScholarlyArticle', 'MedicalScholarlyArticle', 'Thesis', 'Report']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function asArray(value: Json | undefined): Json[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function jsonText(value: Json | undefined): string {
  for (const item of asArray(value)) {
    if (typeof item === 'string' || typeof item === 'number') return String(item);
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      const text = jsonText(item['name'] ?? item['@value'] ?? item['value']);
      if (text) return text;
    }
  }
  return '';
}

function personName(value: Json): string {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return '';
  const name = jsonText(value['name']);
  if (name) return name;
  return [jsonText(value['givenName']), jsonText(value['familyName'])].filter(Boolean).join(' ');
}

function isScholarly(node: { [key: string]: Json }): boolean {
  return asArray(node['@type']).some((t) => typeof t === 'string' && SCHOLARLY_TYPES.has(t));
}

function articleDescription(node: { [key: string]: Json }): Described {
  const identifiers = [...asArray(node['identifier']), ...asArray(node['sameAs']), ...asArray(node['@id']), ...asArray(node['url'])]
    .map((v) => (typeof v === 'string' ? v : jsonText(v)))
    .filter(Boolean);
  const pdf = asArray(node['encoding'])
    .concat(asArray(node['associatedMedia']))
    .map((m) => (m && typeof m === 'object' && !Array.isArray(m) ? jsonText(m['contentUrl']) : ''))
    .find((u) => /\.pdf(?:$|[?#])|\/pdf\//i.test(u));
  return {
    title: jsonText(node['headline']) || jsonText(node['name']),
    ids: idsFromIdentifiers(identifiers),
    authors: asArray(node['author']).slice(0, LIMITS.authors).map(personName).filter(Boolean),
    abstract: jsonText(node['abstract']) || jsonText(node['description']),
    pdfUrl: pdf,
    venue: jsonText(node['isPartOf']) || jsonText(node['publisher']),
    date: jsonText(node['datePublished']) || jsonText(node['dateCreated']),
    url: typeof node['url'] === 'string' ? node['url'] : undefined,
  };
}

/** Every ScholarlyArticle in the page's JSON-LD, found through @graph, lists and mainEntity, bounded in count. */
function jsonLdArticles(doc: Document): Described[] {
  const articles: Described[] = [];
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  let visited = 0;
  for (let i = 0; i < scripts.length && i < MAX_JSON_LD_SCRIPTS; i++) {
    const text = scripts[i]!.textContent ?? '';
    if (!text || text.length > MAX_JSON_LD_CHARS) continue;
    let root: Json;
    try {
      root = JSON.parse(text) as Json;
    } catch {
      continue;
    }
    // Breadth-first with an explicit queue: no recursion, so nesting depth cannot overflow the stack.
    const queue: Json[] = [root];
    while (queue.length && visited < MAX_JSON_LD_NODES && articles.length < LIMITS.entriesPerPage) {
      const node = queue.shift()!;
      visited++;
      if (Array.isArray(node)) queue.push(...node.slice(0, MAX_JSON_LD_NODES));
      else if (node && typeof node === 'object') {
        if (isScholarly(node)) articles.push(articleDescription(node));
        for (const key of ['@graph', 'itemListElement', 'item', 'mainEntity', 'hasPart']) {
          const child = node[key];
          if (child && typeof child === 'object') queue.push(child);
        }
      }
    }
  }
  return articles;
}

/** Each JSON-LD ScholarlyArticle on the page as an entry (listing pages that describe several papers). */
export function collectJsonLdEntries(doc: Document, pageUrl: URL, site: SiteId, each: EntryCollector): void {
  for (const article of jsonLdArticles(doc)) each.add(() => describedEntry(article, pageUrl, site));
}

// ---------------------------------------------------------------------------------------------------
// COinS: <span class="Z3988" title="ctx_ver=Z39.88-2004&rft.atitle=…&rft.au=…&rft_id=info:doi/…">

function coinsDescription(span: Element): Described | null {
  const params = new URLSearchParams((span.getAttribute('title') ?? '').slice(0, 20_000));
  const title = params.get('rft.atitle') || params.get('rft.title') || params.get('rft.btitle') || '';
  if (!title) return null;
  const authors = params.getAll('rft.au');
  const last = params.get('rft.aulast');
  if (!authors.length && last) authors.push([params.get('rft.aufirst'), last].filter(Boolean).join(' '));
  return {
    title,
    ids: idsFromIdentifiers(params.getAll('rft_id')),
    authors: authors.slice(0, LIMITS.authors).map(firstNameFirst),
    abstract: params.get('rft.description') ?? '',
    venue: params.get('rft.jtitle') || params.get('rft.btitle') || undefined,
    date: params.get('rft.date') ?? undefined,
  };
}

export function collectCoinsEntries(doc: Document, pageUrl: URL, site: SiteId, each: EntryCollector): void {
  for (const span of Array.from(doc.querySelectorAll('span.Z3988[title]')).slice(0, LIMITS.entriesPerPage + 1)) {
    each.add(() => {
      const described = coinsDescription(span);
      const entry = described && describedEntry(described, pageUrl, site);
      return entry && { ...entry, element: span.parentElement ?? span };
    });
  }
}

// ---------------------------------------------------------------------------------------------------
// Plain arXiv and DOI links

const ID_LINKS = 'a[href*="arxiv.org/abs/"], a[href*="arxiv.org/pdf/"], a[href*="doi.org/10."]';
/**
 * Link texts that name the target rather than the paper: "arXiv:2405.04522", "[pdf]", "DOI", a bare URL
 * or DOI. A label word only counts when it is the whole text ("Paper Plane: …" is a title).
 */
const NOT_A_TITLE = /^\[?(?:arxiv|doi|pdf|abs|abstract|link|paper|html|preprint|code|project)\]?(?:[:\s]\S*)?$|^https?:|^10\.\d/i;
const MIN_TITLE_CHARS = 12;

/** The block around a link that holds the rest of its reference (a list item, a paragraph, a table cell). */
function referenceBlock(link: Element): Element | null {
  return link.closest('li, p, dd, td, article, blockquote');
}

/**
 * A title for a paper known only by a link: the link text when it reads like a title, else the emphasised
 * or quoted part of the surrounding reference.
 */
function titleNearLink(link: Element): string {
  const own = cleanText(link.textContent, LIMITS.title);
  if (own.length >= MIN_TITLE_CHARS && !NOT_A_TITLE.test(own)) return own;
  const block = referenceBlock(link);
  if (!block) return '';
  for (const emphasised of Array.from(block.querySelectorAll('strong, b, em, i, cite, .title')).slice(0, 5)) {
    const text = cleanText(emphasised.textContent, LIMITS.title);
    if (text.length >= MIN_TITLE_CHARS && !NOT_A_TITLE.test(text)) return text.replace(/[.,]$/, '');
  }
  const quoted = /[“"]([^“”"]{12,300})[”"]/.exec(cleanText(block.textContent, 2000));
  return quoted ? quoted[1]!.replace(/[.,]$/, '') : '';
}

function linkEntry(link: Element, pageUrl: URL, site: SiteId): PaperEntry | null {
  const href = absoluteUrl(link.getAttribute('href'), pageUrl);
  const arxiv = /arxiv\.org$/i.test(safeHost(href)) ? arxivIdFromUrl(href) : null;
  const doi = arxiv ? null : normaliseDoi(decodeURIComponentSafe(href.replace(/^.*?doi\.org\//i, '')));
  if (!arxiv && !doi) return null;
  const title = titleNearLink(link);
  if (!title) return null;
  return {
    id: arxiv ? canonicalId.arxiv(arxiv) : canonicalId.doi(doi!),
    aliases: [],
    title,
    authors: [],
    abstract: '',
    abstractKind: 'none',
    url: arxiv ? `https://arxiv.org/abs/${arxiv}` : href,
    pdfUrl: arxiv ? `https://arxiv.org/pdf/${arxiv}` : undefined,
    subjects: [],
    site,
    element: referenceBlock(link) ?? link,
  };
}

function safeHost(href: string): string {
  try {
    return new URL(href).hostname;
  } catch {
    return '';
  }
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Every arXiv or DOI link on the page whose title can be read next to it. Links without one (a DOI in a
 * footer, "[pdf]") are not papers the page lists, so they are passed over rather than counted as malformed.
 */
export function collectIdLinkEntries(doc: Document, pageUrl: URL, site: SiteId, each: EntryCollector): void {
  for (const link of Array.from(doc.querySelectorAll(ID_LINKS)).slice(0, LIMITS.entriesPerPage + 1)) {
    let entry: PaperEntry | null = null;
    try {
      entry = linkEntry(link, pageUrl, site);
    } catch {
      // A link that cannot be read is simply not a listed paper.
    }
    if (entry) each.add(() => entry);
  }
}
