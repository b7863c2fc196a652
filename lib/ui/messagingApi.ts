import { browser } from 'wxt/browser';
import { messaging } from '../messaging';
import type { ExportFile } from '../export/formats';
import type { LibraryApi } from './api';
import { localFirstScreen } from './firstScreen';

/** The LibraryApi of the real extension: every call is a message to the background worker. */
export function messagingApi(): LibraryApi {
  return {
    listPapers: (view, limit) => messaging.sendMessage('listPapers', limit === undefined ? { view } : { view, limit }),
    setSaved: (id, saved) => messaging.sendMessage('setSaved', { id, saved }),
    updatePaper: (id, patch) => messaging.sendMessage('updatePaper', { id, patch }),
    removePaper: (id) => messaging.sendMessage('removePaper', { id }),
    restorePaper: (id) => messaging.sendMessage('restorePaper', { id }),
    // The page already holds the papers: export them here, in chunks, so progress can be shown.
    exportPapers: async (format, papers, onProgress) => (await import('../export')).exportPapers(papers, format, { onProgress }),
    openUrl: (url) => void browser.tabs.create({ url }),
    firstScreen: localFirstScreen(),
  };
}

/** Opens the full-tab library page. */
export function openLibraryPage(): void {
  void browser.tabs.create({ url: browser.runtime.getURL('/library.html') });
}

/** Hands a file to the browser as a download, from a page of the extension. */
export function downloadFile(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The background's sync status. */
export function loadSyncStatus() {
  return messaging.sendMessage('getSyncStatus', {});
}

/**
 * Calls back shortly after sync storage changes (another device's write arriving, or this device's
 * flush), by when the background has merged it.
 */
export function onSyncChange(onChange: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listener = (_changes: unknown, areaName: string) => {
    if (areaName !== 'sync') return;
    clearTimeout(timer);
    timer = setTimeout(onChange, 500);
  };
  browser.storage.onChanged.addListener(listener);
  return () => {
    clearTimeout(timer);
    browser.storage.onChanged.removeListener(listener);
  };
}
