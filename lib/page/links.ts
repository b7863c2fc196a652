import { arxivIdFromUrl, canonicalId, normaliseDoi } from '../model';

/**
 * Which links point at a paper PaperLens can save: the context menu is offered only on these
 * (`targetUrlPatterns`), and `paperFromLink` turns such a link into the paper's canonical id.
 */
export const PAPER_LINK_PATTERNS = [
  '*://arxiv.org/abs/*',
  '*://arxiv.org/pdf/*',
  '*://arxiv.org/html/*',
  '*://*.arxiv.org/abs/*',
  '*://*.arxiv.org/pdf/*',
  '*://huggingface.co/papers/*',
  '*://openreview.net/forum*',
  '*://openreview.net/pdf*',
  '*://aclanthology.org/*',
  '*://doi.org/*',
  '*://dx.doi.org/*',
  '*://pubmed.ncbi.nlm.nih.gov/*',
];

export interface PaperLink {
  /** Canonical id (lib/model.ts). */
  id: string;
  /** The paper's own page, for a record made from the link alone. */
  url: string;
}

const ACL_ID = /^\/([A-Z]\d{2}-\d{4}|\d{4}\.[a-z0-9-]{1,40}\.\d{1,4})(?:\.pdf)?\/?$/;
const OPENREVIEW_FORUM = /^[A-Za-z0-9_-]{5,40}$/;

/** The paper a link points at, or null when the link names no paper PaperLens can identify. */
export function paperFromLink(href: string): PaperLink | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const host = url.hostname.replace(/^www\./, '');
  if (host === 'arxiv.org' || host.endsWith('.arxiv.org') || host === 'huggingface.co') {
    const arxivId = arxivIdFromUrl(url.pathname);
    return arxivId ? { id: canonicalId.arxiv(arxivId), url: `https://arxiv.org/abs/${arxivId}` } : null;
  }
  if (host === 'openreview.net') {
    const forum = url.searchParams.get('id') ?? '';
    return OPENREVIEW_FORUM.test(forum) ? { id: canonicalId.openreview(forum), url: `https://openreview.net/forum?id=${forum}` } : null;
  }
  if (host === 'aclanthology.org') {
    const aclId = ACL_ID.exec(url.pathname)?.[1];
    return aclId ? { id: canonicalId.acl(aclId), url: `https://aclanthology.org/${aclId}/` } : null;
  }
  if (host === 'doi.org' || host === 'dx.doi.org') {
    const doi = normaliseDoi(decodeURIComponentSafe(url.pathname.slice(1)));
    return doi ? { id: canonicalId.doi(doi), url: `https://doi.org/${doi}` } : null;
  }
  if (host === 'pubmed.ncbi.nlm.nih.gov') {
    const pmid = /^\/(\d{1,9})\/?$/.exec(url.pathname)?.[1];
    return pmid ? { id: canonicalId.pubmed(pmid), url: `https://pubmed.ncbi.nlm.nih.gov/${pmid}/` } : null;
  }
  return null;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
