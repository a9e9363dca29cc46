// What every rule of one network's table refers to: its bridge and, with
// <forward dev='X'>, the only uplink its guests may use.
import type { NetworkDef } from '../model/network.js';
import { nftIface } from './nft-text.js';
import { type Subnet, subnetsOf } from './subnets.js';

export interface RuleContext {
  /** The bridge as an nft string literal. */
  bridge: string;
  /** The forward device as an nft string literal, when <forward dev> restricts the uplink. */
  uplink?: string;
  subnets: Subnet[];
}

export function ruleContext(def: NetworkDef, bridge: string): RuleContext {
  const dev = def.forward?.dev;
  return {
    bridge: nftIface(bridge),
    ...(dev === undefined ? {} : { uplink: nftIface(dev) }),
    subnets: subnetsOf(def),
  };
}

/** A rule: the match words in order (empty ones dropped), a counter, the verdict and a comment. */
export function rule(matches: (string | undefined | false)[], verdict: string, comment: string): string {
  const words = matches.filter((m): m is string => typeof m === 'string' && m !== '');
  return `${[...words, 'counter', verdict].join(' ')} comment "${comment}"`;
}
