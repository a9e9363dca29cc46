// <forward> and <bridge> as libvirt's virNetworkDefFormatBuf prints them. libvirt
// holds one device pool: dev='x' is its first entry, so <forward dev='eth1'/>
// comes back as <forward dev='eth1' mode='nat'> with <interface dev='eth1'/>
// inside, and a pool of <interface> entries gets dev= from the first one.
import {
  effectiveMode,
  type ForwardDef,
  type ForwardInterface,
  type NatDef,
  type NetworkDef,
  type PciAddress,
} from '../model/network.js';
import { attr, type XmlWriter } from './xml-writer.js';

type Pool = { kind: 'netdev'; devices: ForwardInterface[] } | { kind: 'pci'; devices: PciAddress[] };

/** libvirt's forward.ifs: dev plus <interface>s, else PCI <address>es. */
function devicePool(fwd: ForwardDef): Pool | undefined {
  const [first, ...rest] = fwd.interfaces;
  if (fwd.dev !== undefined) return { kind: 'netdev', devices: [{ ...first, dev: fwd.dev }, ...rest] };
  if (first) return { kind: 'netdev', devices: fwd.interfaces };
  if (fwd.addresses.length > 0) return { kind: 'pci', devices: fwd.addresses };
  return undefined;
}

function hasNatContent(nat: NatDef | undefined): boolean {
  return (
    !!nat &&
    (nat.addressStart !== undefined || nat.addressEnd !== undefined || !!nat.portStart || !!nat.portEnd)
  );
}

export function formatForward(w: XmlWriter, fwd: ForwardDef | undefined, inactive: boolean): void {
  if (!fwd) return;
  const mode = fwd.mode ?? 'nat';
  const pool = devicePool(fwd);
  const nat = mode === 'nat' ? fwd.nat : undefined;
  const dev = fwd.pfs.length === 0 && pool?.kind === 'netdev' ? pool.devices[0]?.dev : undefined;
  const managed = mode === 'hostdev' ? (fwd.managed === 'yes' ? 'yes' : 'no') : undefined;
  const head = `<forward${attr('dev', dev)}${attr('mode', mode)}${attr('managed', managed)}`;
  const short = !pool && fwd.pfs.length === 0 && !fwd.driver && !hasNatContent(nat) && !nat?.ipv6;
  if (short) {
    w.line(`${head}/>`);
    return;
  }
  w.open(`${head}>`);
  if (fwd.driver) w.line(`<driver${attr('name', fwd.driver.name)}/>`);
  if (nat) formatNat(w, nat);
  // libvirt keeps at most one <pf>.
  const pf = fwd.pfs[0];
  if (pf) w.line(`<pf${attr('dev', pf.dev)}/>`);
  // The VF pool found from a <pf> is live state, left out of the inactive view.
  if (pool && (!pf || !inactive)) formatPool(w, pool, inactive);
  w.close('</forward>');
}

function formatPool(w: XmlWriter, pool: Pool, inactive: boolean): void {
  if (pool.kind === 'pci') {
    for (const a of pool.devices) {
      w.line(
        `<address type='pci'${attr('domain', a.domain)}${attr('bus', a.bus)}${attr('slot', a.slot)}${attr('function', a.function)}/>`,
      );
    }
    return;
  }
  for (const i of pool.devices) {
    const connections = !inactive && i.connections ? i.connections : undefined;
    w.line(`<interface${attr('dev', i.dev)}${attr('connections', connections)}/>`);
  }
}

function formatNat(w: XmlWriter, nat: NatDef): void {
  const head = `<nat${attr('ipv6', nat.ipv6)}`;
  if (!hasNatContent(nat)) {
    if (nat.ipv6) w.line(`${head}/>`);
    return;
  }
  w.open(`${head}>`);
  if (nat.addressStart !== undefined) {
    w.line(`<address${attr('start', nat.addressStart)}${attr('end', nat.addressEnd)}/>`);
  }
  if (nat.portStart || nat.portEnd) {
    w.line(`<port${attr('start', nat.portStart ?? 0)}${attr('end', nat.portEnd || undefined)}/>`);
  }
  w.close('</nat>');
}

/** Modes whose bridge Switchyard (like libvirt) creates, so stp and delay apply. */
function hasOwnBridge(def: Pick<NetworkDef, 'forward'>): boolean {
  const mode = effectiveMode(def);
  return mode === 'isolated' || mode === 'nat' || mode === 'route' || mode === 'open';
}

export function formatBridge(w: XmlWriter, def: NetworkDef): void {
  const bridge = def.bridge;
  const own = hasOwnBridge(def);
  if (!own && bridge?.name === undefined && bridge?.macTableManager === undefined) return;
  let line = `<bridge${attr('name', bridge?.name)}${attr('zone', bridge?.zone)}`;
  if (own) line += `${attr('stp', bridge?.stp === 'off' ? 'off' : 'on')}${attr('delay', bridge?.delay ?? 0)}`;
  w.line(`${line}${attr('macTableManager', bridge?.macTableManager)}/>`);
}
