import { defineExtensionMessaging } from '@webext-core/messaging';
import type { MessageData } from './background/schemas';
import type { Paper, ResultClaim, Tag } from './model';

export type { MessageData };

/**
 * The one message protocol between content scripts, popup and background. Each message's data has a
 * schema (lib/background/schemas.ts, kept out of the content-script bundle); the background validates
 * with it before a handler sees anything: page text is hostile.
 */

/** What the in-page UI needs per paper. */
export interface PaperStatus {
  id: string;
  tags: Tag[];
  results: ResultClaim[];
  saved: boolean;
}

export interface ProtocolMap {
  pageEntries(data: MessageData<'pageEntries'>): { papers: PaperStatus[] };
  listPapers(data: MessageData<'listPapers'>): Paper[];
  setSaved(data: MessageData<'setSaved'>): Paper | null;
}

export const messaging = defineExtensionMessaging<ProtocolMap>();
