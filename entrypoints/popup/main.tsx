import { render } from 'preact';
import '@/components/styles.css';
import { PopupApp } from './PopupApp';

render(<PopupApp />, document.getElementById('app')!);
