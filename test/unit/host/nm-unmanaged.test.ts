// NetworkManager's keyfile unmanaged-devices as NetworkManager merges it: files in
// reading order, `=` replaces, `+=` appends, `-=` removes; only [keyfile] counts.
import { describe, expect, it } from 'vitest';
import { unmanagedVerdict } from '../../../host/doctor/nm-unmanaged.js';

const ours = {
  path: '/etc/NetworkManager/conf.d/switchyard-r1.conf',
  text: '[keyfile]\nunmanaged-devices+=interface-name:sy0\n',
};

describe('unmanagedVerdict', () => {
  it('our appended entry leaves the bridge unmanaged and names our line', () => {
    expect(unmanagedVerdict([ours], 'sy0')).toEqual({
      unmanaged: true,
      decidedBy: `${ours.path}:2: unmanaged-devices+=interface-name:sy0`,
    });
  });

  it('no file mentioning the key means NetworkManager may manage it', () => {
    expect(
      unmanagedVerdict(
        [{ path: '/etc/NetworkManager/NetworkManager.conf', text: '[main]\nplugins=keyfile\n' }],
        'sy0',
      ),
    ).toEqual({ unmanaged: false });
  });

  it('a later file that assigns with = replaces our list', () => {
    const admin = {
      path: '/etc/NetworkManager/conf.d/zz-admin.conf',
      text: '# mine\n[keyfile]\nunmanaged-devices=interface-name:eth9\n',
    };
    expect(unmanagedVerdict([ours, admin], 'sy0')).toEqual({
      unmanaged: false,
      decidedBy: `${admin.path}:3: unmanaged-devices=interface-name:eth9`,
    });
  });

  it('a later -= of our entry removes it; a later += of something else keeps it', () => {
    const minus = { path: '/x/zz.conf', text: '[keyfile]\nunmanaged-devices-=interface-name:sy0\n' };
    const plus = { path: '/x/zz.conf', text: '[keyfile]\nunmanaged-devices+=mac:00:11:22:33:44:55\n' };
    expect(unmanagedVerdict([ours, minus], 'sy0').unmanaged).toBe(false);
    expect(unmanagedVerdict([ours, plus], 'sy0').unmanaged).toBe(true);
  });

  it('globs, exact names and * match as NetworkManager matches interface names', () => {
    const file = (v: string) => [{ path: '/x/a.conf', text: `[keyfile]\nunmanaged-devices=${v}\n` }];
    expect(unmanagedVerdict(file('interface-name:sy*'), 'sy0').unmanaged).toBe(true);
    expect(unmanagedVerdict(file('interface-name:=sy*'), 'sy0').unmanaged).toBe(false);
    expect(unmanagedVerdict(file('*'), 'sy0').unmanaged).toBe(true);
    expect(unmanagedVerdict(file('interface-name:sy1;interface-name:sy0'), 'sy0').unmanaged).toBe(true);
  });

  it('the key outside [keyfile] does not count', () => {
    expect(
      unmanagedVerdict([{ path: '/x/a.conf', text: '[main]\nunmanaged-devices=*\n' }], 'sy0').unmanaged,
    ).toBe(false);
  });
});
