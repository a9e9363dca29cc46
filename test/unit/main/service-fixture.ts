// Private state directories and a NetworkControl that only records what it was asked,
// writing the definition file as the real one would, for testing main without root.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NetworkControl } from '../../../host/networks/network-control.js';
import { type HostPaths, hostPaths } from '../../../host/paths.js';

export function labXml(name: string, third = 50): string {
  return `<network>
  <name>${name}</name>
  <uuid>3e3fce45-4f53-4fa7-bb32-11f34168b8${String(third).padStart(2, '0')}</uuid>
  <forward mode='nat'/>
  <bridge name='virbr${third}'/>
  <ip address='192.168.${third}.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='192.168.${third}.2' end='192.168.${third}.254'/>
    </dhcp>
  </ip>
</network>
`;
}

export interface Fixture {
  paths: HostPaths;
  calls: string[];
  control: NetworkControl;
  writeDefinition(name: string, xml: string): void;
  cleanup(): void;
}

export function makeFixture(): Fixture {
  const root = mkdtempSync(join(tmpdir(), 'sy-main-'));
  const paths = hostPaths({
    SWITCHYARD_CONFIG_DIR: join(root, 'config'),
    SWITCHYARD_RUN_DIR: join(root, 'run'),
    SWITCHYARD_STATE_DIR: join(root, 'state'),
  });
  for (const d of [paths.configDir, paths.runDir, paths.stateDir]) mkdirSync(d, { recursive: true });
  const calls: string[] = [];
  const writeDefinition = (name: string, xml: string) =>
    writeFileSync(join(paths.configDir, `${name}.xml`), xml);
  const control: NetworkControl = {
    define: async (xml) => {
      const name = /<name>([^<]+)<\/name>/.exec(xml)?.[1] ?? '?';
      calls.push(`define ${name}`);
      writeDefinition(name, xml);
      return { name, uuid: 'u' };
    },
    create: async () => {
      calls.push('create');
      return { name: 'x', uuid: 'u' };
    },
    start: async (n) => void calls.push(`start ${n}`),
    destroy: async (n) => void calls.push(`destroy ${n}`),
    undefine: async (n) => void calls.push(`undefine ${n}`),
    setAutostart: async (n, on) => void calls.push(`autostart ${n} ${on}`),
    setUnprivilegedAttach: async (n, on) => void calls.push(`userAttach ${n} ${on}`),
    defineAndStart: async (xml, opts) => {
      const name = /<name>([^<]+)<\/name>/.exec(xml)?.[1] ?? '?';
      calls.push(`defineAndStart ${name} autostart=${opts.autostart} start=${opts.start}`);
      writeDefinition(name, xml);
      return { name, uuid: 'u' };
    },
    restart: async (n) => void calls.push(`restart ${n}`),
    remove: async (n) => void calls.push(`remove ${n}`),
    applyFix: async (n, fix) => {
      calls.push(`applyFix ${n} ${fix.kind}`);
      return { started: true };
    },
    reserve: async (n, l) => {
      calls.push(`reserve ${n} ${l.mac} ${l.ip}${l.hostname ? ` ${l.hostname}` : ''}`);
      return { name: n, live: true, config: true, signalledPid: 1 };
    },
    update: async (n, req) => {
      calls.push(`update ${n} ${req.command} ${req.section}`);
      return { name: n, live: true, config: false };
    },
    doctor: async (n) => {
      calls.push(`doctor ${n ?? ''}`);
      return { ok: true, complete: true, checked: [], findings: [] };
    },
    repair: async (actions) => {
      calls.push(`repair ${actions.join(',')}`);
      return { ok: true, complete: true, checked: [], findings: [] };
    },
  };
  return {
    paths,
    calls,
    control,
    writeDefinition,
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
