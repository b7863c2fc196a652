import { browser } from 'wxt/browser';
import { messaging } from '../messaging';
import type { ExportFile, LibraryApi } from './api';

/** The LibraryApi of the real extension: every call is a message to the background worker. */
export function messagingApi(): LibraryApi {
  return {
    listPapers: (view, limit) => messaging.sendMessage('listPapers', limit === undefined ? { view } : { view, limit }),
    setSaved: (id, saved) => messaging.sendMessage('setSaved', { id, saved }),
    updatePaper: (id, patch) => messaging.sendMessage('updatePaper', { id, patch }),
    removePaper: (id) => messaging.sendMessage('removePaper', { id }),
    restorePaper: (id) => messaging.sendMessage('restorePaper', { id }),
    exportPapers: (format, ids) => messaging.sendMessage('exportPapers', { format, ids }),
    openUrl: (url) => void browser.tabs.create({ url }),
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
