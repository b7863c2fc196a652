import { defineContentScript } from '#imports';
import { SUPPORTED_HOST_PATTERNS } from '../lib/detect/hosts';
import { startPageEnrichment } from '../lib/page/start';

export default defineContentScript({
  matches: SUPPORTED_HOST_PATTERNS,
  runAt: 'document_idle',
  main(ctx) {
    startPageEnrichment(ctx);
  },
});
