import { browser } from 'wxt/browser';
import { SUPPORTED_HOST_PATTERNS } from '../detect/hosts';

/**
 * Detection on sites beyond the listed ones: the content script is registered at run time on exactly
 * the origins the user granted from the options page (optional host permissions), and unregistered
 * when a grant is withdrawn, here or in the browser's own settings.
 */
const SCRIPT_ID = 'paperlens-extra-sites';
/** Where WXT writes entrypoints/content.ts. */
const CONTENT_SCRIPT = 'content-scripts/content.js';

export function extraOrigins(granted: readonly string[]): string[] {
  return granted.filter((origin) => !SUPPORTED_HOST_PATTERNS.includes(origin));
}

export async function registerExtraSites(): Promise<void> {
  const { origins = [] } = await browser.permissions.getAll();
  const extra = extraOrigins(origins);
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (registered.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (!extra.length) return;
  await browser.scripting.registerContentScripts([
    { id: SCRIPT_ID, matches: extra, excludeMatches: SUPPORTED_HOST_PATTERNS, js: [CONTENT_SCRIPT], runAt: 'document_idle', persistAcrossSessions: true },
  ]);
}

/** Registers now and again whenever the user grants or withdraws a site. */
export function watchExtraSites(): void {
  const update = () => void registerExtraSites().catch((error: unknown) => console.warn('PaperLens: could not register on extra sites', error));
  update();
  browser.permissions.onAdded.addListener(update);
  browser.permissions.onRemoved.addListener(update);
}
