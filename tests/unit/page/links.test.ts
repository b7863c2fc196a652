import { describe, expect, it } from 'vitest';
import { paperFromLink } from '../../../lib/page/links';

describe('paperFromLink', () => {
  it.each([
    ['https://arxiv.org/abs/2405.04522v2', 'arxiv:2405.04522', 'https://arxiv.org/abs/2405.04522'],
    ['https://arxiv.org/pdf/2405.04522', 'arxiv:2405.04522', 'https://arxiv.org/abs/2405.04522'],
    ['http://export.arxiv.org/abs/hep-th/9901001v1', 'arxiv:hep-th/9901001', 'https://arxiv.org/abs/hep-th/9901001'],
    ['https://huggingface.co/papers/2405.04522', 'arxiv:2405.04522', 'https://arxiv.org/abs/2405.04522'],
    ['https://openreview.net/forum?id=rJXMpikCZ&noteId=abc', 'openreview:rJXMpikCZ', 'https://openreview.net/forum?id=rJXMpikCZ'],
    ['https://openreview.net/pdf?id=rJXMpikCZ', 'openreview:rJXMpikCZ', 'https://openreview.net/forum?id=rJXMpikCZ'],
    ['https://aclanthology.org/2022.in2writing-1.1/', 'acl:2022.in2writing-1.1', 'https://aclanthology.org/2022.in2writing-1.1/'],
    ['https://aclanthology.org/W19-4201.pdf', 'acl:W19-4201', 'https://aclanthology.org/W19-4201/'],
    ['https://doi.org/10.1145/3292500.3330701', 'doi:10.1145/3292500.3330701', 'https://doi.org/10.1145/3292500.3330701'],
    ['https://dx.doi.org/10.1000%2FXYZ.1', 'doi:10.1000/xyz.1', 'https://doi.org/10.1000/xyz.1'],
    ['https://pubmed.ncbi.nlm.nih.gov/31234567/', 'pubmed:31234567', 'https://pubmed.ncbi.nlm.nih.gov/31234567/'],
  ])('%s → %s', (href, id, url) => {
    expect(paperFromLink(href)).toEqual({ id, url });
  });

  it.each([
    'https://arxiv.org/list/cs.LG/new',
    'https://aclanthology.org/events/acl-2023/',
    'https://openreview.net/group?id=ICLR.cc',
    'https://doi.org/',
    'https://example.com/abs/2405.04522',
    'not a url',
    'https://pubmed.ncbi.nlm.nih.gov/?term=cancer',
  ])('no paper in %s', (href) => {
    expect(paperFromLink(href)).toBeNull();
  });
});
