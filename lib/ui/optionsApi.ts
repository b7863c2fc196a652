import { browser } from 'wxt/browser';
import { messaging } from '../messaging';
import { localFirstScreen } from './firstScreen';
import { downloadFile } from './messagingApi';
import type { OptionsApi, PermissionsApi } from './Options';

/** The options page's OptionsApi in the real extension: messages to the background worker. */
export function optionsApi(): OptionsApi {
  return {
    getSettings: () => messaging.sendMessage('getSettings', {}),
    setSettings: (patch) => messaging.sendMessage('setSettings', { patch }),
    listSaved: () => messaging.sendMessage('listPapers', { view: 'saved' }),
    // The page holds the papers: export them here, in chunks, so progress can be shown.
    exportPapers: async (format, papers, onProgress) => (await import('../export')).exportPapers(papers, format, { onProgress }),
    exportBackup: () => messaging.sendMessage('exportBackup', {}),
    importBackup: (text) => messaging.sendMessage('importBackup', { text }),
    clearData: async () => {
      const cleared = await messaging.sendMessage('clearData', { confirm: 'delete everything' });
      // The popup's copy of its first screen goes too, so deleted papers do not flash up when it opens.
      localFirstScreen().clear();
      return cleared;
    },
    syncNow: () => messaging.sendMessage('syncNow', {}),
    download: downloadFile,
  };
}

export const browserPermissions: PermissionsApi = {
  request: (permissions) => browser.permissions.request(permissions),
  remove: (permissions) => browser.permissions.remove(permissions),
  getAll: () => browser.permissions.getAll(),
};
