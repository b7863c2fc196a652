import { defineContentScript } from '#imports';
import { SUPPORTED_HOST_PATTERNS } from '../lib/detect/hosts';
import { startPageEnrichment } from '../lib/page/start';

export default defineContentScript({
  matches: SUPPORTED_HOST_PATTERNS,
  // Before the page is parsed: on listings read while loading (lib/detect/watch.ts) the first screen's
  // rows come with the page instead of after it (scripts/bench/page.ts measures both).
  runAt: 'document_start',
  main(ctx) {
    startPageEnrichment(ctx);
  },
});
