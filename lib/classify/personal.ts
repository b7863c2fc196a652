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
 *   Per-tag records instead (lib/store/models.ts keeps one per tag id):
 *   model.serializeTag('my-tag') → JSON | null;  PersonalTagModel.fromTagRecords([{ tag, model }, ...])
 * `paper` is anything with `title` and `abstract` (a Paper or an EntryData). Nothing here throws on
 * odd input: an unreadable JSON gives an empty model.
 *
 * Model: one linear model per tag over the hashed uni+bigrams of lib/classify/features.ts, updated
 * online: a tagged paper's vector is added to the tag's weights, a removed tag's paper is subtracted
 * (Rocchio-style, error-driven: repeated while the paper is still on the wrong side of the threshold).
 * The score is the cosine between paper and weights through a fixed sigmoid, which needs no negative
 * examples to start: suggestions begin from the first tagged paper (how good they are after 2, 5, 10
 * and 20 examples is measured by `npm run eval`; still modest). Papers tagged with one tag
 * are weak negatives for the user's other tags (also via `observe`), which teaches each tag what it is not.
 */
import type { Tag } from '../model';
import { countFeatures, vectorise, type SparseVector } from './features';

export const PERSONAL_FORMAT = 'paperlens-personal/1';
/** Score from which a tag is suggested. */
export const SUGGEST_THRESHOLD = 0.5;
/** Default score from which a tag is applied automatically (the user can change it). */
export const DEFAULT_AUTO_APPLY_THRESHOLD = 0.85;

/** A tag fires when the paper's cosine with the tag's weight vector passes this (tuned on the calibration split). */
const SIMILARITY_THRESHOLD = 0.08;
/** How sharply the score rises around the threshold. */
const SCORE_SLOPE = 30;
/** Margin by which feedback pushes a paper past the threshold. */
const FEEDBACK_MARGIN = 0.05;
const MAX_STEPS = 6;
/** Step sizes: an implicit negative (a paper tagged with another tag) moves the weights less. */
const NEGATIVE_STEP = 0.5;
const IMPLICIT_NEGATIVE_STEP = 0.25;
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
  positives = 0;
  negatives = 0;
  readonly weights = new Map<number, number>();
  readonly terms = new Map<number, string>();
  private norm = 0;

  /** Cosine between the paper's (unit) vector and the tag's weight vector. */
  similarity(vector: SparseVector): number {
    if (!this.norm) return 0;
    let dot = 0;
    for (let i = 0; i < vector.keys.length; i++) dot += (this.weights.get(vector.keys[i]!) ?? 0) * vector.values[i]!;
    return dot / this.norm;
  }

  score(vector: SparseVector): number {
    return sigmoid(SCORE_SLOPE * (this.similarity(vector) - SIMILARITY_THRESHOLD));
  }

  /**
   * Adds the paper's vector (positive) or subtracts it (negative), repeating while the paper is still
   * on the wrong side of the threshold, at most MAX_STEPS times. A positive always adds once: every
   * tagged paper shapes the tag. A negative only moves weights when the tag would fire wrongly.
   */
  learn(vector: SparseVector, terms: Map<number, string>, positive: boolean, step: number): void {
    const target = positive ? SIMILARITY_THRESHOLD + FEEDBACK_MARGIN : SIMILARITY_THRESHOLD - FEEDBACK_MARGIN;
    for (let i = 0; i < MAX_STEPS; i++) {
      const similarity = this.similarity(vector);
      const wrongSide = positive ? similarity < target : similarity > target;
      if (!wrongSide && !(positive && i === 0)) break;
      for (let k = 0; k < vector.keys.length; k++) {
        const key = vector.keys[k]!;
        this.weights.set(key, (this.weights.get(key) ?? 0) + (positive ? step : -step) * vector.values[k]!);
        if (!this.terms.has(key)) this.terms.set(key, terms.get(key) ?? '');
      }
      this.prune();
      this.updateNorm();
    }
  }

  private updateNorm(): void {
    let sum = 0;
    for (const weight of this.weights.values()) sum += weight * weight;
    this.norm = Math.sqrt(sum);
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
    return { positives: this.positives, negatives: this.negatives, weights, terms };
  }

  static fromJson(json: unknown): TagModel | null {
    if (!isRecord(json) || !isRecord(json.weights)) return null;
    const model = new TagModel();
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
    model.updateNorm();
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

/** The paper's vector, with the n-gram text of each hash for explanations. */
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

  /** A model from per-tag records, for a store that keeps one record per tag (lib/store/models.ts). */
  static fromTagRecords(records: { tag: string; model: unknown }[]): PersonalTagModel {
    return PersonalTagModel.from({ format: PERSONAL_FORMAT, tags: Object.fromEntries(records.map((r) => [r.tag, r.model])) });
  }

  /** One tag's part of `serialize()`, or null for an unknown tag. */
  serializeTag(tag: string): TagModelJson | null {
    return this.tags.get(cleanTagName(tag))?.toJson() ?? null;
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
    model.learn(vector, terms, true, 1);
    model.positives++;
    this.weakNegatives(vector, terms, [tag, ...otherTags]);
  }

  /** The user took `tag` off `paper`: the model learns the tag does not fit it. */
  removeTag(paper: PaperText, tag: string): void {
    const model = this.tagModel(tag);
    if (!model) return;
    const { vector, terms } = featuresOf(paper);
    model.learn(vector, terms, false, NEGATIVE_STEP);
    model.negatives++;
  }

  /** A paper the user keeps, with all its user tags: each known tag it lacks learns a weak negative. */
  observe(paper: PaperText, userTags: string[]): void {
    const { vector, terms } = featuresOf(paper);
    this.weakNegatives(vector, terms, userTags);
  }

  private weakNegatives(vector: SparseVector, terms: Map<number, string>, present: string[]): void {
    const skip = new Set(present.map(cleanTagName));
    for (const [name, model] of this.tags) if (!skip.has(name)) model.learn(vector, terms, false, IMPLICIT_NEGATIVE_STEP);
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
      out.push({ tag: name, score: model.score(vector), evidence });
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
