// From a validated definition (bridge name and MAC already filled in by define) and
// the host's current state to the ordered steps that start the network. Pure: the
// host layer reads the facts before and executes the plan after.
import { formatCidr } from '../addr/cidr.js';
import type { NetworkDef } from '../model/network.js';
import { fileStem } from '../names/file-stem.js';
import type { Result } from '../result.js';
import { bandwidthStep, ifbConflict, ifbNameFor, wantsIfb } from './bandwidth-step.js';
import { bridgeAlias } from './bridge-alias.js';
import {
  addressStep,
  bridgeHasIpv6,
  bridgeStep,
  ipv6SysctlStep,
  linkUpStep,
  routeStep,
} from './bridge-steps.js';
import { checkCollisions, networkSubnets } from './check-collisions.js';
import { dnsmasqStep } from './dnsmasq-step.js';
import { firewallStep, firewallTable } from './firewall-step.js';
import { forwardingStep } from './forwarding-step.js';
import { qemuAclStep, reattachStep } from './guest-steps.js';
import type { HostFacts } from './host-facts.js';
import { hostFirewallStep, neededHostRules } from './host-firewall-step.js';
import type { GuestObjects, Plan, Step } from './host-op.js';
import { intentStep } from './intent-step.js';
import {
  type IsolationMethod,
  isolationMethod,
  isolationStep,
  isolationTable,
  wantsIsolation,
} from './isolation-step.js';
import { managedMode } from './managed-mode.js';
import { networkManagerStep } from './network-manager-step.js';
import { DEFAULT_QEMU_ACL, type PlanContext } from './plan-context.js';
import { statusStep } from './status-step.js';

export function planStart(def: NetworkDef, facts: HostFacts, ctx: PlanContext): Result<Plan> {
  const mode = managedMode(def);
  if (typeof mode !== 'string') return { ok: false, error: mode };
  const bridge = def.bridge?.name;
  if (!bridge || bridge.includes('%d')) {
    const message = `network '${def.name}': <bridge> has no name; define the network first so one is chosen`;
    return { ok: false, error: { code: 'validation', network: def.name, message } };
  }
  const conflict = checkCollisions(def, bridge, facts) ?? ifbConflict(def, bridge, facts);
  if (conflict) return { ok: false, error: conflict };
  const isolation = wantsIsolation(def) ? isolationMethod(def, facts.kernel) : undefined;
  if (typeof isolation === 'object') return { ok: false, error: isolation };
  try {
    const dnsmasq = dnsmasqStep(def, bridge, ctx);
    const table = firewallTable(def, bridge);
    const qemuAcl = ctx.qemuAcl ?? DEFAULT_QEMU_ACL;
    const acl = qemuAclStep(def, bridge, qemuAcl);
    const guests = guestObjects(bridge, isolation, wantsIfb(def), acl.do.length ? qemuAcl.file : undefined);
    const alias = bridgeAlias(ctx.rootId, fileStem(def.name));
    const hostRules = neededHostRules(def, bridge, ctx.rootId, facts.hostChains);
    const recorded = {
      ...withTable(table),
      ...withGuests(guests),
      ...(hostRules.length ? { hostRules } : {}),
    };
    const sysctls = ipv6SysctlStep(def, bridge);
    const v6 = bridgeHasIpv6(def);
    const steps: Step[] = [
      checkStep(def, bridge),
      intentStep({ action: 'start', name: def.name, bridge, ...recorded }),
      networkManagerStep(bridge),
      bridgeStep(def, bridge, ctx.rootId),
      // An IPv6 address needs IPv6 on first; without one, the sysctls can wait until the
      // link is up, so the bridge, its addresses, link and routes are one `ip -batch`.
      ...(v6 ? [sysctls] : []),
      // The link may come up before its firewall: a bridge without ports has no
      // carrier (so no IPv6 link-local either), and no port joins before qemu-acl and
      // reattach, after every rule.
      addressStep(def, bridge),
      linkUpStep(bridge),
      routeStep(def, bridge),
      ...(v6 ? [] : [sysctls]),
      // dnsmasq needs the address, not the rules: both load at the same time.
      firewallStep(def, bridge),
      { ...dnsmasq, withPrevious: true },
      hostFirewallStep(hostRules),
      isolationStep(bridge, isolation),
      forwardingStep(def, mode),
      bandwidthStep(def, bridge, alias),
      acl,
      reattachStep(def, bridge, facts.formerPorts ?? []),
      statusStep(
        def,
        {
          name: def.name,
          uuid: def.uuid ?? '',
          bridge,
          ...recorded,
          persistent: ctx.persistent,
        },
        dnsmasq.do.length ? ctx.pidFile : undefined,
      ),
    ];
    return { ok: true, value: { network: def.name, bridge, steps } };
  } catch (err) {
    // The generators refuse values they cannot write safely (e.g. a newline in a name).
    const message = `network '${def.name}': ${(err as Error).message}`;
    return { ok: false, error: { code: 'validation', network: def.name, message } };
  }
}

const withTable = (table: string | undefined): { table?: string } => (table === undefined ? {} : { table });

const withGuests = (guests: GuestObjects): { guests?: GuestObjects } =>
  Object.keys(guests).length ? { guests } : {};

function guestObjects(
  bridge: string,
  isolation: IsolationMethod | undefined,
  ifb: boolean,
  qemuAcl: string | undefined,
): GuestObjects {
  return {
    ...(isolation ? { isolationTable: isolationTable(isolation, bridge) } : {}),
    ...(ifb ? { ifb: ifbNameFor(bridge) } : {}),
    ...(qemuAcl ? { qemuAcl } : {}),
  };
}

/** The collision check itself ran while planning; the step records what was checked. */
function checkStep(def: NetworkDef, bridge: string): Step {
  const what = [`bridge name ${bridge}`, ...networkSubnets(def).map(formatCidr)].join(', ');
  return { id: 'check', title: `checked that ${what} are not in use`, do: [], undo: [] };
}
