import { render } from 'preact';
import { Options } from '../../lib/ui/Options';
import '../../lib/ui/popup.css';

render(<Options />, document.getElementById('app')!);
