import { render } from 'preact';
import { requestPersistentStorage } from '../../lib/persist';
import { OptionsApp } from './App';
import './style.css';

const root = document.getElementById('app');
if (root) render(<OptionsApp />, root);
requestPersistentStorage();
