// One network's firewall as an `nft -f` script. Everything lives in a single
// `inet` table (one table covers IPv4 and IPv6, and the host layer adds or removes
// it as one unit). The script first makes sure the table exists, empties it (deletes
// it, or flushes its rules at a start), and defines it anew; nft applies a script as
// one transaction, so a re-apply replaces the old rules atomically and never leaves a
// half-written table.
import { managedModeOf, type NetworkDef } from '../model/network.js';
import { forwardRules } from './forward-rules.js';
import { inputRules, outputRules } from './host-rules.js';
import { natRules } from './nat-rules.js';
import { nftComment } from './nft-text.js';
import { ruleContext } from './rule-context.js';
import { tableNameFor } from './table-name.js';

export interface FirewallOptions {
  /** The network's bridge, already resolved; it must exist when the script is loaded (rules use iif/oif). */
  bridge: string;
  /** Normally tableNameFor(def, bridge). */
  tableName?: string;
  /**
   * How an existing table is emptied first. 'delete' (the default) also drops chains
   * the new script no longer has. 'flush' keeps the table and its base chains and
   * removes their rules: deleting a table unregisters its hooks, and the kernel then
   * waits for an RCU grace period inside the commit (~12 ms here, most of a start's
   * firewall step). A start uses 'flush': the table is not expected to exist, and if a
   * leftover does, the chains are the same four and the rules are replaced.
   */
  empty?: 'delete' | 'flush';
}

/** Whether the mode gets a table at all: open and the bridged/passthrough modes get none. */
export function wantsFirewall(def: Pick<NetworkDef, 'forward'>): boolean {
  const mode = managedModeOf(def);
  return mode !== undefined && mode !== 'open';
}

/** The script creating (or replacing) the network's table; '' when the mode wants no rules. */
export function firewallRuleset(def: NetworkDef, opts: FirewallOptions): string {
  if (!wantsFirewall(def)) return '';
  const table = opts.tableName ?? tableNameFor(def, opts.bridge);
  const ctx = ruleContext(def, opts.bridge);
  const comment = nftComment(`Switchyard network ${def.name}`);
  const body = [
    ...(comment ? [`\tcomment ${comment}`] : []),
    ...chain('input', 'type filter hook input priority filter; policy accept;', inputRules(def, ctx)),
    ...chain('output', 'type filter hook output priority filter; policy accept;', outputRules(def, ctx)),
    ...chain('forward', 'type filter hook forward priority filter; policy accept;', forwardRules(def, ctx)),
    ...chain('postrouting', 'type nat hook postrouting priority srcnat; policy accept;', natRules(def, ctx)),
  ];
  return [
    `# Switchyard firewall for bridge ${opts.bridge}; replaces table inet ${table} as a whole.`,
    ...emptyTable(table, opts.empty ?? 'delete', comment),
    `table inet ${table} {`,
    ...body,
    '}',
    '',
  ].join('\n');
}

/** Deletes the table; succeeds also when it is already gone. */
export function firewallDeleteScript(tableName: string): string {
  return [...emptyTable(tableName, 'delete'), ''].join('\n');
}

/**
 * `table` (create if missing, no error if present) then delete or flush: safe whether it
 * existed or not. A table's comment is set only when the table is created, so the flush
 * form gives it here, on the line that may create it.
 */
function emptyTable(table: string, how: 'delete' | 'flush', comment?: string): string[] {
  if (!/^[A-Za-z0-9_]+$/.test(table))
    throw new Error(`firewall: table name ${JSON.stringify(table)} is not safe`);
  const first =
    how === 'flush' && comment ? `table inet ${table} { comment ${comment}; }` : `table inet ${table} {}`;
  return [first, `${how} table inet ${table}`];
}

function chain(name: string, hook: string, rules: string[]): string[] {
  if (rules.length === 0) return [];
  return [`\tchain ${name} {`, `\t\t${hook}`, ...rules.map((r) => `\t\t${r}`), '\t}'];
}
