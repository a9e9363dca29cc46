import { mount } from 'svelte';
import { webApi } from './api/web-api.js';
import App from './app/App.svelte';
import { connection } from './app/connection.svelte.js';
import './app/app.css';

// Electron's preload provides window.api; in the web shell the page builds it over its
// socket, whose state the connection banner follows.
if (!(window as Partial<Window>).api) {
  const web = webApi(window.location);
  window.api = web.api;
  connection.follow(web.link);
}

const target = document.getElementById('app');
if (!target) throw new Error('missing #app element');
export default mount(App, { target });
