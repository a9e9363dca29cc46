// The read side of the networks: list, lookup by name or UUID, info, XML, the saved
// definition. State files only, no engine and no privileges: main, the web shell and
// the CLI's read verbs use it as any user; Registry (registry.ts) adds the changes.
import { ipDefPrefix } from '../../core/addr/index.js';
import { readNetworkDefinition } from '../../core/definition.js';
import { ipFamily, type NetworkDef } from '../../core/model/index.js';
import { HostError, notFound } from '../host-error.js';
import type { HostPaths } from '../paths.js';
import { linkExists } from '../readers/link-exists.js';
import { IdentityIndex } from '../state/identity-index.js';
import * as store from '../state/state-store.js';
import type { NetworkStatus } from '../state/status.js';

export interface NetworkSummary {
  name: string;
  active: boolean;
  persistent: boolean;
  autostart: boolean;
  /**
   * Why a network that has a status is not counted active: the status is damaged or
   * its bridge is gone. Only an unprivileged reader sees this; as root every command
   * reconciles first, which repairs both.
   */
  problem?: NetworkProblem;
}

export interface NetworkProblem {
  kind: 'damaged-status' | 'bridge-gone';
  message: string;
}

export interface NetworkIdentity {
  name: string;
  uuid: string | undefined;
  bridge: string | undefined;
}

export interface NetworkInfo extends NetworkSummary {
  uuid: string;
  bridge: string | undefined;
}

type StatusRead = ReturnType<typeof store.readStatusRecord>;

export class NetworkReads {
  constructor(readonly paths: HostPaths) {}

  list(): NetworkSummary[] {
    const defined = new Set(store.listDefinedNames(this.paths));
    const active = new Set(store.listActiveNames(this.paths));
    const names = [...new Set([...defined, ...active])].sort();
    return names.map((name) => this.summary(name, defined.has(name), active.has(name)));
  }

  private summary(name: string, defined: boolean, hasStatus: boolean): NetworkSummary {
    return this.summaryOf(name, defined, hasStatus ? store.readStatusRecord(this.paths, name) : undefined);
  }

  /** READ is the status files as read once (undefined: there are none). */
  private summaryOf(name: string, defined: boolean, read: StatusRead | undefined): NetworkSummary {
    const hasStatus = read !== undefined;
    const status = read?.record?.status;
    const persistent = defined || (status?.persistent ?? false);
    const problem = read ? activeProblem(read.damage, status) : undefined;
    return {
      name,
      active: hasStatus && problem === undefined,
      persistent,
      autostart: defined && store.isAutostart(this.paths, name),
      ...(problem === undefined ? {} : { problem }),
    };
  }

  /** NET is a name or a UUID, as in virsh. */
  resolve(net: string): string {
    if (this.exists(net)) return net;
    const byUuid = this.identities().find((n) => n.uuid === net.toLowerCase());
    if (!byUuid) throw notFound(net);
    return byUuid.name;
  }

  private exists(name: string): boolean {
    return store.hasDefinition(this.paths, name) || store.hasStatus(this.paths, name);
  }

  /**
   * Name, UUID and bridge of every network: the live status for active ones, else the
   * saved definition's, from the identity index (host/state/identity-index.ts). Define
   * checks against all of them, so this must stay cheap at 1,000 networks.
   */
  identities(index = IdentityIndex.read(this.paths)): NetworkIdentity[] {
    const byName = new Map(index.identities().map((i) => [i.name, i]));
    for (const name of store.listActiveNames(this.paths)) {
      const status = store.readActive(this.paths, name)?.status;
      if (status) byName.set(name, { name, uuid: status.uuid.toLowerCase(), bridge: status.bridge });
      else if (!byName.has(name)) byName.set(name, { name, uuid: undefined, bridge: undefined });
    }
    return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  uuidOf(name: string): string | undefined {
    const active = store.readActive(this.paths, name);
    if (active) return active.status.uuid;
    return this.definition(name)?.uuid;
  }

  /** The saved definition (next start), if the network is persistent. */
  definition(name: string): NetworkDef | undefined {
    const xml = store.readDefinitionXml(this.paths, name);
    if (xml === undefined) return undefined;
    const parsed = readNetworkDefinition(xml);
    if (!parsed.ok)
      throw new HostError(
        'internal',
        `stored definition of network '${name}' is unreadable: ${parsed.error.message}`,
      );
    return parsed.value;
  }

  info(net: string): NetworkInfo {
    const name = this.resolve(net);
    const read = store.readStatusRecord(this.paths, name);
    const hasStatus = read.record !== undefined || read.damage !== undefined;
    const def = this.definition(name);
    const active = read.record;
    return {
      ...this.summaryOf(name, def !== undefined, hasStatus ? read : undefined),
      uuid: active?.status.uuid ?? def?.uuid ?? '',
      bridge: active?.status.bridge ?? def?.bridge?.name,
    };
  }

  dumpXml(net: string, inactive: boolean): string {
    const name = this.resolve(net);
    const active = store.readActive(this.paths, name);
    const saved = store.readDefinitionXml(this.paths, name);
    if (active && (!inactive || saved === undefined)) return active.xml;
    return saved ?? '';
  }

  /** Prefix length per family of the DHCP-serving <ip>, for showing leases as CIDRs. */
  leasePrefixes(name: string): Partial<Record<'ipv4' | 'ipv6', number>> {
    const active = store.readActive(this.paths, name);
    const parsed = active ? readNetworkDefinition(active.xml) : undefined;
    const def = parsed?.ok ? parsed.value : this.definition(name);
    const out: Partial<Record<'ipv4' | 'ipv6', number>> = {};
    for (const ip of def?.ips ?? []) {
      const prefix = ipDefPrefix(ip);
      if (ip.dhcp && prefix !== undefined) out[ipFamily(ip)] = prefix;
    }
    return out;
  }

  activeStatus(net: string): NetworkStatus | undefined {
    return store.readActive(this.paths, this.resolve(net))?.status;
  }
}

function activeProblem(
  damage: string | undefined,
  status: NetworkStatus | undefined,
): NetworkProblem | undefined {
  if (damage !== undefined)
    return { kind: 'damaged-status', message: `${damage}; any command as root repairs it` };
  if (status && !linkExists(status.bridge))
    return { kind: 'bridge-gone', message: `its bridge ${status.bridge} is gone` };
  return undefined;
}
