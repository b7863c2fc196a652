import { defineExtensionMessaging } from '@webext-core/messaging';
import type { EntryData } from '../model';

/**
 * Messages between the in-page UI and the background that concern one tab (the store's messages are in
 * lib/messaging.ts). They need the sender's tab or go from the background to a tab, which the store's
 * tab-agnostic handlers do not model.
 *
 *   pageCounts      content → background   {found, matching}  → void        the toolbar badge of the sender's tab
 *   saveFocused     background → content   {}                 → string|null the keyboard command; the id toggled
 *   entryForLink    background → content   {id}               → EntryData|null  the context menu: what the page knows
 *   savedChanged    background → content   {id, saved}        → void        a save made outside the chips
 */
export interface PageCounts {
  found: number;
  matching: number;
}

export interface PageProtocolMap {
  pageCounts(data: PageCounts): void;
  saveFocused(): string | null;
  entryForLink(data: { id: string }): EntryData | null;
  savedChanged(data: { id: string; saved: boolean }): void;
}

export const pageMessaging = defineExtensionMessaging<PageProtocolMap>();
