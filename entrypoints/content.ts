import { defineContentScript } from '#imports';
import { SUPPORTED_HOST_PATTERNS } from '../lib/detect/hosts';
import { startPageEnrichment } from '../lib/page/start';

export default defineContentScript({
  matches: SUPPORTED_HOST_PATTERNS,
  // As soon as the DOM is parsed: the first screen's chips come sooner than at document_idle, and the
  // page's own work after DOMContentLoaded is no slower (scripts/bench/page.ts measured both).
  runAt: 'document_end',
  main(ctx) {
    startPageEnrichment(ctx);
  },
});
