// The category model as the built extension ships it: the JSON without its table, the table a file
// beside the worker's script (scripts/build/model-table.ts), read by prepareClassifiers.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CategoryModel, type CategoryModelFile } from '../../../lib/classify/categories';
import { loadClassifiers, modelCategoryTags, prepareClassifiers } from '../../../lib/classify';
import { TABLE_FILE, splitModelFile } from '../../../scripts/build/model-table';

const MODEL_PATH = path.resolve(import.meta.dirname, '../../../assets/classify/categories.json');

vi.mock('../../../assets/classify/categories.json', async () => {
  const { readFileSync: read } = await import('node:fs');
  const { splitModelFile: split } = await import('../../../scripts/build/model-table');
  const { code } = split(read(path.resolve(import.meta.dirname, '../../../assets/classify/categories.json'), 'utf8'));
  return { default: JSON.parse(code.replace(/^export default /, '').replace(/;$/, '')) };
});

const json = readFileSync(MODEL_PATH, 'utf8');
const paper = {
  title: 'Sparse attention for long-context language models',
  abstract: 'We propose a sparse attention mechanism that lets transformer language models read documents of a million tokens, and improves perplexity on long-document benchmarks.',
};

describe('the category model shipped as a module and a table file', () => {
  it('splits the JSON into a module that points to the table and the table bytes', () => {
    const { code, table } = splitModelFile(json);
    expect(code).not.toContain('"table"');
    expect(code).toContain(`"tableUrl":"/${TABLE_FILE}"`);
    expect(Buffer.from(table).toString('base64')).toBe((JSON.parse(json) as { table: string }).table);
  });

  it('cannot be used before its table is read, then classifies as the JSON with its table does', async () => {
    expect(() => loadClassifiers()).toThrow(/has not been read/);
    const fetchFile = vi.fn(async () => new Response(splitModelFile(json).table));
    await Promise.all([prepareClassifiers(fetchFile), prepareClassifiers(fetchFile)]);
    await prepareClassifiers(fetchFile);
    expect(fetchFile).toHaveBeenCalledTimes(1);
    expect(fetchFile).toHaveBeenCalledWith(`/${TABLE_FILE}`);
    const whole = new CategoryModel(JSON.parse(json) as CategoryModelFile);
    expect(modelCategoryTags(paper).length).toBeGreaterThan(0);
    expect(loadClassifiers().categories.predict(paper.title, paper.abstract)).toEqual(whole.predict(paper.title, paper.abstract));
  });
});
