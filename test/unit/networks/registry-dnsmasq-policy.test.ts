// The registry that serves unprivileged callers (the root helper, and main's own
// registry behind a renderer) is where every definition enters the host: it
// refuses dnsmasq options that name a program, file, directory or user, before
// anything is saved or started. The registry of root's own CLI takes any option.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NetworkDef } from '../../../core/model/network.js';
import { HostError } from '../../../host/host-error.js';
import type { EnginePort } from '../../../host/networks/engine-port.js';
import { Registry, type Serves } from '../../../host/networks/registry.js';
import { definitionPath, hostPaths } from '../../../host/paths.js';
import type { NetworkStatus } from '../../../host/state/status.js';

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

/** The engine's side of start, recorded: the registry's rules are what is under test. */
function registry(serves: Serves) {
  const root = mkdtempSync(join(tmpdir(), 'sy-policy-'));
  roots.push(root);
  const paths = hostPaths({
    SWITCHYARD_CONFIG_DIR: join(root, 'config'),
    SWITCHYARD_RUN_DIR: join(root, 'run'),
    SWITCHYARD_STATE_DIR: join(root, 'state'),
  });
  const started: string[] = [];
  const engine: EnginePort = {
    start: async (def: NetworkDef) => {
      started.push(def.name);
      return { name: def.name } as NetworkStatus;
    },
    stop: async () => {},
    reconcile: async () => {},
    hostLinkNames: async () => [],
    hostSubnets: async () => [],
    doctor: async () => ({ ok: true, complete: true, checked: [], findings: [] }),
    repair: async () => ({ ok: true, complete: true, checked: [], findings: [] }),
  };
  return { registry: new Registry(paths, engine, serves), paths, started };
}

const withOption = (
  value: string,
) => `<network xmlns:dnsmasq='http://libvirt.org/schemas/network/dnsmasq/1.0'>
  <name>lab</name>
  <forward mode='nat'/>
  <ip address='10.0.0.1' netmask='255.255.255.0'/>
  <dnsmasq:options>
    <dnsmasq:option value='${value}'/>
  </dnsmasq:options>
</network>
`;

async function refusal(p: Promise<unknown>): Promise<HostError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof HostError)) throw new Error(`expected a HostError, got ${String(err)}`);
  return err;
}

describe('dnsmasq options through a registry that serves unprivileged callers', () => {
  it.each([
    'dhcp-script=/path/hook.sh',
    'log-facility=/any/path',
    'conf-file=/tmp/x.conf',
    'addn-hosts=/etc/shadow',
    'dhcp-hostsfile=/etc/x',
    'group=root',
    'tftp-root=/',
  ])('define and create refuse %j, saving and starting nothing', async (value) => {
    const { registry: r, paths, started } = registry('unprivileged');
    const name = value.slice(0, value.indexOf('='));
    for (const [verb, change] of [
      ['net-define', r.define(withOption(value))],
      ['net-create', r.create(withOption(value))],
    ] as const) {
      const err = await refusal(change);
      expect(err.code).toBe('access-denied');
      expect(err.message).toMatch(
        new RegExp(
          `^network 'lab': <dnsmasq:option value='[^']*'> \\(line 6:5\\) sets '${name}', which .*; only root may set it: sudo switchyard ${verb} FILE$`,
        ),
      );
    }
    expect(existsSync(definitionPath(paths, 'lab'))).toBe(false);
    expect(started).toEqual([]);
  });

  it('accepts options that name no program, file, directory or user', async () => {
    const { registry: r, paths, started } = registry('unprivileged');
    await r.define(withOption('dhcp-option=option:dns-server,10.0.0.1'));
    expect(existsSync(definitionPath(paths, 'lab'))).toBe(true);
    await r.create(withOption('cache-size=100').replace('<name>lab</name>', '<name>lab2</name>'));
    expect(started).toEqual(['lab2']);
  });

  it("leaves root's own registry (the CLI run as root) free to set any option", async () => {
    const { registry: r, paths } = registry('root');
    await r.define(withOption('dhcp-script=/usr/local/sbin/lease-hook'));
    expect(existsSync(definitionPath(paths, 'lab'))).toBe(true);
  });
});
