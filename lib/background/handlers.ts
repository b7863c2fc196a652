import type { MessageData, PaperStatus, ProtocolMap } from '../messaging';
import { PersonalTags } from './personalTags';
import { validate } from './schemas';
import type { EntryData, Paper, Tag } from '../model';
import { keyResult } from '../extract';
import { prepareClassifiers } from '../classify';
import { enrichEntry } from '../pipeline';
import type { PaperDb } from '../store/db';
import type { SyncStatusView } from '../sync/service';
import { backupFile, importBackup, type ImportReport } from '../export/backup';
import type { ExportFile } from '../export/formats';
import { clearLibrary, getPaper, listPapers, recordSightings, removePaper, restorePaper, setSaved, updatePaper } from '../store/papers';
import { getSettings, isSiteOn, setSettings, type Settings } from '../store/settings';
import { listTags, userTagId, type TagSummary } from '../store/tags';

/** What the handlers tell sync (lib/sync/service.ts) about the user's changes. */
export interface SyncHooks {
  localChanged(papers: Paper[], removedIds?: string[]): Promise<void>;
  status(): Promise<SyncStatusView>;
  flush(): Promise<SyncStatusView>;
  scheduleFlush(): void;
}

/** Without sync (tests of other features, the CLI): changes stay local and the status says so. */
const LOCAL_ONLY: SyncHooks = {
  localChanged: async () => undefined,
  status: async () => ({ availability: 'unavailable' }),
  flush: async () => ({ availability: 'unavailable' }),
  scheduleFlush: () => undefined,
};

/**
 * The background worker's message handlers: pure async functions of (validated data, database),
 * tested directly. entrypoints/background.ts only wires them to messaging. Every change the user makes to
 * the saved list is handed to sync as it happens.
 */
export function createHandlers(getDb: () => Promise<PaperDb>, sync: SyncHooks = LOCAL_ONLY) {
  const personal = new PersonalTags(getDb);
  // Every entry the worker classifies goes through here: the category weights are read on first use.
  const enrich = async (entries: readonly EntryData[]) => {
    const [model] = await Promise.all([personal.current(), prepareClassifiers()]);
    return entries.map((entry) => enrichEntry(entry, { personal: model }));
  };
  const synced = async (paper: Paper | undefined): Promise<Paper | null> => {
    if (paper) await sync.localChanged([paper]);
    return paper ?? null;
  };
  return {
    async pageEntries(data: MessageData<'pageEntries'>): Promise<{ papers: PaperStatus[] }> {
      const db = await getDb();
      const settings = await getSettings(db);
      // A site the user turned off in the options is neither read nor remembered.
      if (!isSiteOn(settings, data.site)) return { papers: [] };
      const enriched = await enrich(data.entries);
      const stored = await recordSightings(db, enriched, { site: data.site, url: data.url });
      // Personal tags the model is sure of (the user's threshold) are applied, not just suggested. The
      // suggestions enrichEntry made carry the scores, so nothing is scored twice.
      const papers = await Promise.all(
        stored.map(async (paper, i) => {
          const sure = enriched[i]!.tags
            .filter((tag) => tag.kind === 'personal' && tag.source === 'model' && tag.score >= settings.personalTagThreshold && !paper.userTags.includes(tag.label))
            .map((tag) => tag.label);
          return sure.length ? ((await updatePaper(db, paper.id, { userTags: [...paper.userTags, ...sure] })) ?? paper) : paper;
        }),
      );
      return { papers: papers.map((paper, i) => statusOf(paper, enriched[i]!.id)) };
    },
    async listPapers(data: MessageData<'listPapers'>): Promise<Paper[]> {
      return listPapers(await getDb(), data.view, data.limit);
    },
    async setSaved(data: MessageData<'setSaved'>): Promise<Paper | null> {
      return synced(await setSaved(await getDb(), data.id, data.saved));
    },
    async getPaper(data: MessageData<'getPaper'>): Promise<Paper | null> {
      return (await getPaper(await getDb(), data.id)) ?? null;
    },
    async savePaper(data: MessageData<'savePaper'>): Promise<Paper> {
      const where = { site: data.entry.site, url: data.url ?? data.entry.url };
      const [paper] = await recordSightings(await getDb(), await enrich([data.entry]), where, Date.now(), { save: true });
      await sync.localChanged([paper!]);
      return paper!;
    },
    async updatePaper(data: MessageData<'updatePaper'>): Promise<Paper | null> {
      const db = await getDb();
      const before = data.patch.userTags ? (await getPaper(db, data.id))?.userTags : undefined;
      const updated = await updatePaper(db, data.id, data.patch);
      // The user's own tagging teaches the personal-tag model; removing a tag is negative feedback.
      if (updated && before) await personal.learn(updated, before);
      return synced(updated);
    },
    async removePaper(data: MessageData<'removePaper'>): Promise<Paper | null> {
      const removed = await removePaper(await getDb(), data.id);
      if (removed) await sync.localChanged([], [removed.id]);
      return removed ?? null;
    },
    async restorePaper(data: MessageData<'restorePaper'>): Promise<Paper | null> {
      return synced(await restorePaper(await getDb(), data.id));
    },
    async listTags(): Promise<TagSummary[]> {
      return listTags(await getDb());
    },
    async getSettings(): Promise<Settings> {
      return getSettings(await getDb());
    },
    async setSettings(data: MessageData<'setSettings'>): Promise<Settings> {
      const settings = await setSettings(await getDb(), data.patch);
      if (data.patch.syncEnabled) sync.scheduleFlush();
      return settings;
    },
    async exportBackup(): Promise<ExportFile> {
      return backupFile(await getDb());
    },
    async importBackup(data: MessageData<'importBackup'>): Promise<ImportReport> {
      const db = await getDb();
      const report = await importBackup(db, data.text);
      await sync.localChanged(await listPapers(db, 'saved'));
      return report;
    },
    async clearData(): Promise<{ papers: number }> {
      return { papers: await clearLibrary(await getDb()) };
    },
    async getSyncStatus(): Promise<SyncStatusView> {
      return sync.status();
    },
    async syncNow(): Promise<SyncStatusView> {
      return sync.flush();
    },
  } satisfies { [K in keyof ProtocolMap]: (data: MessageData<K>) => Promise<ReturnType<ProtocolMap[K]>> };
}

export type Handlers = ReturnType<typeof createHandlers>;

/** The id the page knows the paper by, with what the store knows of it. */
function statusOf(paper: Paper, pageId: string): PaperStatus {
  // The user's own tags travel as personal tags, so the chips can highlight them; a suggestion of the same tag gives way.
  const own: Tag[] = paper.userTags.map((label) => ({ id: userTagId(label), label, kind: 'personal', score: 1, source: 'user' }));
  const ownIds = new Set(own.map((tag) => tag.id));
  const tags = [...own, ...paper.tags.filter((tag) => !ownIds.has(tag.id))];
  return { id: pageId, tags, keyResult: keyResult(paper.results), saved: paper.saved };
}

/** Validates then handles: the single entry point for messages arriving at the background. */
export async function handleMessage<K extends keyof ProtocolMap>(handlers: Handlers, type: K, data: unknown) {
  const handler = handlers[type] as (d: MessageData<K>) => Promise<ReturnType<ProtocolMap[K]>>;
  return handler(validate(type, data));
}
