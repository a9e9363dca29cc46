// The client of the root helper, shared by the CLI (when not root) and main.
export { HelperClient, type HelperClientOptions } from './helper-client.js';
export {
  type HelperCommand,
  helperCommandFromEnv,
  INSTALLED_HELPER_PATH,
  POLKIT_ACTION,
} from './helper-command.js';
export { type HelperStatus, MAX_AUTOMATIC_RESTARTS } from './helper-status.js';
