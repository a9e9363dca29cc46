// <dnsmasq:option> across the privilege boundary, for real in a private namespace.
// dnsmasq runs as root, so `dhcp-script=/path/hook.sh` runs hook.sh as root on
// every lease: shown here with root's own CLI (root may), then refused by the real
// root helper, which serves unprivileged callers, together with the other options
// that name a program, file, directory or user. What the allowlist keeps still
// starts and serves a guest.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNPRIVILEGED_DNSMASQ_OPTIONS } from '../../core/dnsmasq/option-allowlist.js';
import type { HelperClient } from '../../host/helper-client/index.js';
import { HostError } from '../../host/host-error.js';
import { helperInNamespace } from './fixtures/helper-in-namespace.js';
import { ensureBuilt, writeXml } from './harness/engine-client.js';
import { EMPTY, snapshot } from './harness/inspect.js';
import { netXml } from './harness/network-xml.js';
import { skipReason } from './harness/preconditions.js';
import { createTopology, type Topology } from './harness/topology.js';

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const NS = " xmlns:dnsmasq='http://libvirt.org/schemas/network/dnsmasq/1.0'";

/** A network with these <dnsmasq:option> lines (the <dnsmasq:options> element is line 10). */
function withOptions(name: string, values: string[]): string {
  const options = values.map((v) => `    <dnsmasq:option value='${v}'/>\n`).join('');
  return netXml({ name, bridge: 'syopt0', net: '192.168.162', mode: 'nat' })
    .replace('<network>', `<network${NS}>`)
    .replace('</network>', `  <dnsmasq:options>\n${options}  </dnsmasq:options>\n</network>`);
}

describe.skipIf(skipReason !== undefined)('dnsmasq options and the root helper (namespace)', () => {
  let topo: Topology;
  let client: HelperClient;
  let hook: string;
  let marker: string;
  const guest = () => topo.guests[0]!;
  const cli = (args: string[]) =>
    topo.runInHost(process.execPath, [CLI, ...args], { env: { ...topo.env, SWITCHYARD_NO_DEFAULT: '1' } });
  const ran = () => readFileSync(marker, 'utf8');
  const pollFor = async (pred: () => boolean) => {
    for (let i = 0; i < 200 && !pred(); i++) await new Promise((r) => setTimeout(r, 50));
    return pred();
  };

  beforeAll(async () => {
    await ensureBuilt();
    topo = await createTopology({ guests: 1 });
    marker = join(topo.dirs.root, 'hook-ran');
    hook = join(topo.dirs.root, 'hook.sh');
    writeFileSync(marker, '');
    chmodSync(marker, 0o666);
    // dnsmasq calls it as: hook.sh add|old|del MAC IP [HOSTNAME]; it records who ran it.
    writeFileSync(hook, `#!/bin/sh\necho "$1 $2 uid=$(id -u)" >> ${marker}\n`, { mode: 0o755 });
    client = helperInNamespace(topo);
  });
  afterAll(async () => {
    await client?.close();
    await topo?.cleanup();
  });

  it('root using the CLI may set dhcp-script: net-validate warns, and the hook runs as root on a lease', async () => {
    const file = writeXml(topo, 'hook', withOptions('hook', [`dhcp-script=${hook}`]));
    const validated = await cli(['net-validate', file]);
    expect(validated.code).toBe(0);
    expect(validated.stdout).toBe(`Network definition ${file} is valid\n`);
    expect(validated.stderr).toBe(
      `warning: network 'hook': <dnsmasq:option value='dhcp-script=${hook}'> (line 11:5) sets 'dhcp-script', which runs a program as root; the app and the helper refuse it; only root can define this network\n`,
    );
    expect((await cli(['net-create', file])).code).toBe(0);
    try {
      await topo.plugGuest(guest(), 'syopt0', { mac: '52:54:00:aa:00:01' });
      expect(await topo.dhcp(guest())).toBeDefined();
      expect(await pollFor(() => ran().includes('add 52:54:00:aa:00:01 uid=0'))).toBe(true);
    } finally {
      await topo.unplugGuest(guest());
      await cli(['net-destroy', 'hook']);
    }
    writeFileSync(marker, '');
  });

  const rootOnly = (option: string, why: string) => (verb: string) =>
    `sets '${option}', which ${why}; only root may set it: sudo switchyard ${verb} FILE`;
  // Switchyard's own config sets these two for every network: refused for everyone.
  const alreadySet = (option: string) => () =>
    `sets '${option}', which Switchyard already sets for this network; dnsmasq takes it only once`;

  it.each([
    ['dhcp-script=HOOK', 'access-denied', rootOnly('dhcp-script', 'runs a program as root')],
    ['log-facility=/tmp/sy-any-path', 'access-denied', rootOnly('log-facility', 'writes a file as root')],
    ['conf-file=/etc/dnsmasq.conf', 'access-denied', rootOnly('conf-file', 'reads a file as root')],
    [
      'addn-hosts=/etc/shadow',
      'access-denied',
      rootOnly('addn-hosts', 'reads a file as root and serves it over DNS'),
    ],
    ['tftp-root=/', 'access-denied', rootOnly('tftp-root', 'serves a directory to every guest')],
    ['dhcp-leasefile=/etc/sy-leases', 'validation', alreadySet('dhcp-leasefile')],
    ['user=root', 'validation', alreadySet('user')],
  ])('the helper refuses %s on define and create, and nothing runs or changes', async (line, code, text) => {
    const value = line.replace('HOOK', hook);
    const xml = withOptions('refused', ['no-ping', value]);
    for (const [verb, change] of [
      ['net-define', () => client.define(xml)],
      ['net-create', () => client.create(xml)],
    ] as const) {
      const err = await change().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(HostError);
      expect((err as HostError).code).toBe(code);
      expect((err as HostError).message).toBe(
        `network 'refused': <dnsmasq:option value='${value}'> (line 12:5) ${text(verb)}`,
      );
    }
    expect(await snapshot(topo)).toEqual(EMPTY);
    expect((await cli(['net-list', '--all', '--name'])).stdout.trim()).toBe('');
    expect(ran()).toBe('');
  });

  it('the helper starts a network with options from the allowlist, and a guest gets its lease', async () => {
    const xml = withOptions('kept', [
      'no-ping',
      'dhcp-option=option:dns-server,192.168.162.1',
      'cache-size=100',
      'dhcp-rapid-commit',
      'log-dhcp',
    ]);
    await client.create(xml);
    try {
      await topo.plugGuest(guest(), 'syopt0');
      const lease = await topo.dhcp(guest());
      expect(lease?.ip).toMatch(/^192\.168\.162\./);
    } finally {
      await topo.unplugGuest(guest());
      await client.destroy('kept');
    }
    expect(await snapshot(topo)).toEqual(EMPTY);
  });

  it('every option on the allowlist is one the installed dnsmasq knows', async () => {
    const conf = join(topo.dirs.root, 'one-option.conf');
    const unknown: string[] = [];
    for (const option of UNPRIVILEGED_DNSMASQ_OPTIONS) {
      writeFileSync(conf, `${option}\n`);
      // Without its argument an option may fail the check, but only an unknown one is a "bad option".
      const r = await topo.runInHost('dnsmasq', ['--test', `--conf-file=${conf}`]);
      if (/bad option/.test(r.stderr)) unknown.push(option);
    }
    expect(unknown).toEqual([]);
  });
});
