// The nftables generator: one table per network, replaced and deleted atomically.

export {
  HOST_CHAINS,
  type HostChain,
  type HostChainRule,
  hostChainRules,
  hostRuleComment,
  hostRuleOwner,
} from './host-chain-rules.js';
export {
  chainDropEvidence,
  commentsIn,
  type IptablesListing,
  type IptablesRule,
  parseIptablesListing,
} from './iptables-listing.js';
export { type FirewallOptions, firewallDeleteScript, firewallRuleset, wantsFirewall } from './ruleset.js';
export { bridgeFromTableName, TABLE_PREFIX, tableNameFor } from './table-name.js';
