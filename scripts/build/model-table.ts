import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/** The category model's weights as the extension ships them, beside its scripts. */
export const TABLE_FILE = 'classify/categories.table.bin';

/** The model file's path as module ids spell it (forward slashes on every system). */
const MODEL_JSON = '/assets/classify/categories.json';

/**
 * Ships the category model's weight table as a binary file instead of a 2 MB base64 string inside the
 * worker's script. The worker evaluates its script at every start (after 30 s idle, on the next page or
 * popup), and that string alone made a start ~40 ms slower (206 → 164 ms median, measured with it
 * stripped). The worker fetches the file on first use (lib/classify: prepareClassifiers). The command
 * line and the tests, which are not built, read the table from the JSON as before.
 */
export function modelTableAsFile(): Plugin {
  // A module id of its own, not ending in .json, so the bundler's JSON plugin does not take the module
  // for the JSON file.
  const moduleId = '\0paperlens:categories-model';
  let modelFile = '';
  return {
    name: 'paperlens:model-table-as-file',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!source.endsWith('categories.json')) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      if (!resolved?.id.endsWith(MODEL_JSON)) return null;
      modelFile = resolved.id;
      return moduleId;
    },
    load(id) {
      if (id !== moduleId) return null;
      const { code, table } = splitModelFile(readFileSync(modelFile, 'utf8'));
      this.emitFile({ type: 'asset', fileName: TABLE_FILE, source: table });
      return code;
    },
  };
}

/** The model file as a module without its table (which it points to instead), and the table's bytes. */
export function splitModelFile(json: string): { code: string; table: Uint8Array<ArrayBuffer> } {
  const { table, ...rest } = JSON.parse(json) as { table: string };
  return {
    code: `export default ${JSON.stringify({ ...rest, tableUrl: `/${TABLE_FILE}` })};`,
    table: Uint8Array.from(Buffer.from(table, 'base64')),
  };
}
