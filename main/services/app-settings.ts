// The desktop app's settings, in a file the user edits (~/.config/Switchyard/settings.json):
// no IPC channel can write it, so a compromised page cannot turn on what it would
// like to have. The one setting today is the Terminal tab, off by default: a shell
// is the user's whole account, and a renderer compromise should not come with one.
import { readFileSync } from 'node:fs';

export interface AppSettings {
  terminal: boolean;
}

export const DEFAULT_SETTINGS: AppSettings = { terminal: false };

/** The settings in FILE; a missing file is the defaults, a broken one the defaults plus why. */
export function readAppSettings(file: string): { settings: AppSettings; problem?: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { settings: DEFAULT_SETTINGS };
    return { settings: DEFAULT_SETTINGS, problem: `cannot read ${file}: ${(err as Error).message}` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { settings: DEFAULT_SETTINGS, problem: `${file} is not JSON: ${(err as Error).message}` };
  }
  const terminal =
    typeof value === 'object' && value !== null ? (value as { terminal?: unknown }).terminal : undefined;
  if (terminal !== undefined && typeof terminal !== 'boolean')
    return { settings: DEFAULT_SETTINGS, problem: `${file}: "terminal" must be true or false` };
  return { settings: { terminal: terminal ?? DEFAULT_SETTINGS.terminal } };
}

/** What the terminal service is told: on, or off with how to turn it on. */
export function terminalFeature(
  settings: AppSettings,
  file: string,
): { enabled: boolean; disabledHint?: string } {
  if (settings.terminal) return { enabled: true };
  return {
    enabled: false,
    disabledHint: `The terminal is off. To turn it on, set "terminal": true in ${file} and restart Switchyard.`,
  };
}
