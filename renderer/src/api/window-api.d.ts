import type { Api } from '../../../contract/ipc.js';

declare global {
  interface Window {
    /** Set by the Electron preload, or by web-api.ts in the web shell. */
    api: Api;
  }
}
