import { PersonalTagModel } from '../classify/personal';
import type { Paper } from '../model';
import type { PaperDb } from '../store/db';
import { deleteModel, listModels, putModel } from '../store/models';
import { userTagId } from '../store/tags';

/** What the models store holds per tag: the tag as the user spells it, and its weights. */
interface StoredTagModel {
  label: string;
  weights: unknown;
}

function isStoredTagModel(value: unknown): value is StoredTagModel {
  return typeof value === 'object' && value !== null && typeof (value as StoredTagModel).label === 'string';
}

/**
 * The user's personal-tag model in the background worker: loaded once from IndexedDB, taught by every
 * tag the user adds (a positive example) or removes (a negative one), and saved back one tag at a time.
 */
export class PersonalTags {
  private model: Promise<PersonalTagModel> | null = null;

  constructor(private readonly db: () => Promise<PaperDb>) {}

  current(): Promise<PersonalTagModel> {
    this.model ??= (async () => {
      const stored = await listModels(await this.db());
      return PersonalTagModel.fromTagRecords(stored.flatMap((s) => (isStoredTagModel(s.model) ? [{ tag: s.model.label, model: s.model.weights }] : [])));
    })();
    return this.model;
  }

  /** The user changed a paper's tags from `before` to `paper.userTags`. */
  async learn(paper: Paper, before: readonly string[]): Promise<void> {
    const after = paper.userTags;
    const key = (tag: string) => userTagId(tag);
    const added = after.filter((tag) => !before.some((b) => key(b) === key(tag)));
    const removed = before.filter((tag) => !after.some((a) => key(a) === key(tag)));
    if (!added.length && !removed.length) return;
    const model = await this.current();
    for (const tag of added) model.addTag(paper, tag, after.filter((t) => t !== tag));
    for (const tag of removed) model.removeTag(paper, tag);
    const db = await this.db();
    for (const tag of [...added, ...removed]) {
      const weights = model.serializeTag(tag);
      if (weights) await putModel(db, key(tag), { label: tag, weights } satisfies StoredTagModel);
      else await deleteModel(db, key(tag));
    }
  }
}
