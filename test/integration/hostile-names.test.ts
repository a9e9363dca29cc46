// Names that look like options or keywords to ip and nft, for real in a private
// namespace. Bridge names may hold '-' and '.', so '-f' or 'help' are valid; every
// command must take them as the value they are, never as a flag or a keyword. Network
// names with shell and path characters go only through the encoded file stem.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileStem } from '../../core/names/file-stem.js';
import { ensureBuilt, writeXml } from './harness/engine-client.js';
import { EMPTY, snapshot } from './harness/inspect.js';
import { netXml } from './harness/network-xml.js';
import { skipReason } from './harness/preconditions.js';
import { createTopology, type Topology } from './harness/topology.js';

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

describe.skipIf(skipReason !== undefined)('names that look like arguments (namespace)', () => {
  let topo: Topology;
  const sy = (args: string[]) =>
    topo.runInHost(process.execPath, [CLI, ...args], { env: { ...topo.env, SWITCHYARD_NO_DEFAULT: '1' } });
  const ok = async (args: string[]) => {
    const r = await sy(args);
    expect(r.stderr, `switchyard ${args.join(' ')}`).toBe('');
    expect(r.code).toBe(0);
    return r.stdout;
  };

  beforeAll(async () => {
    await ensureBuilt();
    topo = await createTopology();
  });
  afterAll(async () => {
    await topo?.cleanup();
  });

  it.each(['-f', '--help', 'help', 'dev', 'type', '-n'])(
    'runs a bridge named %j as that bridge in ip, sysctl and nft, and removes it',
    async (bridge) => {
      const file = writeXml(
        topo,
        'argbr',
        netXml({ name: 'argbr', bridge, net: '192.168.164', mode: 'nat' }),
      );
      await ok(['net-create', file]);
      const snap = await snapshot(topo);
      expect(snap.links).toEqual([bridge]);
      expect(snap.tables).toHaveLength(1);
      expect(snap.dnsmasq).toHaveLength(1);
      const addr = await topo.runInHost('ip', ['-o', '-4', 'addr', 'show', 'dev', bridge]);
      expect(addr.stdout).toContain('192.168.164.1/24');
      const acceptRa = await topo.runInHost('cat', [`/proc/sys/net/ipv6/conf/${bridge}/accept_ra`]);
      expect(acceptRa.stdout).toBe('0\n');
      const rules = await topo.runInHost('nft', ['list', 'table', ...snap.tables[0]!.split(' ')]);
      expect(rules.stdout).toContain(`"${bridge}"`);
      await ok(['net-destroy', 'argbr']);
      expect(await snapshot(topo)).toEqual(EMPTY);
    },
  );

  it.each(['$(reboot)', '-rf', '--help', 'a;b&&c', '`id`', 'it\'s "quoted"'])(
    'keeps the network %j to its encoded files and removes them',
    async (name) => {
      const xml = netXml({
        name: 'placeholder',
        bridge: 'syarg0',
        net: '192.168.165',
        mode: 'isolated',
      }).replace(
        '<name>placeholder</name>',
        `<name>${name.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll("'", '&apos;')}</name>`,
      );
      await ok(['net-define', writeXml(topo, 'argname', xml)]);
      await ok(['net-start', '--', name]);
      expect(readdirSync(topo.dirs.config).filter((f) => f.endsWith('.xml'))).toEqual([
        `${fileStem(name)}.xml`,
      ]);
      expect(existsSync(`${topo.dirs.state}/${fileStem(name)}.conf`)).toBe(true);
      await ok(['net-destroy', '--', name]);
      await ok(['net-undefine', '--', name]);
      expect(await snapshot(topo)).toEqual(EMPTY);
      expect(readdirSync(topo.dirs.config).filter((f) => f.endsWith('.xml'))).toEqual([]);
    },
  );
});
