/**
 * Personal tags: the extension learns the user's own tags from the papers they tag, on the device.
 *
 * API (for the store and popup):
 *   const model = PersonalTagModel.from(json)    // json from IndexedDB store `models` (or undefined: empty model)
 *   model.addTag(paper, 'my-tag', otherTags)      // the user put `my-tag` on a paper: positive example;
 *                                                 // `otherTags` (the paper's other user tags) are left alone
 *   model.removeTag(paper, 'my-tag')              // the user took `my-tag` off a paper: negative example
 *   model.observe(paper, userTags)                // optional: a saved paper and all its user tags; every
 *                                                 // known tag it lacks gets a weak negative
 *   model.suggest(paper)                          // Tag[] kind "personal", source "model", score ≥ SUGGEST_THRESHOLD,
 *                                                 // evidence = the paper's words that weigh most for the tag
 *   model.autoApply(paper, threshold)             // tag names to apply without asking (user's threshold)
 *   model.explain('my-tag', 10)                   // the tag's top-weighted terms: why it fires
 *   model.tagNames(), model.forget('my-tag')
 *   const json = model.serialize()                // plain JSON, store it back in `models`
 * `paper` is anything with `title` and `abstract` (a Paper or an EntryData). Nothing here throws on
 * odd input: an unreadable JSON gives an empty model.
 *
 * Model: one logistic regression per tag over the hashed uni+bigrams of lib/classify/features.ts,
 * updated online. Each feedback moves the weights until that paper is on the right side with a margin
 * (a few bounded SGD steps), so a handful of examples already shape the tag. Positives for one tag are
 * weak negatives for the user's other tags (`observe`), which teaches each tag what it is not.
 */
import type { Tag } from '../model';
import { countFeatures, vectorise, type SparseVector } from './features';

export const PERSONAL_FORMAT = 'paperlens-personal/1';
/** Score from which a tag is suggested. */
export const SUGGEST_THRESHOLD = 0.5;
/** Default score from which a tag is applied automatically (the user can change it). */
export const DEFAULT_AUTO_APPLY_THRESHOLD = 0.85;

const PRIOR_BIAS = -2.5;
const LEARNING_RATE = 3;
const BIAS_RATE = 0.05;
const MAX_STEPS = 6;
/** Target probabilities an example is pushed to: above for positives, below for negatives. */
const POSITIVE_TARGET = 0.8;
const NEGATIVE_TARGET = 0.2;
const IMPLICIT_NEGATIVE_RATE = 0.3;
/** Weights kept per tag (largest first), so the JSON stays small. */
const MAX_FEATURES_PER_TAG = 4000;
const MAX_TAGS = 500;
const MAX_TAG_LENGTH = 100;
const EVIDENCE_TERMS = 5;

export interface PaperText {
  title: string;
  abstract: string;
}

interface TagModelJson {
  bias: number;
  positives: number;
  negatives: number;
  /** n-gram hash (decimal) → weight. */
  weights: Record<string, number>;
  /** n-gram hash (decimal) → the n-gram, for explanations. */
  terms: Record<string, string>;
}

export interface PersonalModelJson {
  format: typeof PERSONAL_FORMAT;
  tags: Record<string, TagModelJson>;
}

class TagModel {
  bias = PRIOR_BIAS;
  positives = 0;
  negatives = 0;
  readonly weights = new Map<number, number>();
  readonly terms = new Map<number, string>();

  logit(vector: SparseVector): number {
    let z = this.bias;
    for (let i = 0; i < vector.keys.length; i++) z += (this.weights.get(vector.keys[i]!) ?? 0) * vector.values[i]!;
    return z;
  }

