import type { Paper } from '../model';

/** A CSL-JSON item (the fields PaperLens fills); CSL is the common model citation-js converts from. */
export interface CslItem {
  id: string;
  type: 'article' | 'article-journal' | 'paper-conference';
  'citation-key': string;
  title: string;
  author: ({ family: string; given?: string } | { literal: string })[];
  issued?: { 'date-parts': [[number]] };
  'container-title'?: string;
  publisher?: string;
  number?: string;
  DOI?: string;
  URL?: string;
  abstract?: string;
  keyword?: string;
  note?: string;
}

/**
 * An http(s) URL in its parsed form, with the characters that mean something in BibTeX, Markdown
 * or a shell (braces, backslash, quotes, angle brackets, parentheses, whitespace) percent-encoded;
 * anything else (javascript:, data:, not a URL) → undefined, so exports never link it.
 */
export function safeHttpUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  return url.href.replace(/[{}\\"'`<>()|^\s]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** Family-name particles that belong with the surname ("van der Berg", "de la Cruz"). */
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'dos', 'du', 'la', 'le', 'ter', 'ten', 'bin', 'al']);
const CONFERENCE = /\b(?:conference|proceedings|workshop|symposium|neurips|nips|icml|iclr|acl|emnlp|naacl|eacl|coling|cvpr|iccv|eccv|aaai|ijcai|kdd|sigir|www|colm|aistats|uai|corl|interspeech|icassp)\b/i;

/** The paper's arXiv id (`2405.04522`, `hep-th/9901001`), from its id or an alias. */
export function arxivIdOf(paper: Pick<Paper, 'id' | 'aliases'>): string | undefined {
  const key = [paper.id, ...paper.aliases].find((k) => k.startsWith('arxiv:'));
  return key?.slice('arxiv:'.length);
}

/** The paper's DOI: its own when a page showed one, else arXiv's (every arXiv paper has 10.48550/arXiv.<id>). */
export function doiOf(paper: Pick<Paper, 'id' | 'aliases'>): string | undefined {
  const own = [paper.id, ...paper.aliases].find((k) => k.startsWith('doi:'));
  if (own) return own.slice('doi:'.length);
  const arxiv = arxivIdOf(paper);
  return arxiv && `10.48550/arXiv.${arxiv}`;
}

/** "Ada Lovelace" → {given: Ada, family: Lovelace}; "Lovelace, Ada" likewise; one word or a team → literal. */
export function parseName(raw: string): CslItem['author'][number] {
  const name = raw.replace(/\s+/g, ' ').trim();
  const comma = name.indexOf(',');
  if (comma > 0) return { family: name.slice(0, comma).trim(), given: name.slice(comma + 1).trim() };
  const words = name.split(' ');
  if (words.length < 2 || /\b(?:team|group|consortium|collaboration|lab|inc|ltd)\b/i.test(name)) return { literal: name };
  let start = words.length - 1;
  while (start > 1 && PARTICLES.has(words[start - 1]!.toLowerCase())) start--;
  return { given: words.slice(0, start).join(' '), family: words.slice(start).join(' ') };
}

/** Letters of `text` folded to plain ASCII: the only characters every BibTeX tool accepts in a key. */
function asciiWord(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '')
    .toLowerCase();
}

const STOP_WORDS = new Set(['a', 'an', 'the', 'on', 'of', 'for', 'to', 'in', 'and', 'with', 'towards', 'toward', 'is', 'are', 'do', 'does']);

/**
 * Citation keys in the style reference managers use (`lovelace2024scaling`), unique within one
 * export: a second `lovelace2024scaling` becomes `lovelace2024scalinga`, then `…b`.
 */
export function citationKeys(papers: readonly Paper[]): string[] {
  const used = new Map<string, number>();
  return papers.map((paper) => {
    const first = paper.authors[0] ? parseName(paper.authors[0]) : undefined;
    const surname = first ? asciiWord('family' in first ? first.family : first.literal) : '';
    const titleWord = firstWord(paper.title);
    const base = `${surname.slice(0, 30) || 'anon'}${paper.year ?? ''}${(titleWord ?? '').slice(0, 20)}`;
    const count = used.get(base) ?? 0;
    used.set(base, count + 1);
    return count === 0 ? base : `${base}${suffix(count - 1)}`;
  });
}

/** The title's first word that says something, as ASCII. */
function firstWord(title: string): string | undefined {
  for (const raw of title.split(/\s+/, 12)) {
    const word = asciiWord(raw);
    if (word.length > 1 && !STOP_WORDS.has(word)) return word;
  }
  return undefined;
}

/** 0 → a, 25 → z, 26 → aa … */
function suffix(n: number): string {
  return n < 26 ? String.fromCharCode(97 + n) : suffix(Math.floor(n / 26) - 1) + suffix(n % 26);
}

/** Keywords for a paper: the user's own tags, then its research topics (categories go elsewhere). */
export function keywordsOf(paper: Paper): string[] {
  const topics = paper.tags.filter((tag) => tag.kind === 'topic').map((tag) => tag.label);
  return [...new Set([...paper.userTags, ...topics].map((k) => k.replace(/[,;]/g, ' ').trim()).filter(Boolean))];
}

export function isPreprint(paper: Paper): boolean {
  return !paper.venue && !!arxivIdOf(paper);
}

/** The CSL item for one paper: preprint, conference paper or journal article, as its venue says. */
export function toCsl(paper: Paper, key: string): CslItem {
  const arxiv = arxivIdOf(paper);
  const venue = paper.venue?.trim();
  const type = !venue ? 'article' : CONFERENCE.test(venue) ? 'paper-conference' : 'article-journal';
  const keywords = keywordsOf(paper);
  const item: CslItem = {
    id: paper.id,
    type,
    'citation-key': key,
    title: paper.title,
    author: paper.authors.filter((a) => a.trim()).map(parseName),
  };
  if (paper.year) item.issued = { 'date-parts': [[paper.year]] };
  if (venue) item['container-title'] = venue;
  if (type === 'article' && arxiv) Object.assign(item, { publisher: 'arXiv', number: `arXiv:${arxiv}` });
  const doi = doiOf(paper);
  if (doi) item.DOI = doi;
  const url = safeHttpUrl(paper.url);
  if (url) item.URL = url;
  if (paper.abstractKind !== 'none' && paper.abstract) item.abstract = paper.abstract;
  if (keywords.length) item.keyword = keywords.join(',');
  if (paper.note) item.note = paper.note;
  return item;
}
