import { render } from 'preact';
import { PopupApp } from './App';
import './style.css';

const root = document.getElementById('app');
if (root) render(<PopupApp />, root);
