import { describe, expect, it } from 'vitest';
import {
  aclFileBridges,
  aclFileName,
  aclFileText,
  aclNameProblem,
  withInclude,
} from '../../../core/guests/index.js';

describe('the qemu-bridge-helper access list', () => {
  it('is one allow line per bridge, sorted, each once, under a header', () => {
    const text = aclFileText(['virbr2', 'sylab0', 'virbr2']);
    expect(text.split('\n').filter((l) => !l.startsWith('#'))).toEqual(['allow sylab0', 'allow virbr2', '']);
    expect(aclFileBridges(text)).toEqual(['sylab0', 'virbr2']);
  });

  it('never writes a name the helper would read as more than one bridge, or as another line', () => {
    expect(aclNameProblem('all')).toBe("bridge name 'all' means every bridge to qemu-bridge-helper");
    expect(aclNameProblem('ALL')).toBeDefined();
    for (const bad of ['br 0', 'br0\ninclude /tmp/x', '', 'a'.repeat(16), 'br#0', 'br/0'])
      expect(aclNameProblem(bad)).toMatch(/is not a plain interface name/);
    expect(() => aclFileText(['ok0', 'all'])).toThrow(
      "qemu bridge ACL: bridge name 'all' means every bridge",
    );
    expect(aclNameProblem('virbr0.10')).toBeUndefined();
  });

  it('reads back only the allow lines it would write', () => {
    expect(aclFileBridges('allow a0\ndeny b0\n  allow   c0  \ninclude /x\nallow all\n# allow d0\n')).toEqual([
      'a0',
      'c0',
    ]);
  });

  it("adds its include to the user's bridge.conf once, keeping every byte of it", () => {
    const mine = 'allow virbr0\n# my bridges\ndeny br9';
    const once = withInclude(mine, '/etc/qemu/switchyard.conf');
    expect(once).toBe(
      "allow virbr0\n# my bridges\ndeny br9\n# Added by Switchyard: bridges of its networks open to unprivileged users' VMs\ninclude /etc/qemu/switchyard.conf\n",
    );
    expect(withInclude(once ?? '', '/etc/qemu/switchyard.conf')).toBeUndefined();
    expect(withInclude('', '/etc/qemu/switchyard.conf')).toMatch(/^# Added by Switchyard/);
  });

  it('is switchyard.conf for the installed state root and one file per other root', () => {
    expect(aclFileName('0123456789ab', true)).toBe('switchyard.conf');
    expect(aclFileName('0123456789ab', false)).toBe('switchyard-0123456789ab.conf');
  });
});
