import * as v from 'valibot';
import { SITE_IDS } from '../model';
import { SettingsPatchSchema } from '../store/settings';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

export const EntryDataSchema = v.object({
  id: text(400),
  aliases: v.pipe(v.array(text(400)), v.maxLength(20)),
  title: text(1000),
  authors: v.pipe(v.array(text(200)), v.maxLength(500)),
  abstract: text(20_000),
  abstractKind: v.picklist(['full', 'snippet', 'none']),
  url: text(2000),
  pdfUrl: v.optional(text(2000)),
  subjects: v.pipe(v.array(text(100)), v.maxLength(50)),
  venue: v.optional(text(2000)),
  year: v.optional(v.pipe(v.number(), v.integer())),
  entryType: v.optional(v.picklist(['new', 'cross-list', 'replacement'])),
  site: v.picklist(SITE_IDS),
  comments: v.optional(text(2000)),
  links: v.optional(v.pipe(v.array(text(2000)), v.maxLength(50))),
});

export const MessageSchemas = {
  pageEntries: v.object({
    url: text(2000),
    site: v.picklist(SITE_IDS),
    entries: v.pipe(v.array(EntryDataSchema), v.maxLength(5000)),
  }),
  listPapers: v.object({ view: v.picklist(['saved', 'seen']), limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))) }),
  setSaved: v.object({ id: text(400), saved: v.boolean() }),
  getPaper: v.object({ id: text(400) }),
  savePaper: v.object({ entry: EntryDataSchema, url: v.optional(text(2000)) }),
  updatePaper: v.object({
    id: text(400),
    patch: v.object({
      userTags: v.optional(v.pipe(v.array(text(200)), v.maxLength(200))),
      note: v.optional(text(100_000)),
      read: v.optional(v.boolean()),
      saved: v.optional(v.boolean()),
      savedAt: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
    }),
  }),
  removePaper: v.object({ id: text(400) }),
  restorePaper: v.object({ id: text(400) }),
  listTags: v.optional(v.object({}), {}),
  getSettings: v.optional(v.object({}), {}),
  setSettings: v.object({ patch: SettingsPatchSchema }),
  exportBackup: v.optional(v.object({}), {}),
  // Browsers cap one message at 64 MiB; a backup of tens of thousands of papers fits.
  importBackup: v.object({ text: text(64 * 1024 * 1024) }),
  clearData: v.object({ confirm: v.literal('delete everything') }),
  getSyncStatus: v.optional(v.object({}), {}),
  syncNow: v.optional(v.object({}), {}),
};

export type MessageData<K extends keyof typeof MessageSchemas> = v.InferOutput<(typeof MessageSchemas)[K]>;

/** Parses a message's data against its schema; throws a short error for invalid data. */
export function validate<K extends keyof typeof MessageSchemas>(type: K, data: unknown): MessageData<K> {
  const result = v.safeParse(MessageSchemas[type], data);
  if (!result.success) throw new Error(`invalid ${type} message: ${result.issues[0]?.message ?? 'bad data'}`);
  return result.output as MessageData<K>;
}
