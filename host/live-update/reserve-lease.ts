// "Reserve" in the leases view: turn a guest's current DHCP lease into a static
// <host mac ip name/> entry, on the running network (so dnsmasq keeps the address
// for that MAC from now on) and in the saved definition when there is one.
import { parseIp } from '../../core/addr/index.js';
import { readNetworkDefinition } from '../../core/definition.js';
import type { NetworkDef } from '../../core/model/index.js';
import { HostError, notFound } from '../host-error.js';
import type { HostPaths } from '../paths.js';
import { withLock } from '../state/lock.js';
import * as store from '../state/state-store.js';
import { type UpdateOptions, type UpdateOutcome, updateNetworkLocked } from './update-network.js';

export interface LeaseToReserve {
  mac: string;
  ip: string;
  hostname?: string;
}

export async function reserveLease(
  paths: HostPaths,
  name: string,
  lease: LeaseToReserve,
  options: Pick<UpdateOptions, 'before'> = {},
): Promise<UpdateOutcome> {
  return withLock(paths.runDir, async () => {
    await options.before?.();
    return reserveLeaseLocked(paths, name, lease);
  });
}

/** For callers that already hold the host lock: what is active and saved is read under it. */
export async function reserveLeaseLocked(
  paths: HostPaths,
  name: string,
  lease: LeaseToReserve,
): Promise<UpdateOutcome> {
  if (parseIp(lease.ip)?.family !== 4) {
    throw new HostError(
      'invalid-input',
      `network '${name}': only IPv4 leases can be reserved by MAC; IPv6 hosts need <host id='DUID'> (use net-update)`,
    );
  }
  const active = store.readActive(paths, name) !== undefined;
  const persistent = store.readDefinitionXml(paths, name) !== undefined;
  if (!active && !persistent) throw notFound(name);
  const xml = hostXml(lease, usableName(paths, name, lease.hostname));
  return updateNetworkLocked(
    paths,
    name,
    { command: 'add-last', section: 'ip-dhcp-host', xml },
    { live: active, config: persistent },
  );
}

/**
 * A DHCP client's hostname is kept only if libvirt would accept it and no other
 * static host has it: add refuses a second host with the same name, and guests
 * cloned from one image often send the same hostname.
 */
function usableName(paths: HostPaths, name: string, hostname: string | undefined): string | undefined {
  if (hostname === undefined || !/^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(hostname)) return undefined;
  const taken = (def: NetworkDef | undefined) =>
    def?.ips.some((ip) => ip.dhcp?.hosts.some((h) => h.name === hostname)) ?? false;
  const active = store.readActive(paths, name);
  const saved = store.readDefinitionXml(paths, name);
  if (taken(active ? parsed(active.xml) : undefined) || taken(saved ? parsed(saved) : undefined))
    return undefined;
  return hostname;
}

function parsed(xml: string): NetworkDef | undefined {
  const r = readNetworkDefinition(xml);
  return r.ok ? r.value : undefined;
}

function hostXml(lease: LeaseToReserve, hostname: string | undefined): string {
  const attrs = [
    `mac='${escapeAttr(lease.mac)}'`,
    ...(hostname ? [`name='${escapeAttr(hostname)}'`] : []),
    `ip='${escapeAttr(lease.ip)}'`,
  ];
  return `<host ${attrs.join(' ')}/>`;
}

const escapeAttr = (v: string): string =>
  v
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/'/g, '&apos;')
    .replace(/"/g, '&quot;');
