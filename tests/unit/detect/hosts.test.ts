import { describe, expect, it } from 'vitest';
import { SUPPORTED_HOST_PATTERNS } from '../../../lib/detect/hosts';
import { ADAPTERS } from '../../../lib/detect/registry';

/** Whether a manifest match pattern (`*://host/*` or `*://*.host/*`) covers the URL. */
function covers(pattern: string, url: URL): boolean {
  const host = /^\*:\/\/([^/]+)\/\*$/.exec(pattern)?.[1];
  if (!host) return false;
  return host.startsWith('*.') ? url.hostname.endsWith(host.slice(1)) : url.hostname === host;
}

/** Hosts the site adapters claim, including each site's mirrors and alternate names (a path where the adapter wants one). */
const SITE_HOSTS = [
  'arxiv.org', 'export.arxiv.org', 'huggingface.co/papers', 'openreview.net', 'aclanthology.org', 'scholar.google.com',
  'www.semanticscholar.org', 'pubmed.ncbi.nlm.nih.gov', 'www.biorxiv.org', 'www.medrxiv.org', 'proceedings.mlr.press',
  'papers.nips.cc', 'proceedings.neurips.cc', 'openaccess.thecvf.com', 'dblp.org', 'www.dblp.org', 'dblp.uni-trier.de',
];

describe('host permissions', () => {
  it.each(SITE_HOSTS)('the content script is injected where an adapter reads %s', (site) => {
    const url = new URL(`https://${site.includes('/') ? site : `${site}/some/page`}`);
    expect(ADAPTERS.some((adapter) => adapter.matches(url)), `no adapter for ${site}`).toBe(true);
    expect(SUPPORTED_HOST_PATTERNS.some((pattern) => covers(pattern, url)), `no host pattern for ${site}`).toBe(true);
  });
});
