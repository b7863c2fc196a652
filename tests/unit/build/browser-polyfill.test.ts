import path from 'node:path';
import { build, type Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { browserPolyfillWithoutCopy } from '../../../scripts/build/browser-polyfill';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** Bundles a script that imports `browser` as the extension's scripts do (wxt/browser resolves to this entry). */
async function bundle(plugins: Plugin[]): Promise<string> {
  const entry = '\0entry';
  const output = await build({
    root: ROOT,
    logLevel: 'silent',
    configFile: false,
    plugins: [
      ...plugins,
      {
        name: 'entry',
        resolveId: (id) => (id === entry ? id : null),
        load: (id) => (id === entry ? "import { browser } from '@wxt-dev/webextension-polyfill/browser';\nbrowser.runtime.sendMessage('hi');\n" : null),
      },
    ],
    build: { write: false, minify: false, rollupOptions: { input: entry, output: { format: 'iife' } } },
  });
  const [result] = Array.isArray(output) ? output : [output];
  return (result as { output: { type: string; code?: string }[] }).output.map((chunk) => chunk.code ?? '').join('\n');
}

describe('webextension-polyfill without an ES-module copy', () => {
  it('hands the polyfill exports over as they are; without the plugin the bundler copies every property', async () => {
    const [withPlugin, without] = await Promise.all([bundle([browserPolyfillWithoutCopy()]), bundle([])]);
    expect(without).toMatch(/getOwnPropertyNames/);
    expect(withPlugin).not.toMatch(/getOwnPropertyNames|getOwnPropertyDescriptor/);
    expect(withPlugin).toMatch(/globalThis\.browser/);
  }, 30_000);
});
