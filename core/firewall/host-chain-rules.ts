// The accept rules a network needs in the host's own iptables filter chains, for
// hosts where those chains drop what they do not know: Docker and ufw set the
// FORWARD policy to DROP (ufw also INPUT). nftables runs every base chain at a hook,
// so the accepts in our own table do not get a packet past another table's drop;
// libvirt's rules live inside those chains and keep working. These rules let through
// exactly what our own table accepts (its rejects stay in our table and still
// decide), each tagged with a comment naming this state root and the bridge, so
// stop and reconcile remove only ours and never another program's rules.
import { type IpFamily, ipFamily, managedModeOf, type NetworkDef } from '../model/network.js';
import { assertNever } from '../result.js';
import { natTreatment } from './forward-rules.js';
import { type Subnet, subnetsOf } from './subnets.js';

export type HostChain = 'INPUT' | 'FORWARD' | 'OUTPUT';
export const HOST_CHAINS: readonly HostChain[] = ['INPUT', 'FORWARD', 'OUTPUT'];

export interface HostChainRule {
  family: IpFamily;
  chain: HostChain;
  /** iptables match words, comment and target included, as iptables-save orders them. */
  args: string[];
  /** The rule's comment: switchyard:<root id>:<bridge>:<what>; also in args. */
  comment: string;
}

const TAG = 'switchyard:';

/** The comment of a rule of ours; only [A-Za-z0-9:._/-], so it needs no quoting anywhere. */
export function hostRuleComment(rootId: string, bridge: string, what: string): string {
  return `${TAG}${rootId}:${bridge}:${what}`.replace(/[^A-Za-z0-9:._/-]/g, '_').slice(0, 255);
}

/** The state root a rule comment names, or undefined for anybody else's comment. */
export function hostRuleOwner(comment: string | undefined): { rootId: string; bridge: string } | undefined {
  if (!comment?.startsWith(TAG)) return undefined;
  const [rootId, bridge] = comment.slice(TAG.length).split(':');
  return rootId && bridge ? { rootId, bridge } : undefined;
}

/** Every rule the network would need in chains that drop; the caller keeps those of the chains that do. */
export function hostChainRules(def: NetworkDef, bridge: string, rootId: string): HostChainRule[] {
  const mode = managedModeOf(def);
  // Open mode promises no rules of ours; the host's firewall decides (doctor explains it).
  if (mode === undefined || mode === 'open') return [];
  const families = guestFamilies(def);
  const make = (family: IpFamily, chain: HostChain, what: string, matches: string[], target = 'ACCEPT') => {
    const comment = hostRuleComment(rootId, bridge, `${chain.toLowerCase()}-${what}`);
    return {
      family,
      chain,
      comment,
      args: [...matches, '-m', 'comment', '--comment', comment, '-j', target],
    };
  };
  return families.flatMap((family) => [
    ...serviceRules(def, family, bridge).map(([what, chain, m]) => make(family, chain, what, m)),
    make(family, 'FORWARD', 'guests', ['-i', bridge, '-o', bridge]),
    ...forwardRules(def, mode, family, bridge).map(([what, m]) => make(family, 'FORWARD', what, m)),
  ]);
}

/** The families the guests speak: those of the <ip>s, and IPv6 between guests with ipv6='yes'. */
export function guestFamilies(def: Pick<NetworkDef, 'ips' | 'ipv6'>): IpFamily[] {
  const has = (f: IpFamily) => def.ips.some((ip) => ipFamily(ip) === f);
  return [
    ...(has('ipv4') ? ['ipv4' as const] : []),
    ...(has('ipv6') || def.ipv6 === 'yes' ? ['ipv6' as const] : []),
  ];
}

type Service = [what: string, chain: HostChain, matches: string[]];

/** dnsmasq's DHCP, DNS and TFTP, as the input and output chains of our table name them. */
function serviceRules(def: NetworkDef, family: IpFamily, bridge: string): Service[] {
  if (!def.ips.some((ip) => ipFamily(ip) === family)) return [];
  const port = (dir: '-i' | '-o', proto: 'udp' | 'tcp', which: '--dport' | '--sport', n: number) => [
    dir,
    bridge,
    '-p',
    proto,
    '-m',
    proto,
    which,
    String(n),
  ];
  const [dhcpServer, dhcpClient] = family === 'ipv4' ? [67, 68] : [547, 546];
  return [
    ['dhcp', 'INPUT', port('-i', 'udp', '--dport', dhcpServer)],
    ['dns-udp', 'INPUT', port('-i', 'udp', '--dport', 53)],
    ['dns-tcp', 'INPUT', port('-i', 'tcp', '--dport', 53)],
    ...(def.ips.some((ip) => ip.tftp && ipFamily(ip) === family)
      ? [['tftp', 'INPUT', port('-i', 'udp', '--dport', 69)] as Service]
      : []),
    ['dhcp', 'OUTPUT', port('-o', 'udp', '--dport', dhcpClient)],
    ['dns-udp', 'OUTPUT', port('-o', 'udp', '--sport', 53)],
    ['dns-tcp', 'OUTPUT', port('-o', 'tcp', '--sport', 53)],
  ];
}

/** To and from the guests' subnets, as our forward chain accepts them. */
function forwardRules(
  def: NetworkDef,
  mode: 'nat' | 'route' | 'isolated',
  family: IpFamily,
  bridge: string,
): [string, string[]][] {
  const subnets = subnetsOf(def).filter((s) => (s.proto === 'ip') === (family === 'ipv4'));
  const uplink = def.forward?.dev;
  const allowed = (s: Subnet): 'nat' | 'routed' | undefined => {
    switch (mode) {
      case 'nat':
        return natTreatment(def, s);
      case 'route':
        return 'routed';
      case 'isolated':
        return undefined;
      default:
        return assertNever(mode, 'managed mode');
    }
  };
  return subnets.flatMap((s): [string, string[]][] => {
    const treatment = allowed(s);
    if (!treatment) return [];
    const replies = treatment === 'nat' ? ['-m', 'conntrack', '--ctstate', 'RELATED,ESTABLISHED'] : [];
    return [
      [`in-${s.prefix}`, ['-d', s.prefix, ...(uplink ? ['-i', uplink] : []), '-o', bridge, ...replies]],
      [`out-${s.prefix}`, ['-s', s.prefix, '-i', bridge, ...(uplink ? ['-o', uplink] : [])]],
    ];
  });
}
