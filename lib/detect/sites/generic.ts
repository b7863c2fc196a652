import { collectCoinsEntries, collectIdLinkEntries, collectJsonLdEntries, entryFromPageMeta } from '../meta';
import type { SiteAdapter } from '../types';

/**
 * Any other page, used only on hosts the user enabled (it asks for their permission when turned on):
 * never in the registry's automatic matching.
 *
 * A page that describes one paper in its meta (Highwire `citation_*`, Dublin Core, a lone JSON-LD
 * ScholarlyArticle) yields that paper and nothing else, since its DOI and arXiv links are mostly
 * references. Any other page is read as a list: JSON-LD articles, COinS spans, then arXiv and DOI
 * links with a readable title (a lab's publication page, a reading list).
 */
export const generic: SiteAdapter = {
  site: 'generic',
  matches: (url) => url.protocol === 'https:' || url.protocol === 'http:',
  detect(doc, url, each) {
    const single = entryFromPageMeta(doc, url, 'generic');
    if (single) {
      each.add(() => single);
      return;
    }
    collectJsonLdEntries(doc, url, 'generic', each);
    collectCoinsEntries(doc, url, 'generic', each);
    collectIdLinkEntries(doc, url, 'generic', each);
  },
};
