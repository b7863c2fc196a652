import { render } from 'preact';
import { Popup } from '../../lib/ui/Popup';
import { messaging } from '../../lib/messaging';
import '../../lib/ui/popup.css';

render(
  <Popup
    loadPapers={(view) => messaging.sendMessage('listPapers', { view })}
    setSaved={(id, saved) => messaging.sendMessage('setSaved', { id, saved })}
  />,
  document.getElementById('app')!,
);
