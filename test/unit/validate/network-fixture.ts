// A sound NAT network to break one rule at a time. Positions are fixed so each
// test can state the exact message.
import type { NetworkDef } from '../../../core/model/network.js';
import type { RuleId } from '../../../core/validate/rule-ids.js';
import { validateNetwork } from '../../../core/validate/validate-network.js';

export const at = (line: number, col = 3) => ({ line, col });

export function natNetwork(): NetworkDef {
  return {
    at: at(1, 1),
    name: 'lab',
    uuid: '81ff0d90-c91e-6742-64da-4a736edb9a9b',
    forward: { at: at(4), mode: 'nat', interfaces: [], pfs: [], addresses: [] },
    bridge: { at: at(5), name: 'virbr5', stp: 'on', delay: 0 },
    ips: [
      {
        at: at(6),
        address: '10.0.0.1',
        netmask: '255.255.255.0',
        dhcp: {
          at: at(7, 5),
          ranges: [{ at: at(8, 7), start: '10.0.0.2', end: '10.0.0.254' }],
          hosts: [{ at: at(9, 7), mac: '52:54:00:00:00:01', name: 'vm1', ip: '10.0.0.10' }],
        },
      },
    ],
    routes: [],
    portgroups: [],
  };
}

/** A network of the given mode with nothing the mode forbids. */
export function poolNetwork(mode: 'bridge' | 'private' | 'vepa' | 'passthrough' | 'hostdev'): NetworkDef {
  return {
    at: at(1, 1),
    name: 'pool',
    forward: { at: at(4), mode, interfaces: [], pfs: [], addresses: [] },
    ips: [],
    routes: [],
    portgroups: [],
  };
}

export function messages(def: NetworkDef): string[] {
  return validateNetwork(def).map((p) => p.message);
}

/** Which rules refused the network: what a test pins when the wording is not the point. */
export function rules(def: NetworkDef): (RuleId | undefined)[] {
  return validateNetwork(def).map((p) => p.rule);
}

/** Rules after `change` is applied to a fresh NAT network. */
export function natRules(change: (def: NetworkDef) => void): (RuleId | undefined)[] {
  const def = natNetwork();
  change(def);
  return rules(def);
}

/** Messages after `change` is applied to a fresh NAT network. */
export function natMessages(change: (def: NetworkDef) => void): string[] {
  const def = natNetwork();
  change(def);
  return messages(def);
}