  /** Bounded SGD steps on one example until it sits past the target probability. */
  learn(vector: SparseVector, terms: Map<number, string>, positive: boolean, rate: number): void {
    const label = positive ? 1 : 0;
    const steps = rate < LEARNING_RATE ? 1 : MAX_STEPS;
    for (let step = 0; step < steps; step++) {
      const p = sigmoid(this.logit(vector));
      if (positive ? p >= POSITIVE_TARGET : p <= NEGATIVE_TARGET) break;
      const g = label - p;
      for (let i = 0; i < vector.keys.length; i++) {
        const key = vector.keys[i]!;
        this.weights.set(key, (this.weights.get(key) ?? 0) + rate * g * vector.values[i]!);
        if (!this.terms.has(key)) this.terms.set(key, terms.get(key) ?? '');
      }
      this.bias += BIAS_RATE * rate * g;
    }
    this.prune();
  }

  private prune(): void {
    if (this.weights.size <= MAX_FEATURES_PER_TAG) return;
    const kept = [...this.weights].sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, MAX_FEATURES_PER_TAG);
    const keep = new Set(kept.map(([key]) => key));
    for (const key of [...this.weights.keys()]) {
      if (keep.has(key)) continue;
      this.weights.delete(key);
      this.terms.delete(key);
    }
  }

  toJson(): TagModelJson {
    const weights: Record<string, number> = {};
    const terms: Record<string, string> = {};
    for (const [key, weight] of this.weights) {
      const rounded = Math.round(weight * 1e4) / 1e4;
      if (rounded === 0) continue;
      weights[key] = rounded;
      terms[key] = this.terms.get(key) ?? '';
    }
    return { bias: Math.round(this.bias * 1e4) / 1e4, positives: this.positives, negatives: this.negatives, weights, terms };
  }

  static fromJson(json: unknown): TagModel | null {
    if (!isRecord(json) || !isRecord(json.weights) || typeof json.bias !== 'number' || !Number.isFinite(json.bias)) return null;
    const model = new TagModel();
    model.bias = json.bias;
    model.positives = typeof json.positives === 'number' ? json.positives : 0;
    model.negatives = typeof json.negatives === 'number' ? json.negatives : 0;
    const terms = isRecord(json.terms) ? json.terms : {};
    for (const [key, weight] of Object.entries(json.weights).slice(0, MAX_FEATURES_PER_TAG)) {
      const hash = Number(key);
      if (!Number.isInteger(hash) || typeof weight !== 'number' || !Number.isFinite(weight)) continue;
      model.weights.set(hash | 0, weight);
      const term = terms[key];
      model.terms.set(hash | 0, typeof term === 'string' ? term.slice(0, 200) : '');
    }
    return model;
  }
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function cleanTagName(tag: string): string {
  return tag.trim().slice(0, MAX_TAG_LENGTH);
}

function slug(tag: string): string {
  return tag
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
}

interface Features {
  vector: SparseVector;
  terms: Map<number, string>;
}

function featuresOf(paper: PaperText): Features {
  const { counts, terms } = countFeatures(paper.title ?? '', paper.abstract ?? '', true);
  return { vector: vectorise(counts), terms: terms! };
}

export class PersonalTagModel {
  private readonly tags = new Map<string, TagModel>();

  /** A model from its serialised JSON; anything unreadable gives an empty model, never an exception. */
  static from(json: unknown): PersonalTagModel {
    const model = new PersonalTagModel();
    if (!isRecord(json) || json.format !== PERSONAL_FORMAT || !isRecord(json.tags)) return model;
    for (const [name, tagJson] of Object.entries(json.tags).slice(0, MAX_TAGS)) {
      const tag = TagModel.fromJson(tagJson);
      if (tag && cleanTagName(name)) model.tags.set(cleanTagName(name), tag);
    }
    return model;
  }

  serialize(): PersonalModelJson {
    const tags: Record<string, TagModelJson> = {};
    for (const [name, tag] of this.tags) tags[name] = tag.toJson();
    return { format: PERSONAL_FORMAT, tags };
  }

  tagNames(): string[] {
    return [...this.tags.keys()].sort();
  }

