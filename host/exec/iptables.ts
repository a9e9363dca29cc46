// The host's iptables filter table, through whatever `iptables` the host selected
// (iptables-nft or iptables-legacy): Docker and ufw write their rules with that same
// tool, so ours land where theirs are and where they take effect. Only rules of
// ours (their comment names our state root) are ever inserted or deleted; policies
// and other programs' rules are read, never changed.
import {
  commentsIn,
  type HostChainRule,
  type IptablesListing,
  parseIptablesListing,
} from '../../core/firewall/index.js';
import type { IpFamily } from '../../core/model/index.js';
import { HostError } from '../host-error.js';
import { CommandError, runCommand } from './run-command.js';

const TOOL: Record<IpFamily, { list: string; restore: string }> = {
  ipv4: { list: 'iptables', restore: 'iptables-restore' },
  ipv6: { list: 'ip6tables', restore: 'ip6tables-restore' },
};

/** The filter table, or undefined when the tool is not installed or cannot read it (no such kernel support). */
export async function readIptables(family: IpFamily): Promise<IptablesListing | undefined> {
  try {
    return parseIptablesListing(await runCommand(TOOL[family].list, ['-w', '-t', 'filter', '-S']));
  } catch (err) {
    if (err instanceof CommandError) return undefined;
    throw err;
  }
}

/** Inserts the rules at the top of their chains, in the order given, one transaction per family. */
export async function insertHostRules(rules: HostChainRule[]): Promise<void> {
  for (const [family, ofFamily] of byFamily(rules)) {
    const position = new Map<string, number>();
    const lines = ofFamily.map((r) => {
      const at = (position.get(r.chain) ?? 0) + 1;
      position.set(r.chain, at);
      return `-I ${r.chain} ${at} ${safeWords(r.args).join(' ')}`;
    });
    await runCommand(TOOL[family].restore, ['-w', '--noflush'], {
      input: ['*filter', ...lines, 'COMMIT', ''].join('\n'),
    });
  }
}

/**
 * Deletes the rules of ours that are still there, each by its exact specification
 * (iptables -D compares the whole rule, so nobody else's rule can match). Returns
 * how many were deleted.
 */
export async function deleteHostRules(rules: HostChainRule[]): Promise<number> {
  let deleted = 0;
  for (const [family, ofFamily] of byFamily(rules)) {
    const listing = await readIptables(family);
    if (!listing) continue;
    for (const r of ofFamily) {
      if (!commentsIn(listing, r.chain).has(r.comment)) continue;
      await runCommand(TOOL[family].list, ['-w', '-D', r.chain, ...safeWords(r.args)]);
      deleted++;
    }
  }
  return deleted;
}

function byFamily(rules: HostChainRule[]): [IpFamily, HostChainRule[]][] {
  const out = new Map<IpFamily, HostChainRule[]>();
  for (const r of rules) out.set(r.family, [...(out.get(r.family) ?? []), r]);
  return [...out];
}

/** Words that iptables-restore splits as we do: nothing that needs quoting. */
function safeWords(words: string[]): string[] {
  for (const w of words) {
    if (!/^[A-Za-z0-9:._/,!-]+$/.test(w))
      throw new HostError('internal', `iptables word ${JSON.stringify(w)} is not safe to pass on`);
  }
  return words;
}
