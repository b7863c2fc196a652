import { browser, type Browser } from 'wxt/browser';
import { handleMessage, type Handlers } from '../background/handlers';
import type { EntryData } from '../model';
import { PAPER_LINK_PATTERNS, paperFromLink, type PaperLink } from './links';
import { pageMessaging, type PageCounts } from './protocol';

/**
 * The background's part of the in-page features: the toolbar badge, the "Save paper to PaperLens"
 * context menu on paper links, and the "save the focused paper" keyboard command.
 */
export const SAVE_LINK_MENU_ID = 'paperlens-save-link';
export const SAVE_FOCUSED_COMMAND = 'save-focused-paper';

const BADGE_FOUND_COLOR = '#4b5563';
const BADGE_MATCHING_COLOR = '#b45309';
const COUNT_MAX = 100_000;

/** The badge: how many papers match the user's tags when any do, else how many were found. */
export function badgeFor({ found, matching }: PageCounts): { text: string; color: string; title: string } {
  if (!found) return { text: '', color: BADGE_FOUND_COLOR, title: 'PaperLens' };
  const shown = matching || found;
  const papers = `${found} ${found === 1 ? 'paper' : 'papers'} on this page`;
  return {
    text: shown > 999 ? '999+' : String(shown),
    color: matching ? BADGE_MATCHING_COLOR : BADGE_FOUND_COLOR,
    title: matching ? `PaperLens: ${papers}, ${matching} matching your tags` : `PaperLens: ${papers}`,
  };
}

/** Counts come from a content script: whole numbers in range, or nothing. */
export function validCounts(data: unknown): PageCounts | null {
  const { found, matching } = (data ?? {}) as Partial<PageCounts>;
  const valid = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= COUNT_MAX;
  return valid(found) && valid(matching) && matching <= found ? { found, matching } : null;
}

/** The toolbar button: `action` in MV3, `browserAction` in Firefox's MV2 build. */
function toolbarAction(): typeof browser.action {
  return browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
}

export async function showCounts(tabId: number, counts: PageCounts): Promise<void> {
  const badge = badgeFor(counts);
  const action = toolbarAction();
  await action.setBadgeText({ tabId, text: badge.text });
  await action.setBadgeBackgroundColor({ tabId, color: badge.color });
  await action.setTitle({ tabId, title: badge.title });
}

/** A record for a link the page itself does not list: what the link alone says. */
export function entryFromLink(link: PaperLink, linkText: string | undefined): EntryData {
  return {
    id: link.id,
    aliases: [],
    title: linkText?.trim().slice(0, 1000) || link.url,
    authors: [],
    abstract: '',
    abstractKind: 'none',
    url: link.url,
    subjects: [],
    site: 'generic',
  };
}

/** Saves the paper a link points at: what the page shows of it when the page lists it, else what the link says. */
export async function saveLinkedPaper(handlers: Handlers, linkUrl: string, tab: { id?: number; url?: string } | undefined, linkText?: string): Promise<string | null> {
  const link = paperFromLink(linkUrl);
  if (!link) return null;
  const onPage = tab?.id === undefined ? null : await pageMessaging.sendMessage('entryForLink', { id: link.id }, tab.id).catch(() => null);
  const known = onPage ? null : await handleMessage(handlers, 'setSaved', { id: link.id, saved: true });
  if (!known) await handleMessage(handlers, 'savePaper', { entry: onPage ?? entryFromLink(link, linkText), url: tab?.url });
  if (tab?.id !== undefined) await pageMessaging.sendMessage('savedChanged', { id: link.id, saved: true }, tab.id).catch(() => undefined);
  return link.id;
}

export function registerPageFeatures(handlers: Handlers): void {
  pageMessaging.onMessage('pageCounts', ({ data, sender }) => {
    const counts = validCounts(data);
    const tabId = sender.tab?.id;
    if (counts && tabId !== undefined) void showCounts(tabId, counts).catch(() => undefined);
  });

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: SAVE_LINK_MENU_ID,
      title: 'Save paper to PaperLens',
      contexts: ['link'],
      targetUrlPatterns: PAPER_LINK_PATTERNS,
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== SAVE_LINK_MENU_ID || !info.linkUrl) return;
    const linkText = (info as Browser.contextMenus.OnClickData & { linkText?: string }).linkText;
    void saveLinkedPaper(handlers, info.linkUrl, tab, linkText).catch(() => undefined);
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== SAVE_FOCUSED_COMMAND) return;
    void activeTabId(tab)
      .then((tabId) => (tabId === undefined ? null : pageMessaging.sendMessage('saveFocused', undefined, tabId)))
      .catch(() => undefined);
  });

  // A new document in the tab: its counts are not known yet.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void toolbarAction().setBadgeText({ tabId, text: '' }).catch(() => undefined);
  });
}

async function activeTabId(tab: { id?: number } | undefined): Promise<number | undefined> {
  if (tab?.id !== undefined) return tab.id;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}
