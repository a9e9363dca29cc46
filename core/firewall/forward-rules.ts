// The forward chain: what may cross between this bridge and anything else.
// Order matters only within this chain: guest-to-guest first, then traffic towards
// the guests, then traffic from them; each direction ends in a reject so nothing
// unlisted gets through. Packets that touch neither side of the bridge match no
// rule here and fall through to the chain's accept policy: other tables (the
// host's own firewall) still decide about them.
import { effectiveMode, type NetworkDef } from '../model/network.js';
import { assertNever } from '../result.js';
import { type RuleContext, rule } from './rule-context.js';
import type { Subnet } from './subnets.js';

/** How a subnet's traffic is let through: NAT (replies only come in) or routed (both ways). */
type Treatment = 'nat' | 'routed';

export function forwardRules(def: NetworkDef, ctx: RuleContext): string[] {
  const mode = effectiveMode(def);
  switch (mode) {
    case 'nat':
      return crossAndRejects(
        ctx,
        subnetTreatments(ctx, (s) => natTreatment(def, s)),
      );
    case 'route':
      return crossAndRejects(
        ctx,
        subnetTreatments(ctx, () => 'routed'),
      );
    case 'isolated':
      return crossAndRejects(ctx, []);
    case 'open':
    case 'bridge':
    case 'private':
    case 'vepa':
    case 'passthrough':
    case 'hostdev':
      return [];
    default:
      return assertNever(mode, 'forward mode');
  }
}

/** As libvirt: IPv6 is routed in NAT mode unless <nat ipv6='yes'> asks for IPv6 masquerading too. */
export function natTreatment(def: NetworkDef, subnet: Subnet): Treatment {
  return subnet.proto === 'ip' || def.forward?.nat?.ipv6 === 'yes' ? 'nat' : 'routed';
}

function subnetTreatments(
  ctx: RuleContext,
  treatmentOf: (s: Subnet) => Treatment,
): { subnet: Subnet; treatment: Treatment }[] {
  return ctx.subnets.map((subnet) => ({ subnet, treatment: treatmentOf(subnet) }));
}

function crossAndRejects(ctx: RuleContext, allowed: { subnet: Subnet; treatment: Treatment }[]): string[] {
  const { bridge, uplink } = ctx;
  return [
    rule([`iif ${bridge}`, `oif ${bridge}`], 'accept', 'between guests'),
    ...allowed.map(({ subnet, treatment }) =>
      rule(
        [
          uplink && `iifname ${uplink}`,
          `oif ${bridge}`,
          `${subnet.proto} daddr ${subnet.prefix}`,
          treatment === 'nat' && 'ct state established,related',
        ],
        'accept',
        treatment === 'nat' ? 'replies to guests' : 'to guests',
      ),
    ),
    rule([`oif ${bridge}`], 'reject', 'nothing else to guests'),
    ...allowed.map(({ subnet }) =>
      rule(
        [`iif ${bridge}`, uplink && `oifname ${uplink}`, `${subnet.proto} saddr ${subnet.prefix}`],
        'accept',
        'guests out',
      ),
    ),
    rule([`iif ${bridge}`], 'reject', 'nothing else from guests'),
  ];
}
