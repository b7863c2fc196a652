import { describe, expect, it } from 'vitest';
import { classifyEntry } from '../../../lib/classify';
import { PERSONAL_FORMAT, PersonalTagModel } from '../../../lib/classify/personal';
import type { EntryData } from '../../../lib/model';

// Short papers written for this test: two interests (graph learning, galaxy surveys) and an outsider.
const GRAPHS = [
  { title: 'Message passing graph neural networks for molecule property prediction', abstract: 'Graph neural networks pass messages between atoms to predict molecular properties.' },
  { title: 'Oversmoothing in deep graph neural networks', abstract: 'Stacking many message passing layers makes node embeddings indistinguishable in graph neural networks.' },
  { title: 'Graph transformers versus message passing neural networks', abstract: 'We compare graph transformers with message passing graph neural networks on node classification.' },
];
const GALAXIES = [
  { title: 'Photometric redshifts for a wide galaxy survey', abstract: 'We estimate galaxy redshifts from broadband photometry in a wide field survey.' },
  { title: 'Weak lensing shear measurement in galaxy surveys', abstract: 'Galaxy shapes in the survey constrain weak gravitational lensing shear and cosmology.' },
];
const NEW_GRAPH_PAPER = { title: 'Expressive power of message passing graph neural networks', abstract: 'We bound what message passing graph neural networks can distinguish on node classification.' };
const NEW_GALAXY_PAPER = { title: 'Galaxy clustering in a deep photometric survey', abstract: 'We measure galaxy clustering and redshifts in a wide photometric survey.' };

function trained(): PersonalTagModel {
  const model = new PersonalTagModel();
  GRAPHS.forEach((paper, i) => {
    model.addTag(paper, 'graph learning');
    if (GALAXIES[i]) model.addTag(GALAXIES[i]!, 'surveys');
  });
  return model;
}

const scoreOf = (model: PersonalTagModel, paper: { title: string; abstract: string }, tag: string) => model.scores(paper).find((s) => s.tag === tag)?.score ?? 0;

describe('personal tags', () => {
  it('learns from a few tagged papers: scores move up for similar papers, not for others', () => {
    const empty = new PersonalTagModel();
    expect(empty.suggest(NEW_GRAPH_PAPER)).toEqual([]);
    const model = trained();
    expect(scoreOf(model, NEW_GRAPH_PAPER, 'graph learning')).toBeGreaterThan(0.5);
    expect(scoreOf(model, NEW_GRAPH_PAPER, 'graph learning')).toBeGreaterThan(scoreOf(model, NEW_GALAXY_PAPER, 'graph learning'));
    expect(scoreOf(model, NEW_GALAXY_PAPER, 'surveys')).toBeGreaterThan(scoreOf(model, NEW_GRAPH_PAPER, 'surveys'));
    expect(model.suggest(NEW_GRAPH_PAPER).map((t) => t.label)).toContain('graph learning');
  });

  it('learns from negative feedback: removing a tag lowers its score on that paper and similar ones', () => {
    const model = trained();
    const wrong = { title: 'Graph neural networks for galaxy survey classification', abstract: 'Message passing graph neural networks classify galaxy survey images.' };
    const before = scoreOf(model, wrong, 'graph learning');
    model.removeTag(wrong, 'graph learning');
    expect(scoreOf(model, wrong, 'graph learning')).toBeLessThan(before);
    expect(scoreOf(model, wrong, 'graph learning')).toBeLessThan(0.5);
  });

  it('suggests Tags with kind personal, source model and evidence, and auto-applies above a threshold', () => {
    const model = trained();
    const [tag] = model.suggest(NEW_GRAPH_PAPER);
    expect(tag).toMatchObject({ id: 'user:graph-learning', label: 'graph learning', kind: 'personal', source: 'model' });
    expect(tag!.evidence!.length).toBeGreaterThan(0);
    const score = scoreOf(model, NEW_GRAPH_PAPER, 'graph learning');
    expect(model.autoApply(NEW_GRAPH_PAPER, score)).toContain('graph learning');
    expect(model.autoApply(NEW_GRAPH_PAPER, score + 1e-9)).not.toContain('graph learning');
  });

  it('explains a tag by its top-weighted terms', () => {
    const terms = trained()
      .explain('graph learning', 8)
      .map((t) => t.term);
    expect(terms.some((t) => t.includes('graph'))).toBe(true);
    expect(terms.join(' ')).not.toMatch(/galaxy|survey/);
  });

  it('round-trips through plain JSON and reads garbage as an empty model', () => {
    const model = trained();
    const json = JSON.parse(JSON.stringify(model.serialize()));
    expect(json.format).toBe(PERSONAL_FORMAT);
    const restored = PersonalTagModel.from(json);
    expect(restored.tagNames()).toEqual(['graph learning', 'surveys']);
    expect(scoreOf(restored, NEW_GRAPH_PAPER, 'graph learning')).toBeCloseTo(scoreOf(model, NEW_GRAPH_PAPER, 'graph learning'), 3);
    const perTag = PersonalTagModel.fromTagRecords(model.tagNames().map((tag) => ({ tag, model: JSON.parse(JSON.stringify(model.serializeTag(tag))) })));
    expect(scoreOf(perTag, NEW_GALAXY_PAPER, 'surveys')).toBeCloseTo(scoreOf(model, NEW_GALAXY_PAPER, 'surveys'), 3);
    expect(model.serializeTag('unknown')).toBeNull();
    for (const garbage of [undefined, null, 42, 'x', { format: 'other' }, { format: PERSONAL_FORMAT, tags: { a: { bias: 'x' } } }]) {
      expect(PersonalTagModel.from(garbage).tagNames()).toEqual([]);
    }
  });

  it('adds its suggestions in classifyEntry when given the model', () => {
    const entry: EntryData = { id: 'x', aliases: [], title: NEW_GRAPH_PAPER.title, authors: [], abstract: NEW_GRAPH_PAPER.abstract, abstractKind: 'full', url: '', subjects: [], site: 'generic' };
    expect(classifyEntry(entry).some((t) => t.kind === 'personal')).toBe(false);
    expect(classifyEntry(entry, { personal: trained() }).some((t) => t.kind === 'personal' && t.label === 'graph learning')).toBe(true);
  });
});
