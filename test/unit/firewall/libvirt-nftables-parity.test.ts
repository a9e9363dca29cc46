// Our rules against libvirt's own nftables backend (libvirt >= 10.4 test goldens):
// for every input, the forward and NAT rules must be the same rules, clause for
// clause, per address family. libvirt spreads them over an `ip` and an `ip6`
// table; we keep one `inet` table, so our rules are projected onto each family
// (a rule with no ip/ip6 clause applies to both).
//
// Deliberate differences, not compared here:
// - libvirt's nftables backend adds no input/output rules; ours count DHCP/DNS/TFTP.
// - For a network without IPv6 subnets libvirt writes no ip6 rules at all; our
//   family-less rejects also refuse IPv6 forwarding to and from such a bridge
//   (which has IPv6 disabled, so it could not route IPv6 anyway).
// Rule order is not compared: within one direction the accepts are for disjoint
// subnets, and the behaviour tests check that rejects come after them.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { firewallRuleset } from '../../../core/firewall/index.js';
import { parseNetworkXml } from '../../../core/xml/parse-network.js';

const dir = new URL('../../../../shared/conformance/libvirt/firewall/upstream-10.x/', import.meta.url);
const names = [
  'forward-dev',
  'isolated',
  'nat-default',
  'nat-ipv6',
  'nat-ipv6-masquerade',
  'nat-many-ips',
  'nat-port-range',
  'nat-port-range-ipv6',
  'route-default',
];

type Family = 'ip' | 'ip6';
interface Rule {
  family: Family | 'any';
  clauses: string;
}

/** Clauses as a canonical, order-free string: quotes, counters and comments dropped. */
function canonical(tokens: string[]): { family: Family | 'any'; clauses: string } {
  const clauses: string[] = [];
  let family: Family | 'any' = 'any';
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i] ?? '';
    const next = (n: number) => tokens.slice(i, i + n).join(' ');
    if (t === 'counter') i += 1;
    else if (t === 'comment') i += 2;
    else if (['iif', 'oif', 'iifname', 'oifname'].includes(t)) {
      clauses.push(next(2));
      i += 2;
    } else if (t === 'ip' || t === 'ip6') {
      family = t;
      const negated = tokens[i + 2] === '!=';
      const value = (tokens[i + (negated ? 3 : 2)] ?? '').replace(
        /^255\.255\.255\.255\/32$/,
        '255.255.255.255',
      );
      clauses.push(`${t} ${tokens[i + 1]} ${negated ? '!= ' : ''}${value}`);
      i += negated ? 4 : 3;
    } else if (t === 'ct') {
      clauses.push(`ct state ${(tokens[i + 2] ?? '').split(',').sort().join(',')}`);
      i += 3;
    } else if (t === 'meta') {
      clauses.push(next(3));
      i += 3;
    } else if (t === 'masquerade' && tokens[i + 1] === 'to') {
      clauses.push(next(3));
      i += 3;
    } else {
      clauses.push(t);
      i += 1;
    }
  }
  return { family, clauses: clauses.sort().join(' ; ') };
}

/** libvirt's `nft -ae insert rule FAMILY libvirt_network CHAIN …` commands, one token per line. */
function libvirtRules(text: string): Rule[] {
  return text
    .split(/^nft \\\n/m)
    .filter((cmd) => cmd.trim() !== '')
    .map((cmd) => cmd.split('\n').map((line) => line.replace(/ \\$/, '').replace(/'/g, '')))
    .map((tokens) => {
      // tokens: '-ae insert', 'rule', FAMILY, 'libvirt_network', CHAIN, clauses…
      const { clauses } = canonical(tokens.filter((t) => t !== '').slice(5));
      return { family: tokens[2] as Family, clauses };
    });
}

function ourRules(script: string): Rule[] {
  const rules: Rule[] = [];
  let chain = '';
  for (const line of script.split('\n')) {
    const m = /^\tchain (\w+) \{$/.exec(line);
    if (m) chain = m[1] ?? '';
    else if (/^\t\t(?!type )/.test(line) && (chain === 'forward' || chain === 'postrouting')) {
      const tokens = line.trim().replace(/"/g, '').split(/\s+/);
      const comment = tokens.indexOf('comment');
      rules.push(canonical(comment >= 0 ? tokens.slice(0, comment) : tokens));
    }
  }
  return rules;
}

/** The rules that apply to one family: ours with that family's clause or none; libvirt's by table. */
const forFamily = (rules: Rule[], family: Family, familyLess: boolean) =>
  rules
    .filter((r) => r.family === family || (familyLess && r.family === 'any'))
    .map((r) => r.clauses)
    .sort();

describe('parity with libvirt >= 10.4 nftables rules', () => {
  test.each(names)('%s', (name) => {
    const golden = new URL(`nftables/${name}-linux.nftables`, dir);
    expect(existsSync(golden)).toBe(true);
    const parsed = parseNetworkXml(readFileSync(new URL(`${name}.xml`, dir), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const ours = ourRules(firewallRuleset(parsed.value, { bridge: 'virbr0' }));
    const theirs = libvirtRules(readFileSync(golden, 'utf8'));
    for (const family of ['ip', 'ip6'] as const) {
      const theirFamily = forFamily(theirs, family, false);
      if (theirFamily.length === 0) {
        // Only our family-less rules (guest-to-guest accept, the two rejects) may apply.
        expect(forFamily(ours, family, false)).toEqual([]);
        continue;
      }
      expect(forFamily(ours, family, true)).toEqual(theirFamily);
    }
  });
});
