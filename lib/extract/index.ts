/**
 * Results extraction: structured, quotable claims from an abstract, the key result for the in-page
 * chip, and the artifacts (code, data, models, project pages) a paper points to.
 */
export { extractResults, keyResult } from './claims';
export { extractArtifacts } from './artifacts';
