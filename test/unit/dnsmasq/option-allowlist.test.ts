// The dnsmasq options an unprivileged caller may hand to root's dnsmasq: only
// those that name no program, file, directory or user. Lines are read the way
// dnsmasq reads them, and anything that is not plainly NAME or NAME=VALUE is refused.
import { describe, expect, it } from 'vitest';
import { readNetworkDefinition } from '../../../core/definition.js';
import {
  dnsmasqOptionName,
  UNPRIVILEGED_DNSMASQ_OPTIONS,
  unprivilegedOptionProblems,
  unprivilegedOptionRefusal,
} from '../../../core/dnsmasq/option-allowlist.js';

describe('dnsmasq options without root', () => {
  it.each([
    ['dhcp-script=/path/hook.sh', 'runs a program as root'],
    ['log-facility=/any/path', 'writes a file as root'],
    ['conf-file=/home/me/more.conf', 'reads a file as root'],
    ['addn-hosts=/etc/shadow', 'reads a file as root and serves it over DNS'],
    ['dhcp-leasefile=/etc/cron.d/x', 'writes a file as root'],
    ['user=root', 'names the user dnsmasq runs as'],
    ['tftp-root=/', 'serves a directory to every guest'],
    ['enable-tftp', 'serves files to every guest'],
    ['nftset=/example.com/4#inet#filter#x', "changes the host's firewall sets"],
  ])('refuses %j: it %s', (line, reason) => {
    const name = dnsmasqOptionName(line);
    expect(unprivilegedOptionRefusal(line)).toBe(`sets '${name}', which ${reason}`);
  });

  it('refuses options it does not list, naming them', () => {
    expect(unprivilegedOptionRefusal('interface=eth0')).toBe(
      "sets 'interface', which is not on the list of options accepted without root",
    );
    // Names every JS object has must not be mistaken for listed ones.
    expect(unprivilegedOptionRefusal('constructor')).toMatch(/^sets 'constructor', which is not on the list/);
    expect(unprivilegedOptionRefusal('toString=x')).toMatch(/^sets 'toString', which is not on the list/);
  });

  it.each([
    'no-ping',
    'dhcp-option=option:dns-server,10.0.0.1',
    'dhcp-option=252,"http://wpad.lab/wpad.dat"',
    'cache-size=1000',
    'dhcp-lease-max=500',
    'log-dhcp',
    'cname=*.cloudapps.example.com,master.example.com',
    '  dhcp-authoritative',
    'cache-size = 100',
    'cache-size\t=100',
  ])('accepts %j', (line) => {
    expect(unprivilegedOptionRefusal(line)).toBeUndefined();
  });

  it('reads the option name as dnsmasq does, and refuses lines it cannot read plainly', () => {
    expect(dnsmasqOptionName('cache-size = 100')).toBe('cache-size');
    expect(dnsmasqOptionName('no-ping')).toBe('no-ping');
    // dnsmasq strips quotes anywhere in a line: this is dhcp-script to it.
    expect(dnsmasqOptionName('dhcp-scr""ipt=/x')).toBeUndefined();
    expect(dnsmasqOptionName('"dhcp-script"=/x')).toBeUndefined();
    expect(dnsmasqOptionName('no-ping junk')).toBeUndefined();
    expect(unprivilegedOptionRefusal('dhcp-scr""ipt=/x')).toBe(
      'is not a plain NAME=VALUE line, so which dnsmasq option it sets cannot be checked',
    );
  });

  it('lists only plain option names, and none of the dangerous ones', () => {
    const names = [...UNPRIVILEGED_DNSMASQ_OPTIONS];
    for (const name of names) expect(name).toMatch(/^[a-z][a-zA-Z0-9-]*$/);
    for (const never of ['dhcp-script', 'conf-file', 'user', 'tftp-root', 'log-facility', 'dhcp-leasefile'])
      expect(UNPRIVILEGED_DNSMASQ_OPTIONS.has(never)).toBe(false);
  });

  it('reports each refused option on one line with its element and position, and the advice', () => {
    const read =
      readNetworkDefinition(`<network xmlns:dnsmasq='http://libvirt.org/schemas/network/dnsmasq/1.0'>
  <name>lab</name>
  <dnsmasq:options>
    <dnsmasq:option value='no-ping'/>
    <dnsmasq:option value='dhcp-script=/path/hook.sh'/>
    <dnsmasq:option value='user=root'/>
  </dnsmasq:options>
</network>
`);
    if (!read.ok) throw new Error(read.error.message);
    expect(unprivilegedOptionProblems(read.value, 'only root may set it').map((p) => p.message)).toEqual([
      "network 'lab': <dnsmasq:option value='dhcp-script=/path/hook.sh'> (line 5:5) sets 'dhcp-script', which runs a program as root; only root may set it",
      "network 'lab': <dnsmasq:option value='user=root'> (line 6:5) sets 'user', which names the user dnsmasq runs as; only root may set it",
    ]);
  });

  it('is a policy, not validity: the definition stays valid (root may use any option)', () => {
    const read =
      readNetworkDefinition(`<network xmlns:dnsmasq='http://libvirt.org/schemas/network/dnsmasq/1.0'>
  <name>lab</name>
  <dnsmasq:options><dnsmasq:option value='dhcp-script=/path/hook.sh'/></dnsmasq:options>
</network>
`);
    expect(read.ok).toBe(true);
  });

  it('refuses, for everyone, an option value that would not stay one config line', () => {
    const read =
      readNetworkDefinition(`<network xmlns:dnsmasq='http://libvirt.org/schemas/network/dnsmasq/1.0'>
  <name>lab</name>
  <dnsmasq:options><dnsmasq:option value='no-ping&#10;dhcp-script=/x'/></dnsmasq:options>
</network>
`);
    expect(read.ok ? '' : read.error.message).toBe(
      "network 'lab': <dnsmasq:option value='no-ping\\ndhcp-script=/x'> (line 3:20) value 'no-ping\\ndhcp-script=/x' may not contain a line break",
    );
  });
});
