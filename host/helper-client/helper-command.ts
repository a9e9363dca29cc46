// How the unprivileged side starts the root helper. Installed: `pkexec` plus the
// wrapper whose path the polkit action names. Tests point both elsewhere through the
// environment (a launcher of [] runs the helper directly as a child).
import { HostError } from '../host-error.js';

export const INSTALLED_HELPER_PATH = '/usr/libexec/switchyard/switchyard-helper';
export const POLKIT_ACTION = 'org.switchyard.switchyard.manage';

export interface HelperCommand {
  /** argv before the helper path, e.g. ['pkexec']; [] runs the helper itself. */
  launcher: string[];
  helperPath: string;
  /** Environment of the launched process; pkexec clears it anyway. */
  env?: NodeJS.ProcessEnv;
}

/** SWITCHYARD_HELPER_PATH and SWITCHYARD_HELPER_LAUNCHER (a JSON array of strings). */
export function helperCommandFromEnv(env: NodeJS.ProcessEnv): HelperCommand {
  return {
    launcher: parseLauncher(env.SWITCHYARD_HELPER_LAUNCHER),
    helperPath: env.SWITCHYARD_HELPER_PATH || INSTALLED_HELPER_PATH,
    env,
  };
}

function parseLauncher(text: string | undefined): string[] {
  if (text === undefined || text === '') return ['pkexec'];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    throw new HostError(
      'invalid-input',
      `SWITCHYARD_HELPER_LAUNCHER must be a JSON array of strings, not ${text}`,
    );
  return value;
}

export const usesPkexec = (command: HelperCommand): boolean =>
  command.launcher.some((arg) => arg === 'pkexec' || arg.endsWith('/pkexec'));
