// The addon's statFiles gives what fs.statSync gives, to the last bit of mtimeMs: the
// identity index compares stats saved by one against stats read by the other.
import { mkdtempSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nativeAddon } from '../../../host/exec/native-addon.js';
import { statFiles, statOne } from '../../../host/state/file-stats.js';

const dir = mkdtempSync(join(tmpdir(), 'sy-stats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

writeFileSync(join(dir, 'a.xml'), '<network/>');
writeFileSync(join(dir, 'b.xml'), 'x'.repeat(5000));
utimesSync(join(dir, 'b.xml'), 1_700_000_000.123456, 1_700_000_000.987654);
symlinkSync(join(dir, 'a.xml'), join(dir, 'link.xml'));
const names = ['a.xml', 'b.xml', 'link.xml', 'gone.xml'];

const fromNode = (name: string) => {
  const st = statSync(join(dir, name), { throwIfNoEntry: false });
  return st && { ino: st.ino, size: st.size, mtimeMs: st.mtimeMs };
};

describe('statFiles', () => {
  it('matches fs.statSync for files, links and a missing name', () => {
    expect(statFiles(dir, names)).toEqual(names.map(fromNode));
    expect(names.map((n) => statOne(join(dir, n)))).toEqual(names.map(fromNode));
  });

  it('reads through the addon when it is built, with the same mtime to the bit', () => {
    const addon = nativeAddon();
    if (!addon) return expect.fail('native/build/Release/switchyard_native.node (npm install builds it)');
    const rows = addon.statFiles(dir, ['b.xml']);
    expect(Object.is(rows[2], statSync(join(dir, 'b.xml')).mtimeMs)).toBe(true);
    expect(rows[3]).toBe(0);
  });

  it('throws for a name that cannot be statted for another reason than being gone', () => {
    expect(() => statFiles(dir, ['a.xml/inside'])).toThrow(/ENOTDIR/);
  });
});
