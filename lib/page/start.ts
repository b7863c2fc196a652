import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startPageWatch, whenLoaded } from '../detect/watch';
import { messaging } from '../messaging';
import css from '../ui/chips/chips.css?inline';
import { PageEnricher, type Scheduling } from './enricher';
import { pageScheme, styleSource, type Scheme } from './host';
import { pageMessaging } from './protocol';

/** Entries within a screen of the viewport get their rows, so scrolling finds them ready. */
const NEAR_VIEW_MARGIN = '100% 0px';
/** An idle callback runs at the latest after this long, so a never-idle page still gets its rows. */
const IDLE_TIMEOUT_MS = 1000;

/**
 * Starts the in-page UI in a content script: detection (startPageWatch) feeds the enricher, messages
 * from the background (keyboard command, context menu) reach it, and everything is undone when the
 * extension is reloaded or removed (ctx.onInvalidated).
 */
export function startPageEnrichment(ctx: ContentScriptContext): void {
  const doc = document;
  // Read once, when the first row is made: the content script starts before the page has a body.
  let scheme: Scheme | undefined;
  const enricher = new PageEnricher({
    doc,
    scheduling: browserScheduling(ctx),
    styles: styleSource(doc, css),
    scheme: () => (scheme ??= pageScheme(doc)),
    services: {
      describe: (batch) => messaging.sendMessage('pageEntries', batch),
      setSaved: async (id, saved) => (await messaging.sendMessage('setSaved', { id, saved }))?.saved ?? null,
      reportCounts: (counts) => void pageMessaging.sendMessage('pageCounts', counts).catch(() => undefined),
    },
  });
  startPageWatch(ctx, doc, (origin, entries) => enricher.add(origin, entries));
  ctx.addEventListener(window, 'wxt:locationchange', () => enricher.locationChanged());
  ctx.addEventListener(doc, 'pointerover', (event) => enricher.pointerMoved(event.target), { capture: true, passive: true });
  const stopListening = [
    pageMessaging.onMessage('saveFocused', () => enricher.toggleFocused()),
    pageMessaging.onMessage('entryForLink', ({ data }) => enricher.entryFor(data.id)),
    pageMessaging.onMessage('savedChanged', ({ data }) => enricher.savedChanged(data.id, data.saved)),
  ];
  ctx.onInvalidated(() => {
    for (const stop of stopListening) stop();
    enricher.destroy();
  });
}

function browserScheduling(ctx: ContentScriptContext): Scheduling {
  let loaded = false;
  whenLoaded(ctx, document, () => (loaded = true));
  return {
    visibility(onVisible) {
      return new IntersectionObserver(
        (records) => onVisible(records.filter((record) => record.isIntersecting).map((record) => record.target)),
        { rootMargin: NEAR_VIEW_MARGIN },
      );
    },
    idle(work) {
      if (typeof requestIdleCallback === 'function') ctx.requestIdleCallback(work, { timeout: IDLE_TIMEOUT_MS });
      else ctx.setTimeout(() => work({ timeRemaining: () => 8, didTimeout: false }), 16);
    },
    later: (work, ms) => void ctx.setTimeout(work, ms),
    loading: () => !loaded,
    whenLoaded: (work) => whenLoaded(ctx, document, work),
  };
}
