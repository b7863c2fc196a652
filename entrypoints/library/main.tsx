import { render } from 'preact';
import { Library } from '../../lib/ui/Library';
import { downloadFile, messagingApi } from '../../lib/ui/messagingApi';
import '../../lib/ui/popup.css';
import '../../lib/ui/library.css';

render(<Library api={messagingApi()} download={downloadFile} />, document.getElementById('app')!);
