import { acl } from './sites/acl';
import { arxiv } from './sites/arxiv';
import { biorxiv } from './sites/biorxiv';
import { cvf } from './sites/cvf';
import { dblp } from './sites/dblp';
import { generic } from './sites/generic';
import { huggingface } from './sites/huggingface';
import { neurips } from './sites/neurips';
import { openreview } from './sites/openreview';
import { pmlr } from './sites/pmlr';
import { pubmed } from './sites/pubmed';
import { scholar } from './sites/scholar';
import { semanticscholar } from './sites/semanticscholar';
import type { SiteAdapter } from './types';

/** Every site adapter, most specific first. Adding a site: one file in sites/ and one line here. */
export const ADAPTERS: readonly SiteAdapter[] = [
  arxiv,
  acl,
  scholar,
  huggingface,
  openreview,
  semanticscholar,
  pubmed,
  biorxiv,
  pmlr,
  neurips,
  cvf,
  dblp,
];

/**
 * The adapter of last resort, for any other page: used only on hosts the user enabled (and granted
 * permission for), after every site adapter, never by `adapterFor`'s automatic matching.
 */
export const GENERIC_ADAPTER: SiteAdapter = generic;
