// Loads a running network's firewall table again from its live XML, for reconcile
// after a live update a crash cut short: the table may be the old one or the new one,
// and the script replaces it in one nft transaction either way.
import { readNetworkDefinition } from '../../core/definition.js';
import { firewallRuleset } from '../../core/firewall/index.js';
import { nftApply } from '../exec/nft.js';
import type { ActiveRecord } from '../state/state-store.js';

export async function reloadFirewall(record: ActiveRecord): Promise<void> {
  const { bridge, table } = record.status;
  const parsed = readNetworkDefinition(record.xml);
  if (!parsed.ok || table === undefined) return;
  const script = firewallRuleset(parsed.value, { bridge, tableName: table });
  if (script !== '') await nftApply(script);
}
