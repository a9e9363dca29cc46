import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../cli/args.js';
import { UPDATE_ARGS, updateMessage, updateNotes, updateRequest } from '../../../cli/verbs/update.js';

const parse = (argv: string[]) => updateRequest(parseArgs('net-update', argv, UPDATE_ARGS));

describe('net-update arguments (virsh syntax)', () => {
  it('takes NET COMMAND SECTION XML by position or by flag', () => {
    const xml = "<host mac='52:54:00:00:00:01' ip='10.0.0.5'/>";
    expect(parse(['lab', 'add', 'ip-dhcp-host', xml, '--parent-index', '0'])).toEqual({
      network: 'lab',
      request: { command: 'add', section: 'ip-dhcp-host', xml, parentIndex: 0 },
    });
    expect(parse(['--section', 'dns-txt', 'lab', 'delete', "<txt name='a'/>"]).request.section).toBe(
      'dns-txt',
    );
  });

  it('reads the XML from a file unless it starts with <', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sy-cli-'));
    try {
      writeFileSync(join(dir, 'host.xml'), "<host name='x' ip='10.0.0.5'/>\n");
      expect(parse(['lab', 'add-last', 'ip-dhcp-host', join(dir, 'host.xml')]).request.xml).toBe(
        "<host name='x' ip='10.0.0.5'/>\n",
      );
      expect(() => parse(['lab', 'add', 'ip-dhcp-host', join(dir, 'missing.xml')])).toThrow(
        `cannot read ${join(dir, 'missing.xml')}: ENOENT`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses unknown commands and sections and a bad index, with one line', () => {
    expect(() => parse(['lab', 'insert', 'ip-dhcp-host', '<host/>'])).toThrow(
      "unrecognized command 'insert'",
    );
    expect(() => parse(['lab', 'add', 'dhcp', '<host/>'])).toThrow("unrecognized section 'dhcp'");
    expect(() => parse(['lab', 'add', 'ip-dhcp-host', '<host/>', '--parent-index', 'x'])).toThrow(
      'is not a number',
    );
    expect(() => parse(['lab', 'add', 'ip-dhcp-host'])).toThrow('net-update: missing xml operand');
  });

  it("prints virsh's messages", () => {
    expect(updateMessage({ name: 'lab', live: true, config: true })).toBe(
      'Updated network lab persistent config and live state',
    );
    expect(updateMessage({ name: 'lab', live: false, config: true })).toBe(
      'Updated network lab persistent config',
    );
    expect(updateMessage({ name: 'lab', live: true, config: false })).toBe('Updated network lab live state');
  });

  it('refuses an operand too many, as virsh does', () => {
    expect(() => parse(['lab', 'add', 'dns-txt', "<txt name='a' value='b'/>", 'extra'])).toThrow(
      "unexpected data 'extra'",
    );
  });

  it('says what the running network had to do beyond a SIGHUP', () => {
    expect(updateNotes({ name: 'lab', live: true, config: false, signalledPid: 7 })).toEqual([]);
    expect(
      updateNotes({
        name: 'lab',
        live: true,
        config: true,
        restartedDnsmasq: { previousPid: 7, pid: 9, ms: 31 },
        reloadedFirewall: true,
      }),
    ).toEqual([
      'restarted dnsmasq of network lab to apply its new configuration, which it cannot re-read while running (pid 7 -> pid 9, 31 ms); DHCP leases are kept',
      'reloaded the firewall table of network lab (replaced in one nft transaction)',
    ]);
    expect(
      updateNotes({ name: 'lab', live: true, config: false, restartedDnsmasq: { pid: 9, ms: 20 } }),
    ).toEqual([
      'started dnsmasq of network lab to apply its new configuration, which it cannot re-read while running (none -> pid 9, 20 ms); DHCP leases are kept',
    ]);
  });
});
