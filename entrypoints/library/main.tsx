import { render } from 'preact';
import { Library } from '../../lib/ui/Library';
import { SyncStatusLine } from '../../lib/ui/SyncStatusLine';
import { downloadFile, loadSyncStatus, messagingApi, onSyncChange } from '../../lib/ui/messagingApi';
import '../../lib/ui/popup.css';
import '../../lib/ui/library.css';

render(
  <Library api={messagingApi()} download={downloadFile} syncStatus={<SyncStatusLine load={loadSyncStatus} subscribe={onSyncChange} />} />,
  document.getElementById('app')!,
);
