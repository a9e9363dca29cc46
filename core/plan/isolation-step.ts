// <port isolated='yes'/>: guests of the network reach the host and, through it, the
// outside, but not each other. Enforced without a daemon by a table of the network's
// own, created and removed with it, that drops every frame the bridge forwards from
// one port to another (frames for the host are not forwarded, so they pass):
//  - with nftables' bridge meta (`meta ibrname`), a `bridge` family table whose
//    forward hook drops what enters from a port of this bridge: every kind of frame;
//  - without it (kernels built without nft_meta_bridge), bridge netfilter hands the
//    bridge's IPv4 and IPv6 frames to the inet hooks, where a frame bridged from
//    this bridge to itself shows as iifname = oifname = the bridge, and is dropped.
//    (ARP is not covered there: guests can still resolve each other, not talk.)
// Which one the kernel offers is a host fact read before planning.

import { nftIface } from '../firewall/nft-text.js';
import { TABLE_PREFIX, tableNameFor } from '../firewall/table-name.js';
import type { NetworkDef } from '../model/network.js';
import type { Problem } from '../result.js';
import type { KernelFacts } from './host-facts.js';
import type { HostOp, Step } from './host-op.js';

export const ISOLATION_TABLE_PREFIX = 'syiso_';

/** Named after the bridge with the firewall table's encoding, under a prefix of its own. */
export function isolationTableName(bridge: string): string {
  return ISOLATION_TABLE_PREFIX + tableNameFor(undefined, bridge).slice(TABLE_PREFIX.length);
}

export const wantsIsolation = (def: Pick<NetworkDef, 'port'>): boolean => def.port?.isolated === 'yes';

export type IsolationMethod = 'bridge-meta' | 'br-netfilter';

export function isolationMethod(def: NetworkDef, kernel: KernelFacts | undefined): IsolationMethod | Problem {
  if (kernel?.bridgeMeta) return 'bridge-meta';
  if (kernel?.brNetfilter) return 'br-netfilter';
  return {
    code: 'unsupported',
    network: def.name,
    message: `network '${def.name}': <port isolated='yes'/> needs nftables' bridge meta (module nft_meta_bridge) or bridge netfilter (module br_netfilter), and this kernel has neither`,
  };
}

/** 'FAMILY NAME' of the table the method creates. */
export function isolationTable(method: IsolationMethod, bridge: string): string {
  return `${method === 'bridge-meta' ? 'bridge' : 'inet'} ${isolationTableName(bridge)}`;
}

export function isolationStep(bridge: string, method: IsolationMethod | undefined): Step {
  if (method === undefined)
    return { id: 'isolation', title: 'guests may reach each other (no <port isolated>)', do: [], undo: [] };
  const table = isolationTable(method, bridge);
  const chain = [
    `table ${table} {`,
    '  chain forward {',
    '    type filter hook forward priority 0; policy accept;',
    method === 'bridge-meta'
      ? `    meta ibrname ${nftIface(bridge)} drop`
      : `    iifname ${nftIface(bridge)} oifname ${nftIface(bridge)} drop`,
    '  }',
    '}',
    '',
  ].join('\n');
  const bridgeNetfilter: HostOp[] =
    method === 'br-netfilter'
      ? [
          {
            op: 'ip',
            args: [
              'link',
              'set',
              'dev',
              bridge,
              'type',
              'bridge',
              'nf_call_iptables',
              '1',
              'nf_call_ip6tables',
              '1',
            ],
          },
        ]
      : [];
  return {
    id: 'isolation',
    title: `isolate the guests from each other (nftables table ${table})`,
    do: [...bridgeNetfilter, { op: 'nft', script: chain }],
    // The bridge options go with the bridge.
    undo: isolationStopOps(table),
  };
}

export function isolationStopOps(table: string | undefined): HostOp[] {
  return table === undefined ? [] : [{ op: 'nft', script: `delete table ${table}\n`, absentOk: true }];
}
