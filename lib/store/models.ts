import { writeTransaction, type PaperDb, type StoredModel } from './db';

/**
 * Personal-tag models (lib/classify/personal.ts), stored as plain JSON under the tag id they predict.
 * The store does not look inside: the model's own code validates what it reads back.
 */
export function getModel(db: PaperDb, tagId: string): Promise<StoredModel | undefined> {
  return db.get('models', tagId);
}

export function listModels(db: PaperDb): Promise<StoredModel[]> {
  return db.getAll('models');
}

export async function putModel(db: PaperDb, tagId: string, model: unknown, now = Date.now()): Promise<void> {
  await db.put('models', { id: tagId, updatedAt: now, model });
}

export async function deleteModel(db: PaperDb, tagId: string): Promise<void> {
  await db.delete('models', tagId);
}

/** Keeps the newer of each model: for importing a backup without losing what either side learned last. */
export async function mergeModels(db: PaperDb, models: StoredModel[]): Promise<number> {
  return writeTransaction(db, ['models'], async (tx) => {
    const store = tx.objectStore('models');
    let written = 0;
    for (const model of models) {
      const existing = await store.get(model.id);
      if (existing && existing.updatedAt >= model.updatedAt) continue;
      await store.put(model);
      written++;
    }
    return written;
  });
}
