import { render } from 'preact';
import '@/components/styles.css';
import { OptionsApp } from '../options/app/OptionsApp';

// The side panel (Chrome) and sidebar (Firefox) show the same screens as the options tab, stacked narrow.
render(<OptionsApp variant="panel" />, document.getElementById('app')!);
