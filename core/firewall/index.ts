// The nftables generator: one table per network, replaced and deleted atomically.

export {
  blockingChains,
  type ForeignChain,
  type ForeignChainQuery,
  familyCovers,
  type Hook,
  type RulesetView,
  rulesetView,
} from './foreign-chains.js';
export { nftAcceptFor } from './host-chain-nft.js';
export {
  guestFamilies,
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
export { DEFAULT_NAT_PORTS } from './nat-rules.js';
export { type FirewallOptions, firewallDeleteScript, firewallRuleset, wantsFirewall } from './ruleset.js';
export { bridgeFromTableName, TABLE_PREFIX, tableNameFor } from './table-name.js';
