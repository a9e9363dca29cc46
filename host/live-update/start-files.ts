// Everything a start of a network writes, generated without touching the host: the
// dnsmasq step (config, hosts files, command line) and the firewall script, from
// the same core functions net-start uses. net-update generates them for every copy
// it changes before it writes anything, so a definition that every start would
// refuse (a value dnsmasq's config cannot carry, say) is never saved.

import { firewallRuleset } from '../../core/firewall/index.js';
import type { NetworkDef } from '../../core/model/index.js';
import { dnsmasqStep, type Step } from '../../core/plan/index.js';
import { planContextFor } from '../engine/engine-context.js';
import { HostError } from '../host-error.js';
import type { HostPaths } from '../paths.js';

export interface StartFiles {
  dnsmasq: Step;
  /** '' when the mode has no firewall table. */
  firewall: string;
}

export interface StartTarget {
  bridge: string;
  persistent: boolean;
  /** The running network's table; a new start derives it from the definition. */
  table?: string;
}

export function startFiles(paths: HostPaths, def: NetworkDef, target: StartTarget): StartFiles {
  try {
    return {
      dnsmasq: dnsmasqStep(def, target.bridge, planContextFor(paths, def.name, target.persistent)),
      firewall: firewallRuleset(def, {
        bridge: target.bridge,
        ...(target.table === undefined ? {} : { tableName: target.table }),
      }),
    };
  } catch (err) {
    // The generators refuse values they cannot write safely, as a start would.
    throw new HostError('validation', `network '${def.name}': ${(err as Error).message}`);
  }
}

/** The saved definition, checked as its next start would generate it. */
export function checkStartable(paths: HostPaths, def: NetworkDef): void {
  const bridge = def.bridge?.name;
  // Modes without a bridge of their own run no dnsmasq and load no firewall.
  startFiles(paths, def, { bridge: bridge ?? '', persistent: true });
}
