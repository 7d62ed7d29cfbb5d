import { render } from 'preact';
import '@/components/styles.css';
import { OptionsApp } from './app/OptionsApp';

render(<OptionsApp variant="tab" />, document.getElementById('app')!);
