import type { Plugin } from 'vite';

/** What `wxt/browser` resolves to with the @wxt-dev/webextension-polyfill module. */
const WXT_POLYFILL_ENTRY = '@wxt-dev/webextension-polyfill/browser';
const POLYFILL_MODULE_ID = '\0paperlens:browser-polyfill';

/**
 * `browser` is webextension-polyfill's export itself, not an ES-module copy of it. The polyfill is a
 * CommonJS module, and the bundler imports one by copying every property of its exports onto a new
 * object, reading each property's descriptor. Where the browser has its own `browser` (Firefox, recent
 * Chrome) the polyfill exports that object, and reading its descriptors builds every extension API it
 * holds, in the worker and in every content script, each time it starts, for APIs it mostly never calls.
 * `require` hands over the exports as they are; nothing else changes. In Chromium the worker's script ran
 * ~4 ms (a sixth) shorter per start; with fflate loaded lazily too (lib/sync/shards.ts), a start to the end
 * of the script went from 38 to 33 ms (median of 20 alternated starts each, `npm run bench -- worker`).
 */
export function browserPolyfillWithoutCopy(): Plugin {
  return {
    name: 'paperlens:browser-polyfill-without-copy',
    apply: 'build',
    enforce: 'pre',
    resolveId: (source) => (source === WXT_POLYFILL_ENTRY ? POLYFILL_MODULE_ID : null),
    load: (id) => (id === POLYFILL_MODULE_ID ? "export const browser = require('webextension-polyfill');\n" : null),
  };
}
