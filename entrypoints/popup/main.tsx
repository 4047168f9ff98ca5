import { render } from 'preact';
import { requestPersistentStorage } from '../../lib/persist';
import { PopupApp } from './App';
import './style.css';

const root = document.getElementById('app');
if (root) render(<PopupApp />, root);
requestPersistentStorage();
