// Whether the host's firewall lets a running network's traffic through: our own
// table is there, every iptables chain that drops carries our accepts (Docker, ufw),
// and no nftables base chain of another table drops it (a hand-written ruleset,
// firewalld). Root only: the caller skips these without the firewall facts.

import { shouldRunDnsmasq } from '../../core/dnsmasq/index.js';
import {
  blockingChains,
  commentsIn,
  type ForeignChain,
  familyCovers,
  guestFamilies,
  type Hook,
  type HostChain,
  type HostChainRule,
  hostChainRules,
  nftAcceptFor,
} from '../../core/firewall/index.js';
import { type IpFamily, managedModeOf } from '../../core/model/index.js';
import { shellWord } from '../../core/names/index.js';
import { neededHostRules } from '../../core/plan/index.js';
import type { ActiveNetwork } from '../engine/active-networks.js';
import type { HostChainReading } from '../engine/host-facts.js';
import type { DoctorFacts } from './doctor-facts.js';
import type { Finding } from './health-report.js';

export function firewallFindings(net: ActiveNetwork, facts: DoctorFacts, rootId: string): Finding[] {
  return [
    ...tableFindings(net, facts),
    ...hostChainFindings(net, facts, rootId),
    ...foreignChainFindings(net, facts, rootId),
  ];
}

function tableFindings({ status }: ActiveNetwork, facts: DoctorFacts): Finding[] {
  if (!status.table || !facts.ruleset) return [];
  if (facts.ruleset.chains.some((c) => c.family === 'inet' && c.table === status.table)) return [];
  return [
    {
      id: `table:${status.name}`,
      network: status.name,
      severity: 'error',
      title: `network '${status.name}' has lost its firewall table inet ${status.table}`,
      cause:
        'somebody removed it: `nft flush ruleset` (the first line of most /etc/nftables.conf files, run on every reload of the nftables service) deletes every table',
      evidence: [`nft list tables shows no table inet ${status.table}`],
      fix: 'Switchyard loads it again (any switchyard command as root does, or the fix below)',
      repair: 'restore',
    },
  ];
}

function hostChainFindings({ def, status }: ActiveNetwork, facts: DoctorFacts, rootId: string): Finding[] {
  const reading = facts.iptables;
  if (!reading) return [];
  if (managedModeOf(def) === 'open') return openModeFindings(status.name, status.bridge, reading.facts);
  const missing = neededHostRules(def, status.bridge, rootId, reading.facts).filter((r) => {
    const listing = reading.listings[r.family];
    return listing !== undefined && !commentsIn(listing, r.chain).has(r.comment);
  });
  return groupByChain(missing).map(([family, chain, rules]) => ({
    id: `host-chain:${status.name}:${family}:${chain}`,
    network: status.name,
    severity: 'error',
    title: `the host's ${tool(family)} ${chain} chain drops traffic of network '${status.name}'`,
    cause: `${chain} drops what nobody accepted (Docker and ufw set it so), and the accepts Switchyard adds there for this network are missing: the chain started dropping after the network started, or somebody flushed it`,
    evidence: [
      `${tool(family)} -S ${chain}: ${reading.facts[family]?.drops[chain] ?? ''}`,
      `missing: ${rules.map((r) => r.comment).join(', ')}`,
    ],
    fix: "Switchyard inserts its accepts again (any switchyard command as root does, or the fix below); it never changes the policy or anybody else's rules",
    repair: 'restore',
  }));
}

