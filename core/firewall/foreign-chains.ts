// Base chains of other tables that drop a network's traffic. nftables runs every
// base chain registered at a hook, and a packet passes only if none of them drops
// it: a hand-written `table inet filter { chain forward { policy drop; } }` or
// firewalld's table stops our guests' traffic whatever our own table accepts. This
// reads `nft -j list ruleset` and names each such chain, unless the chain already
// accepts something on our bridge (the admin let it through). The doctor explains
// them; Switchyard does not write into them (docs/coexistence.md says why).
import type { IpFamily } from '../model/network.js';
import { TABLE_PREFIX } from './table-name.js';

export type Hook = 'input' | 'forward' | 'output';

export interface ForeignChain {
  family: 'ip' | 'ip6' | 'inet';
  table: string;
  chain: string;
  hook: Hook;
  priority: number;
  /** Why it drops: its policy, or its last rule. */
  evidence: string;
}

interface NftChain {
  family: string;
  table: string;
  name: string;
  type?: string;
  hook?: string;
  prio?: number;
  policy?: string;
}

interface NftRule {
  family: string;
  table: string;
  chain: string;
  handle?: number;
  expr?: Record<string, unknown>[];
}

export interface RulesetView {
  chains: NftChain[];
  rules: NftRule[];
}

/** The chains and rules of `nft -j list ruleset`. */
export function rulesetView(json: unknown): RulesetView {
  const items = ((json as { nftables?: unknown[] } | null)?.nftables ?? []) as Record<string, unknown>[];
  return {
    chains: items.flatMap((i) => (i.chain ? [i.chain as NftChain] : [])),
    rules: items.flatMap((i) => (i.rule ? [i.rule as NftRule] : [])),
  };
}

export interface ForeignChainQuery {
  bridge: string;
  families: IpFamily[];
  hooks: Hook[];
  /** Tables to leave out, as 'family name' (iptables' own tables, handled through iptables). */
  skipTables?: string[];
}

export function blockingChains(view: RulesetView, q: ForeignChainQuery): ForeignChain[] {
  return view.chains.flatMap((c): ForeignChain[] => {
    const family = c.family;
    if (family !== 'ip' && family !== 'ip6' && family !== 'inet') return [];
    if (c.table.startsWith(TABLE_PREFIX) || q.skipTables?.includes(`${family} ${c.table}`)) return [];
    const hook = c.hook as Hook | undefined;
    if (!hook || !q.hooks.includes(hook) || (c.type ?? 'filter') !== 'filter') return [];
    if (!q.families.some((f) => familyCovers(family, f))) return [];
    const rules = view.rules.filter((r) => r.family === family && r.table === c.table && r.chain === c.name);
    const evidence = dropEvidence(c, rules);
    if (!evidence || rules.some((r) => acceptsBridge(r, q.bridge))) return [];
    return [{ family, table: c.table, chain: c.name, hook, priority: c.prio ?? 0, evidence }];
  });
}

export function familyCovers(chainFamily: string, family: IpFamily): boolean {
  return chainFamily === 'inet' || (chainFamily === 'ip') === (family === 'ipv4');
}

function dropEvidence(c: NftChain, rules: NftRule[]): string | undefined {
  const head = `table ${c.family} ${c.table} chain ${c.name} (hook ${c.hook} priority ${c.prio ?? 0}`;
  if (c.policy === 'drop') return `${head}, policy drop)`;
  const last = rules.at(-1);
  const verdict = last?.expr?.find((e) => 'drop' in e || 'reject' in e);
  const conditional = last?.expr?.some((e) => 'match' in e);
  if (last && verdict && !conditional)
    return `${head}): its last rule (handle ${last.handle ?? '?'}) ${'drop' in verdict ? 'drops' : 'rejects'} everything`;
  return undefined;
}

/** A rule matching our bridge by name or index (exactly, by wildcard or in a set) and accepting. */
function acceptsBridge(rule: NftRule, bridge: string): boolean {
  const expr = rule.expr ?? [];
  if (!expr.some((e) => 'accept' in e)) return false;
  return expr.some((e) => {
    const m = e.match as { left?: { meta?: { key?: string } }; right?: unknown } | undefined;
    const key = m?.left?.meta?.key;
    if (!key || !['iifname', 'oifname', 'iif', 'oif'].includes(key)) return false;
    const names = namesIn(m?.right);
    return names.some((n) => n === bridge || (n.endsWith('*') && bridge.startsWith(n.slice(0, -1))));
  });
}

function namesIn(right: unknown): string[] {
  if (typeof right === 'string') return [right];
  const set = (right as { set?: unknown[] } | null)?.set;
  return Array.isArray(set) ? set.filter((s): s is string => typeof s === 'string') : [];
}
