import { render } from 'preact';
import { Popup } from '../../lib/ui/Popup';
import { messagingApi, openLibraryPage } from '../../lib/ui/messagingApi';
import '../../lib/ui/popup.css';

render(<Popup api={messagingApi()} openLibrary={openLibraryPage} />, document.getElementById('app')!);
