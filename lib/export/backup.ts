import * as v from 'valibot';
import { SITE_IDS, type Paper } from '../model';
import type { PaperDb, StoredModel, UserTag } from '../store/db';
import { mergeModels } from '../store/models';
import { mergeIn, withoutKeys } from '../store/papers';
import { getSettings, type Settings } from '../store/settings';
import { writeTransaction } from '../store/db';
import { normaliseUserTags, userTagId } from '../store/tags';
import { exportFilename, FORMAT_INFO, type ExportFile } from './formats';

/**
 * The full JSON backup: every paper (saved and history) with everything the user set, their tags,
 * personal-tag models and settings. Importing merges into what is there (see mergePapers): nothing
 * is duplicated and nothing on either side is lost. A file is validated whole before anything is
 * written, and a bad one is refused with a message that says what and where. Settings travel in
 * the backup for reference, but importing keeps this device's settings.
 */
export const BACKUP_FORMAT = 'paperlens-backup';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  papers: Paper[];
  tags: UserTag[];
  models: StoredModel[];
  settings: Settings;
}

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const time = v.pipe(v.number(), v.integer(), v.minValue(0));
const list = <T extends v.GenericSchema>(item: T, max: number) => v.pipe(v.array(item), v.maxLength(max));

const TagSchema = v.object({
  id: text(200),
  label: text(300),
  kind: v.picklist(['category', 'topic', 'personal']),
  score: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  source: v.picklist(['page', 'model', 'user']),
  evidence: v.optional(list(text(300), 50)),
});

const ClaimSchema = v.object({
  value: text(100),
  number: v.nullable(v.number()),
  unit: text(100),
  kind: v.picklist(['absolute', 'relative-gain', 'reduction', 'speed-up', 'count', 'bound', 'sota']),
  direction: v.picklist(['up', 'down', 'none']),
  metric: text(300),
  dataset: text(300),
  comparator: text(300),
  subject: text(300),
  sentence: text(5000),
  start: v.number(),
  end: v.number(),
  confidence: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
});

export const PaperSchema = v.object({
  id: v.pipe(text(400), v.minLength(1)),
  aliases: list(text(400), 50),
  title: text(1000),
  authors: list(text(300), 1000),
  abstract: text(50_000),
  abstractKind: v.picklist(['full', 'snippet', 'none']),
  url: text(2000),
  pdfUrl: v.optional(text(2000)),
  subjects: list(text(100), 100),
  venue: v.optional(text(2000)),
  year: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1000), v.maxValue(3000))),
  sites: list(v.picklist(SITE_IDS), SITE_IDS.length),
  tags: list(TagSchema, 500),
  results: list(ClaimSchema, 200),
  artifacts: list(v.object({ kind: v.picklist(['code', 'dataset', 'model', 'project']), url: text(2000) }), 100),
  saved: v.boolean(),
  savedAt: v.optional(time),
  firstSeenAt: time,
  lastSeenAt: time,
  seen: list(v.object({ site: v.picklist(SITE_IDS), url: text(2000), at: time }), 100),
  userTags: list(text(100), 100),
  note: text(20_000),
  read: v.boolean(),
});

const BackupSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(BACKUP_VERSION)),
  exportedAt: v.optional(v.string()),
  papers: list(PaperSchema, 500_000),
  tags: v.optional(list(v.object({ id: text(200), label: text(100), createdAt: time }), 100_000), []),
  models: v.optional(list(v.object({ id: text(200), updatedAt: time, model: v.unknown() }), 10_000), []),
});

export interface ImportReport {
  added: number;
  merged: number;
  unchanged: number;
  tags: number;
  models: number;
}

/** Reads a backup file's text; throws an Error whose message a person can act on. */
export function parseBackup(text: string): v.InferOutput<typeof BackupSchema> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('This file is not a PaperLens backup: it is not JSON.');
  }
  const head = v.safeParse(v.object({ format: v.literal(BACKUP_FORMAT), version: v.number() }), data);
  if (!head.success) throw new Error('This file is not a PaperLens backup (choose a file made by "Full backup").');
  if (head.output.version > BACKUP_VERSION) throw new Error(`This backup was made by a newer PaperLens (format ${head.output.version}); update PaperLens to import it.`);
  const result = v.safeParse(BackupSchema, data);
  if (!result.success) {
    const issue = result.issues[0]!;
    const path = v.getDotPath(issue) ?? '';
    const paperIndex = /^papers\.(\d+)/.exec(path)?.[1];
    const where = paperIndex !== undefined ? `paper ${Number(paperIndex) + 1}${describePaper((data as { papers: unknown[] }).papers[Number(paperIndex)])}, field ${path.replace(/^papers\.\d+\.?/, '') || '(the paper itself)'}` : path || 'the file';
    throw new Error(`This backup is damaged and was not imported: ${where}: ${issue.message}`);
  }
  return result.output;
}

function describePaper(paper: unknown): string {
  const title = (paper as { title?: unknown } | null)?.title;
  return typeof title === 'string' && title ? ` ("${title.slice(0, 80)}")` : '';
}

/** Imports a backup into the library, merging; validates everything before writing anything. */
export async function importBackup(db: PaperDb, text: string): Promise<ImportReport> {
  const backup = parseBackup(text);
  const counts = await mergeIn(db, backup.papers);
  // The backup's tag list, plus any tag a paper carries that the list lacks (a hand-edited file).
  const now = Date.now();
  const paperTags = backup.papers.flatMap((paper) => normaliseUserTags(paper.userTags)).map((label) => ({ id: userTagId(label), label, createdAt: now }));
  const tags = await writeTransaction(db, ['tags'], async (tx) => {
    let added = 0;
    for (const tag of [...backup.tags, ...paperTags]) {
      if (await tx.objectStore('tags').get(tag.id)) continue;
      await tx.objectStore('tags').put(tag);
      added++;
    }
    return added;
  });
  const models = await mergeModels(db, backup.models as StoredModel[]);
  return { ...counts, tags, models };
}

/** Everything in the library as one backup file. */
export async function backupFile(db: PaperDb, now = Date.now()): Promise<ExportFile> {
  const tx = db.transaction(['papers', 'tags', 'models']);
  const [papers, tags, models] = await Promise.all([tx.objectStore('papers').getAll(), tx.objectStore('tags').getAll(), tx.objectStore('models').getAll()]);
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    papers: papers.map(withoutKeys),
    tags,
    models,
    settings: await getSettings(db),
  };
  return { filename: exportFilename('backup', now), mime: FORMAT_INFO.backup.mime, text: JSON.stringify(backup), count: papers.length };
}
