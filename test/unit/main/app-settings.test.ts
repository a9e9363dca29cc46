// The desktop app's settings file: missing means the defaults (Terminal off), and a
// broken one falls back to the defaults with a reason, never to "on".
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readAppSettings, terminalFeature } from '../../../main/services/app-settings.js';

const dir = mkdtempSync(join(tmpdir(), 'sy-settings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('app settings', () => {
  it('keeps the Terminal off without a settings file', () => {
    expect(readAppSettings(join(dir, 'missing.json'))).toEqual({ settings: { terminal: false } });
  });

  it('reads "terminal": true and false', () => {
    expect(readAppSettings(file('on.json', '{"terminal": true}')).settings.terminal).toBe(true);
    expect(readAppSettings(file('off.json', '{"terminal": false}')).settings.terminal).toBe(false);
    expect(readAppSettings(file('other.json', '{"theme": "dark"}')).settings.terminal).toBe(false);
  });

  it('falls back to the defaults, with the reason, for a broken file', () => {
    const broken = file('broken.json', '{"terminal": tru');
    expect(readAppSettings(broken)).toMatchObject({
      settings: { terminal: false },
      problem: expect.stringMatching(new RegExp(`^${broken} is not JSON: `)),
    });
    const wrongType = file('string.json', '{"terminal": "yes"}');
    expect(readAppSettings(wrongType)).toEqual({
      settings: { terminal: false },
      problem: `${wrongType}: "terminal" must be true or false`,
    });
  });

  it('tells the terminal service how to turn it on when it is off', () => {
    expect(terminalFeature({ terminal: true }, '/s.json')).toEqual({ enabled: true });
    expect(terminalFeature({ terminal: false }, '/s.json')).toEqual({
      enabled: false,
      disabledHint:
        'The terminal is off. To turn it on, set "terminal": true in /s.json and restart Switchyard.',
    });
  });
});