/** Open mode promises no rules of ours: the host's firewall decides, and here it drops. */
function openModeFindings(name: string, bridge: string, chains: HostChainReading['facts']): Finding[] {
  return (['ipv4', 'ipv6'] as const).flatMap((family) => {
    const drop = chains[family]?.drops.FORWARD;
    if (!drop) return [];
    return [
      {
        id: `open-mode:${name}:${family}`,
        network: name,
        severity: 'error' as const,
        title: `the host's ${tool(family)} FORWARD chain drops traffic of open network '${name}'`,
        cause:
          "in open mode Switchyard adds no firewall rules at all; the host's firewall decides, and its FORWARD chain drops",
        evidence: [`${tool(family)} -S FORWARD: ${drop}`],
        fix: `allow the bridge in your firewall's configuration, or use mode='route' to have Switchyard add exactly the rules the network needs`,
        commands: [
          `${tool(family)} -I FORWARD -i ${bridge} -j ACCEPT`,
          `${tool(family)} -I FORWARD -o ${bridge} -j ACCEPT`,
        ],
      },
    ];
  });
}

function foreignChainFindings(net: ActiveNetwork, facts: DoctorFacts, rootId: string): Finding[] {
  if (!facts.ruleset) return [];
  const { def, status } = net;
  const families = guestFamilies(def);
  const skipTables = (['ipv4', 'ipv6'] as const)
    .filter((f) => facts.iptables?.listings[f])
    .map((f) => (f === 'ipv4' ? 'ip filter' : 'ip6 filter'));
  const hooks: Hook[] = [
    ...(managedModeOf(def) === 'isolated' ? [] : ['forward' as const]),
    ...(shouldRunDnsmasq(def) ? ['input' as const, 'output' as const] : []),
  ];
  const needed = hostChainRules(def, status.bridge, rootId);
  return blockingChains(facts.ruleset, { bridge: status.bridge, families, hooks, skipTables }).map((c) =>
    foreignFinding(c, status.name, status.bridge, needed),
  );
}

function foreignFinding(c: ForeignChain, name: string, bridge: string, needed: HostChainRule[]): Finding {
  const firewalld = c.table === 'firewalld';
  const chain = c.hook.toUpperCase() as HostChain;
  const rules = needed.filter((r) => r.chain === chain && familyCovers(c.family, r.family));
  // One shell word for the rule: its quoted names and comment must reach nft intact.
  const insert = (rule: string) => `nft insert rule ${c.family} ${c.table} ${c.chain} ${shellWord(rule)}`;
  const nftRules = rules.length
    ? rules.map((r) => insert(nftAcceptFor(r)))
    : [insert(`iifname "${bridge}" accept`), insert(`oifname "${bridge}" accept`)];
  return {
    id: `foreign-chain:${name}:${c.family}:${c.table}:${c.chain}`,
    network: name,
    severity: 'error',
    title: `${firewalld ? "firewalld's" : 'another'} nftables chain ${c.family} ${c.table} ${c.chain} drops ${c.hook === 'forward' ? 'the forwarded traffic' : c.hook === 'input' ? 'the DHCP and DNS requests' : 'the DHCP and DNS replies'} of network '${name}'`,
    cause:
      "nftables runs every base chain at a hook and a packet passes only if none drops it, so the accepts in our own table cannot overrule this chain; Switchyard does not write into other programs' rulesets, which their next reload would undo anyway",
    evidence: [c.evidence],
    fix: firewalld
      ? `put the bridge into a zone that accepts it (runtime and permanent)`
      : `accept the network's traffic in that chain, and add the same rules to the file that defines table ${c.family} ${c.table} (e.g. /etc/nftables.conf) so they survive its next reload`,
    commands: firewalld
      ? [
          `firewall-cmd --zone=trusted --add-interface=${bridge}`,
          `firewall-cmd --permanent --zone=trusted --add-interface=${bridge}`,
        ]
      : nftRules,
  };
}

function groupByChain(rules: HostChainRule[]): [IpFamily, HostChain, HostChainRule[]][] {
  const groups = new Map<string, [IpFamily, HostChain, HostChainRule[]]>();
  for (const r of rules) {
    const key = `${r.family} ${r.chain}`;
    const g = groups.get(key) ?? [r.family, r.chain, []];
    g[2].push(r);
    groups.set(key, g);
  }
  return [...groups.values()];
}

const tool = (family: IpFamily): string => (family === 'ipv4' ? 'iptables' : 'ip6tables');
