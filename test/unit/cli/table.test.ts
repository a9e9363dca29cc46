import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatFields, formatTable } from '../../../cli/table.js';

const reference = (file: string): string =>
  readFileSync(new URL(`../../../../shared/reference/libvirt-9.0/status/${file}`, import.meta.url), 'utf8');

describe("virsh's table layout", () => {
  it('matches virsh net-list --all byte for byte', () => {
    const rows = ['default', 'isolated', 'routed'].map((n) => [n, 'active', 'no', 'yes']);
    expect(formatTable(['Name', 'State', 'Autostart', 'Persistent'], rows)).toBe(
      reference('net-list-all.txt'),
    );
  });

  it('matches virsh net-dhcp-leases byte for byte', () => {
    const row = [
      '2026-11-29 00:38:41',
      'fe:6b:b7:c8:66:f1',
      'ipv4',
      '192.168.122.231/24',
      '-',
      '01:fe:6b:b7:c8:66:f1',
    ];
    const header = ['Expiry Time', 'MAC address', 'Protocol', 'IP address', 'Hostname', 'Client ID or DUID'];
    expect(formatTable(header, [row])).toBe(reference('default.net-dhcp-leases.txt'));
  });

  it('matches virsh net-info byte for byte', () => {
    const fields: [string, string][] = [
      ['Name', 'default'],
      ['UUID', '7dcdc07b-fb1b-48cb-b85a-106d1bc4a852'],
      ['Active', 'yes'],
      ['Persistent', 'yes'],
      ['Autostart', 'no'],
      ['Bridge', 'virbr0'],
    ];
    expect(formatFields(fields)).toBe(reference('default.net-info.txt'));
  });

  it('prints only the header and dashes when there are no rows', () => {
    expect(formatTable(['Name', 'State'], [])).toBe(' Name   State\n---------------\n\n');
  });
});
