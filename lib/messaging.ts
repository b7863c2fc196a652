import { defineExtensionMessaging } from '@webext-core/messaging';
import type { MessageData } from './background/schemas';
import type { ImportReport } from './export/backup';
import type { ExportFile } from './export/formats';
import type { Paper, ResultClaim, Tag } from './model';
import type { SyncStatusView } from './sync/service';
import type { Settings } from './store/settings';
import type { TagSummary } from './store/tags';

export type { ExportFile, ImportReport, MessageData, Settings, TagSummary };

/**
 * The one message protocol between content scripts, popup and background. Each message's data has a
 * schema (lib/background/schemas.ts, kept out of the content-script bundle); the background validates
 * with it before a handler sees anything: page text is hostile.
 *
 * Messages (data → reply):
 *   pageEntries   {url, site, entries: EntryData[]}      → {papers: PaperStatus[]}
 *   listPapers    {view: 'saved' | 'seen', limit?}       → Paper[]  saved: newest saved first; seen: latest seen first
 *   getPaper      {id}                                   → Paper | null   (by canonical id or any alias)
 *   savePaper     {entry: EntryData, url?}               → Paper          records an entry not yet stored, and saves it
 *   setSaved      {id, saved}                            → Paper | null
 *   updatePaper   {id, patch: {userTags?, note?, read?, saved?, savedAt?}} → Paper | null
 *   removePaper   {id}                                   → Paper | null   deletes it; kept aside for undo
 *   restorePaper  {id}                                   → Paper | null   undoes removePaper
 *   listTags      {}                                     → TagSummary[]   the user's tags with paper counts
 *   getSettings   {}                                     → Settings       (lib/store/settings.ts)
 *   setSettings   {patch: Partial<Settings>}             → Settings
 *   exportBackup  {}                                     → ExportFile {filename, mime, text}: the full JSON
 *                 backup (lib/export/backup.ts). Citation formats are made where they are asked for, by
 *                 exportPapers() of lib/export: the worker does not load the citation library.
 *   importBackup  {text}                                 → ImportReport {added, merged, unchanged, tags, models}
 *   clearData     {confirm: 'delete everything'}         → {papers: number}   this device only; sync brings saved papers back
 *   getSyncStatus {}                                     → SyncStatusView (lib/sync/service.ts)
 *   syncNow       {}                                     → SyncStatusView   flushes at once (the options page's "Sync now")
 */

/** What the in-page UI needs per paper. */
export interface PaperStatus {
  id: string;
  tags: Tag[];
  /**
   * The claim the in-page chip shows (lib/extract keyResult), chosen in the background; null without
   * results. The paper's other claims stay in the store: every answer is serialised on the page's main
   * thread, and the chips show one.
   */
  keyResult: ResultClaim | null;
  saved: boolean;
}

export interface ProtocolMap {
  pageEntries(data: MessageData<'pageEntries'>): { papers: PaperStatus[] };
  listPapers(data: MessageData<'listPapers'>): Paper[];
  setSaved(data: MessageData<'setSaved'>): Paper | null;
  getPaper(data: MessageData<'getPaper'>): Paper | null;
  savePaper(data: MessageData<'savePaper'>): Paper;
  updatePaper(data: MessageData<'updatePaper'>): Paper | null;
  removePaper(data: MessageData<'removePaper'>): Paper | null;
  restorePaper(data: MessageData<'restorePaper'>): Paper | null;
  listTags(data: MessageData<'listTags'>): TagSummary[];
  getSettings(data: MessageData<'getSettings'>): Settings;
  setSettings(data: MessageData<'setSettings'>): Settings;
  exportBackup(data: MessageData<'exportBackup'>): ExportFile;
  importBackup(data: MessageData<'importBackup'>): ImportReport;
  clearData(data: MessageData<'clearData'>): { papers: number };
  getSyncStatus(data: MessageData<'getSyncStatus'>): SyncStatusView;
  syncNow(data: MessageData<'syncNow'>): SyncStatusView;
}

export const messaging = defineExtensionMessaging<ProtocolMap>();
