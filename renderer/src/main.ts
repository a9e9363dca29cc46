import { mount } from 'svelte';
import { webApi } from './api/web-api.js';
import App from './app/App.svelte';
import './app/app.css';

// Electron's preload provides window.api; in the web shell the page builds it over its socket.
if (!(window as Partial<Window>).api) window.api = webApi(window.location);

const target = document.getElementById('app');
if (!target) throw new Error('missing #app element');
export default mount(App, { target });