  forget(tag: string): void {
    this.tags.delete(cleanTagName(tag));
  }

  private tagModel(tag: string): TagModel | null {
    const name = cleanTagName(tag);
    if (!name) return null;
    let model = this.tags.get(name);
    if (!model && this.tags.size < MAX_TAGS) this.tags.set(name, (model = new TagModel()));
    return model ?? null;
  }

  /** The user put `tag` on `paper`. */
  addTag(paper: PaperText, tag: string, otherTags: string[] = []): void {
    const model = this.tagModel(tag);
    if (!model) return;
    const { vector, terms } = featuresOf(paper);
    model.learn(vector, terms, true, LEARNING_RATE);
    model.positives++;
    this.weakNegatives(vector, terms, [tag, ...otherTags]);
  }

  /** The user took `tag` off `paper`: the model learns the tag does not fit it. */
  removeTag(paper: PaperText, tag: string): void {
    const model = this.tagModel(tag);
    if (!model) return;
    const { vector, terms } = featuresOf(paper);
    model.learn(vector, terms, false, LEARNING_RATE);
    model.negatives++;
  }

  /** A paper the user keeps, with all its user tags: each known tag it lacks learns a weak negative. */
  observe(paper: PaperText, userTags: string[]): void {
    const { vector, terms } = featuresOf(paper);
    this.weakNegatives(vector, terms, userTags);
  }

  private weakNegatives(vector: SparseVector, terms: Map<number, string>, present: string[]): void {
    const skip = new Set(present.map(cleanTagName));
    for (const [name, model] of this.tags) if (!skip.has(name)) model.learn(vector, terms, false, LEARNING_RATE * IMPLICIT_NEGATIVE_RATE);
  }

  /** Every known tag's score for the paper, best first. */
  scores(paper: PaperText): { tag: string; score: number; evidence: string[] }[] {
    if (!this.tags.size) return [];
    const { vector, terms } = featuresOf(paper);
    const out: { tag: string; score: number; evidence: string[] }[] = [];
    for (const [name, model] of this.tags) {
      if (!model.positives) continue;
      const contributions: [string, number][] = [];
      for (let i = 0; i < vector.keys.length; i++) {
        const weight = model.weights.get(vector.keys[i]!);
        if (weight && weight > 0) contributions.push([terms.get(vector.keys[i]!) ?? '', weight * vector.values[i]!]);
      }
      const evidence = contributions
        .sort((a, b) => b[1] - a[1])
        .slice(0, EVIDENCE_TERMS)
        .map(([term]) => term);
      out.push({ tag: name, score: sigmoid(model.logit(vector)), evidence });
    }
    return out.sort((a, b) => b.score - a.score || a.tag.localeCompare(b.tag));
  }

  /** Tags to suggest for the paper, as `Tag`s (kind "personal", source "model"). */
  suggest(paper: PaperText, threshold = SUGGEST_THRESHOLD): Tag[] {
    return this.scores(paper)
      .filter((s) => s.score >= threshold)
      .map((s) => ({ id: `user:${slug(s.tag)}`, label: s.tag, kind: 'personal', score: Math.round(s.score * 1000) / 1000, source: 'model', evidence: s.evidence }));
  }

  /** Names of the tags whose score reaches the user's auto-apply threshold. */
  autoApply(paper: PaperText, threshold = DEFAULT_AUTO_APPLY_THRESHOLD): string[] {
    return this.scores(paper)
      .filter((s) => s.score >= threshold)
      .map((s) => s.tag);
  }

  /** The tag's top-weighted terms, for "why was this suggested". */
  explain(tag: string, count = 10): { term: string; weight: number }[] {
    const model = this.tags.get(cleanTagName(tag));
    if (!model) return [];
    return [...model.weights]
      .filter(([key, weight]) => weight > 0 && model.terms.get(key))
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([key, weight]) => ({ term: model.terms.get(key)!, weight: Math.round(weight * 1000) / 1000 }));
  }
}
