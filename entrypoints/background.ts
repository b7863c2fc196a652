import { defineBackground } from '#imports';
import { watchExtraSites } from '../lib/background/extraSites';
import { createHandlers, handleMessage } from '../lib/background/handlers';
import { messaging, type ProtocolMap } from '../lib/messaging';
import { registerPageFeatures } from '../lib/page/background';
import { openPaperDb, type PaperDb } from '../lib/store/db';
import { startSync } from '../lib/sync/browser';

export default defineBackground(() => {
  let db: Promise<PaperDb> | undefined;
  const getDb = () => (db ??= openPaperDb());
  const handlers = createHandlers(getDb, startSync(getDb));
  for (const type of Object.keys(handlers) as (keyof ProtocolMap)[]) {
    messaging.onMessage(type, ({ data }) => handleMessage(handlers, type, data));
  }
  registerPageFeatures(handlers);
  watchExtraSites();
  // The worker starts again after every idle stop: `npm run bench` times its start up to here.
  performance.mark('paperlens:worker-ready');
});
