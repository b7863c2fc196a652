import { render } from 'preact';
import { Popup } from '../../lib/ui/Popup';
import { SyncStatusLine } from '../../lib/ui/SyncStatusLine';
import { loadSyncStatus, messagingApi, onSyncChange, openLibraryPage } from '../../lib/ui/messagingApi';
import '../../lib/ui/popup.css';

render(
  <Popup
    api={messagingApi()}
    openLibrary={openLibraryPage}
    syncStatus={<SyncStatusLine load={loadSyncStatus} subscribe={onSyncChange} />}
    onRemoteChange={onSyncChange}
  />,
  document.getElementById('app')!,
);
