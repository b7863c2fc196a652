import { describe, expect, it } from 'vitest';
import { extractArtifacts } from '../../../lib/extract';

const entry = (abstract: string, comments = '', links: string[] = []) => ({ abstract, comments, links });

describe('extractArtifacts', () => {
  it('finds a code repository in the abstract, without the sentence punctuation or the path inside it', () => {
    expect(extractArtifacts(entry('Code is available at https://github.com/acme/fast-attn/tree/main/src.'))).toEqual([{ kind: 'code', url: 'https://github.com/acme/fast-attn' }]);
    expect(extractArtifacts(entry('Our code: github.com/acme/tool (MIT licence).'))).toEqual([{ kind: 'code', url: 'https://github.com/acme/tool' }]);
  });

  it('tells Hugging Face models, datasets and demos apart', () => {
    const found = extractArtifacts(
      entry('We release the model at https://huggingface.co/acme/Reasoner-7B and the data at https://huggingface.co/datasets/acme/puzzles, with a demo at https://huggingface.co/spaces/acme/demo.'),
    );
    expect(found).toEqual([
      { kind: 'model', url: 'https://huggingface.co/acme/Reasoner-7B' },
      { kind: 'dataset', url: 'https://huggingface.co/datasets/acme/puzzles' },
      { kind: 'project', url: 'https://huggingface.co/spaces/acme/demo' },
    ]);
  });

  it('reads the comments and the links, keeps project pages and data hosts, drops the paper itself', () => {
    const found = extractArtifacts(
      entry('An abstract with no link.', '12 pages. Project page: https://acme.github.io/fastnet/ ; data at https://zenodo.org/records/123', [
        'https://arxiv.org/abs/2405.04522',
        'https://arxiv.org/pdf/2405.04522',
        'https://gitlab.com/acme/fastnet.git',
        'https://example.org/unrelated-navigation',
      ]),
    );
    expect(found).toEqual([
      { kind: 'code', url: 'https://gitlab.com/acme/fastnet' },
      { kind: 'dataset', url: 'https://zenodo.org/records/123' },
      { kind: 'project', url: 'https://acme.github.io/fastnet' },
    ]);
  });

  it('lists each artifact once, ignores non-web schemes and bare host pages', () => {
    const found = extractArtifacts(entry('See https://github.com/acme/x and https://github.com/acme/x/issues.', 'javascript:alert(1) https://github.com/acme', ['https://GitHub.com/acme/x']));
    expect(found).toEqual([{ kind: 'code', url: 'https://github.com/acme/x' }]);
    expect(extractArtifacts({ abstract: '' })).toEqual([]);
  });
});
