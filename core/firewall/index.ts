// The nftables generator: one table per network, replaced and deleted atomically.

export { DEFAULT_NAT_PORTS } from './nat-rules.js';
export { type FirewallOptions, firewallDeleteScript, firewallRuleset, wantsFirewall } from './ruleset.js';
export { bridgeFromTableName, TABLE_PREFIX, tableNameFor } from './table-name.js';
