import { describe, expect, it } from 'vitest';
import type { NetworkDef } from '../../../core/model/network.js';
import { applyCheckedNetworkUpdate, applyNetworkUpdate } from '../../../core/update/apply-update.js';
import type { NetworkUpdateRequest } from '../../../core/update/update-request.js';

function natNetwork(): NetworkDef {
  return {
    name: 'default',
    uuid: '81ff0d90-c91e-6742-64da-4a736edb9a9b',
    forward: { mode: 'nat', dev: 'eth1', interfaces: [], pfs: [], addresses: [] },
    bridge: { name: 'virbr0' },
    ips: [
      {
        address: '192.168.122.1',
        netmask: '255.255.255.0',
        dhcp: {
          ranges: [{ start: '192.168.122.2', end: '192.168.122.254' }],
          hosts: [
            { mac: '00:16:3e:77:e2:ed', name: 'a.example.com', ip: '192.168.122.10' },
            { mac: '00:16:3e:3e:a9:1a', name: 'b.example.com', ip: '192.168.122.11' },
          ],
        },
      },
      { family: 'ipv6', address: '2001:db8:ac10:fd01::1', prefix: 64 },
    ],
    routes: [],
    portgroups: [],
  };
}

function update(req: Partial<NetworkUpdateRequest> & Pick<NetworkUpdateRequest, 'xml'>, def = natNetwork()) {
  return applyNetworkUpdate(def, { command: 'add', section: 'ip-dhcp-host', ...req });
}

