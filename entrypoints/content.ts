import { defineContentScript } from '#imports';
import { SUPPORTED_HOST_PATTERNS } from '../lib/detect/hosts';
import { startPageWatch } from '../lib/detect/watch';
import { messaging } from '../lib/messaging';

export default defineContentScript({
  matches: SUPPORTED_HOST_PATTERNS,
  runAt: 'document_idle',
  main(ctx) {
    startPageWatch(ctx, document, (batch) => messaging.sendMessage('pageEntries', batch));
  },
});
