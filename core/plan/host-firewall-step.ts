// The accepts of ours in the host's iptables chains that drop (see
// core/firewall/host-chain-rules.ts): inserted right after our own table is loaded,
// in one transaction per family, and deleted with the network. Only the chains that
// drop when the network starts get them; reconcile adds them later to a chain that
// starts dropping afterwards (Docker or ufw started after the network).
import { type HostChainRule, hostChainRules } from '../firewall/host-chain-rules.js';
import type { NetworkDef } from '../model/network.js';
import type { HostFacts } from './host-facts.js';
import type { Step } from './host-op.js';

/** The rules this network needs given which host chains drop now. */
export function neededHostRules(
  def: NetworkDef,
  bridge: string,
  rootId: string,
  chains: HostFacts['hostChains'],
): HostChainRule[] {
  return hostChainRules(def, bridge, rootId).filter((r) => chains?.[r.family]?.drops[r.chain] !== undefined);
}

export function hostFirewallStep(rules: HostChainRule[]): Step {
  if (rules.length === 0)
    return { id: 'host-firewall', title: 'no host iptables chain drops this traffic', do: [], undo: [] };
  return {
    id: 'host-firewall',
    title: `accept this network's traffic in the host's dropping iptables chains (${chainNames(rules)})`,
    do: [{ op: 'host-rules-insert', rules }],
    undo: [{ op: 'host-rules-delete', rules }],
  };
}

export function hostRulesStopOps(rules: HostChainRule[] | undefined): Step['undo'] {
  return rules?.length ? [{ op: 'host-rules-delete', rules }] : [];
}

function chainNames(rules: HostChainRule[]): string {
  const names = new Set(rules.map((r) => `${r.family === 'ipv4' ? 'iptables' : 'ip6tables'} ${r.chain}`));
  return [...names].join(', ');
}
