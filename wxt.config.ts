import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { SUPPORTED_HOST_PATTERNS } from './lib/detect/hosts';
import { browserPolyfillWithoutCopy } from './scripts/build/browser-polyfill';
import { modelTableAsFile } from './scripts/build/model-table';
import { renderBlockingModuleScripts } from './scripts/build/render-blocking';

// The listed research sites are the only hosts asked for at install; any other site is an
// optional permission the user grants from the options page.
export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [browserPolyfillWithoutCopy(), preact(), renderBlockingModuleScripts(), modelTableAsFile()] }),
  manifest: ({ browser, manifestVersion }) => ({
    name: 'PaperLens',
    description: 'See at a glance which papers on a listing page matter to you, and what they achieved.',
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'contextMenus', 'scripting'],
    host_permissions: SUPPORTED_HOST_PATTERNS,
    commands: {
      'save-focused-paper': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Save or unsave the paper in focus on the page',
      },
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Open PaperLens',
      },
    },
    optional_host_permissions: browser === 'firefox' ? undefined : ['*://*/*'],
    optional_permissions: browser === 'firefox' ? ['*://*/*'] : undefined,
    browser_specific_settings: {
      gecko: {
        id: 'paperlens@paperlens.dev',
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  }),
});
