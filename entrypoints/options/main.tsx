import { render } from 'preact';
import { Options } from '../../lib/ui/Options';
import { browserPermissions, optionsApi } from '../../lib/ui/optionsApi';
import { loadSyncStatus, onSyncChange } from '../../lib/ui/messagingApi';
import { SyncStatusLine } from '../../lib/ui/SyncStatusLine';
import '../../lib/ui/popup.css';
import '../../lib/ui/options.css';

render(
  <Options api={optionsApi()} permissions={browserPermissions} syncStatus={<SyncStatusLine load={loadSyncStatus} subscribe={onSyncChange} />} />,
  document.getElementById('app')!,
);
