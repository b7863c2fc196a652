import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe("the worker's code", () => {
  it('leaves the citation library to the pages that export: every start of the worker would evaluate it', async () => {
    const result = await build({
      entryPoints: [path.resolve(import.meta.dirname, '../../../lib/background/handlers.ts')],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'browser',
      format: 'esm',
      logLevel: 'silent',
      loader: { '.json': 'json' },
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((file) => file.includes('lib/classify/'))).toBe(true);
    expect(inputs.filter((file) => /citation-js|citeproc/.test(file))).toEqual([]);
  });
});
