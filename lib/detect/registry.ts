import { acl } from './sites/acl';
import { arxiv } from './sites/arxiv';
import { huggingface } from './sites/huggingface';
import { scholar } from './sites/scholar';
import type { SiteAdapter } from './types';

/** Every site adapter, most specific first. Adding a site: one file in sites/ and one line here. */
export const ADAPTERS: readonly SiteAdapter[] = [arxiv, acl, scholar, huggingface];
