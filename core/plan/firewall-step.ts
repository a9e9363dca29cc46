// The network's own nftables table, loaded and deleted as one transaction each.
// Open mode gets no table: the host's own firewall decides what crosses.
import { firewallDeleteScript, firewallRuleset, tableNameFor, wantsFirewall } from '../firewall/index.js';
import type { NetworkDef } from '../model/network.js';
import type { Step } from './host-op.js';

export function firewallTable(def: NetworkDef, bridge: string): string | undefined {
  return wantsFirewall(def) ? tableNameFor(def, bridge) : undefined;
}

export function firewallStep(def: NetworkDef, bridge: string): Step {
  const table = firewallTable(def, bridge);
  if (table === undefined)
    return { id: 'firewall', title: 'no firewall rules (open mode)', do: [], undo: [] };
  return {
    id: 'firewall',
    title: `load nftables table inet ${table}`,
    do: [{ op: 'nft', script: firewallRuleset(def, { bridge, tableName: table, empty: 'flush' }) }],
    undo: firewallStopOps(table),
  };
}

/** The delete script works whether or not the table still exists. */
export function firewallStopOps(table: string | undefined): Step['undo'] {
  return table === undefined ? [] : [{ op: 'nft', script: firewallDeleteScript(table) }];
}