function value(result: ReturnType<typeof update>): NetworkDef {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function message(result: ReturnType<typeof update>): string {
  if (result.ok) throw new Error('the update was accepted');
  return result.error.message;
}

const hosts = (def: NetworkDef) => def.ips[0]?.dhcp?.hosts.map((h) => h.name ?? h.mac);

describe('ip-dhcp-host', () => {
  it("appends with 'add' (libvirt's add-last) and prepends with add-first", () => {
    const xml = "<host mac='52:54:00:00:00:01' name='c' ip='192.168.122.12'/>";
    expect(hosts(value(update({ xml })))).toEqual(['a.example.com', 'b.example.com', 'c']);
    expect(hosts(value(update({ xml, command: 'add-first' })))).toEqual([
      'c',
      'a.example.com',
      'b.example.com',
    ]);
  });

  it('never changes the definition it was given', () => {
    const def = natNetwork();
    const before = JSON.stringify(def);
    value(update({ xml: "<host mac='52:54:00:00:00:01' ip='192.168.122.12'/>" }, def));
    expect(JSON.stringify(def)).toBe(before);
  });

  it('refuses to add a host that shares a mac (in any spelling), a name or an ip', () => {
    expect(message(update({ xml: "<host mac='00:16:3E:77:E2:ED' ip='192.168.122.99'/>" }))).toBe(
      "network 'default': <host mac='00:16:3E:77:E2:ED' ip='192.168.122.99'> (line 1:1) matches an existing dhcp <host> by mac, name or ip",
    );
    expect(message(update({ xml: "<host name='b.example.com' ip='192.168.122.99'/>" }))).toContain(
      'matches an existing',
    );
    expect(message(update({ xml: "<host mac='52:54:00:00:00:01' ip='192.168.122.11'/>" }))).toContain(
      'matches an existing',
    );
  });

  it('needs a complete entry to add or modify', () => {
    expect(message(update({ xml: "<host mac='52:54:00:00:00:01'/>" }))).toContain('has no ip attribute');
    expect(message(update({ xml: "<host ip='192.168.122.50'/>" }))).toContain(
      'needs a mac or name attribute',
    );
    expect(message(update({ command: 'modify', xml: "<host mac='00:16:3e:77:e2:ed'/>" }))).toContain(
      'has no ip',
    );
  });

  it('accepts a host outside the subnet as libvirt does; the checked update refuses it', () => {
    const req = {
      command: 'add',
      section: 'ip-dhcp-host',
      xml: "<host mac='52:54:00:00:00:01' ip='10.0.0.5'/>",
    } as const;
    expect(applyNetworkUpdate(natNetwork(), req).ok).toBe(true);
    expect(message(applyCheckedNetworkUpdate(natNetwork(), req))).toBe(
      "network 'default': <host mac='52:54:00:00:00:01' ip='10.0.0.5'> (line 1:1) ip '10.0.0.5' is not within 192.168.122.0/24",
    );
  });

  it('checks only what the update introduced', () => {
    const old = natNetwork();
    old.ips[0]?.dhcp?.hosts.push({ mac: '52:54:00:00:00:07', ip: '10.9.9.9' });
    const req = {
      command: 'add',
      section: 'ip-dhcp-host',
      xml: "<host mac='52:54:00:00:00:01' ip='192.168.122.5'/>",
    } as const;
    expect(applyCheckedNetworkUpdate(old, req).ok).toBe(true);
  });

  it('modifies the first host that shares the mac, ip or name', () => {
    const def = value(
      update({
        command: 'modify',
        xml: "<host mac='00:16:3e:77:e2:ed' name='a.example.com' ip='192.168.122.47'/>",
      }),
    );
    expect(def.ips[0]?.dhcp?.hosts[0]?.ip).toBe('192.168.122.47');
    expect(
      message(update({ command: 'modify', xml: "<host mac='52:54:00:00:00:09' ip='192.168.122.99'/>" })),
    ).toContain('matches no existing dhcp <host>');
  });

  it('deletes the host that agrees on every attribute given, and fails when none does', () => {
    expect(hosts(value(update({ command: 'delete', xml: "<host mac='00:16:3e:77:e2:ed'/>" })))).toEqual([
      'b.example.com',
    ]);
    expect(hosts(value(update({ command: 'delete', xml: "<host ip='192.168.122.11'/>" })))).toEqual([
      'a.example.com',
    ]);
    expect(
      message(update({ command: 'delete', xml: "<host mac='00:16:3e:77:e2:ed' ip='192.168.122.11'/>" })),
    ).toContain('matches no existing dhcp <host>');
    expect(message(update({ command: 'delete', xml: '<host/>' }))).toContain(
      'needs a mac, name or ip attribute',
    );
  });

  it('drops <dhcp> when its last entry goes', () => {
    let def = natNetwork();
    def = value(update({ command: 'delete', xml: "<host name='a.example.com'/>" }, def));
    def = value(update({ command: 'delete', xml: "<host name='b.example.com'/>" }, def));
    def = value(
      update(
        {
          section: 'ip-dhcp-range',
          command: 'delete',
          xml: "<range start='192.168.122.2' end='192.168.122.254'/>",
        },
        def,
      ),
    );
    expect(def.ips[0]?.dhcp).toBeUndefined();
  });

  it('stores addresses in canonical form', () => {
    const xml = "<host id='0:3:0:1' name='v6' ip='2001:DB8:AC10:FD01:0::20'/>";
    const def = value(update({ xml, parentIndex: 1 }));
    expect(def.ips[1]?.dhcp?.hosts[0]?.ip).toBe('2001:db8:ac10:fd01::20');
  });

  it('picks the <ip> by index, and refuses an index past the last one', () => {
    expect(
      message(update({ xml: "<host mac='52:54:00:00:00:01' ip='192.168.122.12'/>", parentIndex: 1 })),
    ).toContain('may not have a mac in an IPv6 <ip>');
    expect(message(update({ xml: "<host name='x' ip='192.168.122.12'/>", parentIndex: 5 }))).toBe(
      "network 'default': has no <ip> element at index 5 (it has 2)",
    );
  });

  it('takes one element named for the section, and reports XML errors with line:column', () => {
    expect(message(update({ xml: "<range start='1' end='2'/>" }))).toContain(
      '<range> (line 1:1) is not a <host> element, which this section takes',
    );
    const bad = update({ xml: "<host mac='52:54:00:00:00:01'\n ip=192.168.122.5/>" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('xml-parse');
      expect(bad.error.message).toMatch(/^network 'default': update XML \(line 2:\d+\): /);
    }
  });
});

describe('ip-dhcp-range', () => {
  const section = 'ip-dhcp-range' as const;

  it('adds and deletes by exact start and end; no modify', () => {
    const def = value(
      update({ section, command: 'delete', xml: "<range start='192.168.122.2' end='192.168.122.254'/>" }),
    );
    expect(def.ips[0]?.dhcp?.ranges).toEqual([]);
    expect(
      message(
        update({ section, command: 'delete', xml: "<range start='192.168.122.10' end='192.168.122.100'/>" }),
      ),
    ).toContain('matches no existing dhcp <range>');
    expect(
      message(
        update({ section, command: 'modify', xml: "<range start='192.168.122.2' end='192.168.122.254'/>" }),
      ),
    ).toContain('cannot be modified');
  });

  it('refuses a range outside the subnet or a second DHCP <ip> of a family', () => {
    expect(message(update({ section, xml: "<range start='10.0.0.10' end='10.0.0.100'/>" }))).toContain(
      'is not entirely within 192.168.122.0/24',
    );
    const two = natNetwork();
    two.ips.push({ address: '192.168.123.1', prefix: 24 });
    expect(
      message(
        update({ section, parentIndex: 2, xml: "<range start='192.168.123.2' end='192.168.123.9'/>" }, two),
      ),
    ).toContain('DHCP is supported on only one IPv4 <ip>');
  });
});

describe('forward-interface', () => {
  const section = 'forward-interface' as const;

  it("treats <forward dev='x'/> as a pool of one and keeps dev on the pool's head", () => {
    // libvirt accepts two forward devices on a NAT network here; only its driver refuses them.
    const added = value(update({ section, command: 'add-first', xml: "<interface dev='eth47'/>" }));
    expect(added.forward?.interfaces.map((i) => i.dev)).toEqual(['eth47', 'eth1']);
    expect(added.forward?.dev).toBe('eth47');
    const gone = value(update({ section, command: 'delete', xml: "<interface dev='eth1'/>" }));
    expect(gone.forward?.interfaces).toEqual([]);
    expect(gone.forward?.dev).toBeUndefined();
  });

  it('refuses duplicates, unknown devices, in-use devices and modify', () => {
    expect(message(update({ section, xml: "<interface dev='eth1'/>" }))).toContain(
      'is already an <interface>',
    );
    expect(message(update({ section, command: 'delete', xml: "<interface dev='eth9'/>" }))).toContain(
      'matches no',
    );
    const busy = natNetwork();
    if (busy.forward) busy.forward.interfaces = [{ dev: 'eth1', connections: 2 }];
    expect(message(update({ section, command: 'delete', xml: "<interface dev='eth1'/>" }, busy))).toContain(
      'is in use by 2',
    );
    expect(message(update({ section, command: 'modify', xml: "<interface dev='eth1'/>" }))).toContain(
      'cannot be modified',
    );
  });
});

describe('portgroup', () => {
  const section = 'portgroup' as const;
  const withGroups = (): NetworkDef => ({
    ...natNetwork(),
    portgroups: [{ name: 'bob', default: 'yes' }, { name: 'alice' }],
  });

  it('adds, modifies and deletes by name', () => {
    const xml =
      "<portgroup name='alice'><vlan trunk='yes'><tag id='808' nativeMode='untagged'/></vlan></portgroup>";
    const modified = value(update({ section, command: 'modify', xml }, withGroups()));
    expect(modified.portgroups[1]?.vlan?.tags).toEqual([
      { at: { line: 1, col: 43 }, id: 808, nativeMode: 'untagged' },
    ]);
    expect(
      value(update({ section, command: 'delete', xml: "<portgroup name='bob'/>" }, withGroups())).portgroups,
    ).toHaveLength(1);
    expect(message(update({ section, xml: "<portgroup name='alice'/>" }, withGroups()))).toContain(
      'existing <portgroup>',
    );
    expect(
      message(update({ section, command: 'delete', xml: "<portgroup name='carol'/>" }, withGroups())),
    ).toContain('matches no existing <portgroup>');
  });

  it('allows one default only', () => {
    expect(
      message(update({ section, xml: "<portgroup name='carol' default='yes'/>" }, withGroups())),
    ).toContain("cannot be the default: 'bob' already is");
  });
});

describe('dns-host, dns-txt, dns-srv', () => {
  it('adds a DNS host (refusing the same ip) and deletes by ip or a shared hostname', () => {
    const section = 'dns-host' as const;
    const added = value(update({ section, xml: "<host ip='192.168.122.5'><hostname>www</hostname></host>" }));
    expect(added.dns?.hosts).toEqual([{ at: { line: 1, col: 1 }, ip: '192.168.122.5', hostnames: ['www'] }]);
    expect(
      message(update({ section, xml: "<host ip='192.168.122.5'><hostname>w2</hostname></host>" }, added)),
    ).toContain('has the ip of an existing');
    const gone = value(
      update({ section, command: 'delete', xml: '<host><hostname>www</hostname></host>' }, added),
    );
    expect(gone.dns).toBeUndefined();
    expect(message(update({ section, xml: '<host><hostname>gateway</hostname></host>' }))).toContain(
      'has no ip attribute',
    );
    expect(message(update({ section, command: 'delete', xml: "<host protocol='name'/>" }))).toContain(
      'needs an ip or a <hostname>',
    );
  });

  it('adds and deletes TXT records by name', () => {
    const section = 'dns-txt' as const;
    const added = value(update({ section, xml: "<txt name='snowman' value='water'/>" }));
    expect(added.dns?.txts.map((t) => t.name)).toEqual(['snowman']);
    expect(message(update({ section, xml: "<txt name='snowman' value='ice'/>" }, added))).toContain(
      'existing DNS <txt>',
    );
    expect(
      value(update({ section, command: 'delete', xml: "<txt name='snowman'/>" }, added)).dns,
    ).toBeUndefined();
    expect(message(update({ section, xml: "<txt name='a b' value='x'/>" }))).toContain(
      'may not contain spaces',
    );
  });

  it('matches SRV records on the fields given and refuses an ambiguous delete', () => {
    const section = 'dns-srv' as const;
    let def = value(
      update({ section, xml: "<srv service='name' protocol='tcp' domain='a' target='.' port='1'/>" }),
    );
    def = value(update({ section, xml: "<srv service='name' protocol='tcp' domain='b'/>" }, def));
    expect(message(update({ section, command: 'delete', xml: "<srv service='name'/>" }, def))).toContain(
      'matches 2 DNS <srv> records',
    );
    const one = value(update({ section, command: 'delete', xml: "<srv domain='b'/>" }, def));
    expect(one.dns?.srvs.map((s) => s.domain)).toEqual(['a']);
    expect(message(update({ section, xml: "<srv protocol='tcp'/>" }))).toContain('needs a service attribute');
    expect(
      message(update({ section, xml: "<srv service='x' protocol='tcp' port='70000' target='t'/>" })),
    ).toContain('out of range');
  });
});

describe('sections libvirt cannot update', () => {
  it.each(['bridge', 'domain', 'ip', 'forward', 'forward-pf'] as const)('%s', (section) => {
    expect(message(update({ section, xml: '<bridge/>' }))).toBe(
      `network 'default': the '${section}' section cannot be updated; use net-edit and restart the network`,
    );
  });
});
