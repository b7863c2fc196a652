/**
 * Hosts PaperLens reads at install time. Content scripts match exactly these; every other site
 * needs an optional permission granted by the user.
 *
 * `http://localhost/*` is not here on purpose: tests serve real pages under their real URLs by
 * routing the site's origin, so URL matching is exercised as in the wild.
 */
export const SUPPORTED_HOST_PATTERNS = [
  '*://arxiv.org/*',
  '*://*.arxiv.org/*',
  '*://huggingface.co/*',
  '*://openreview.net/*',
  '*://aclanthology.org/*',
  '*://scholar.google.com/*',
  '*://www.semanticscholar.org/*',
  '*://pubmed.ncbi.nlm.nih.gov/*',
  '*://www.biorxiv.org/*',
  '*://www.medrxiv.org/*',
  '*://proceedings.mlr.press/*',
  '*://papers.nips.cc/*',
  '*://proceedings.neurips.cc/*',
  '*://openaccess.thecvf.com/*',
  '*://dblp.org/*',
  '*://www.dblp.org/*',
  '*://dblp.uni-trier.de/*',
];
