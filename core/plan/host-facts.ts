// What the planner needs to know about the host, read by host/exec before planning.
// Plain strings so the facts can be logged, stored in a test fixture or sent as JSON.
import type { HostChain } from '../firewall/host-chain-rules.js';
import type { RememberedPort } from '../guests/remembered-ports.js';
import type { IpFamily } from '../model/network.js';

export interface HostRoute {
  /** Destination as 'ADDRESS/PREFIX' (IPv4 or IPv6), e.g. '10.0.0.0/24'. */
  cidr: string;
  /** Interface the route or address is on. */
  dev: string;
}

export interface ActiveNetworkFacts {
  name: string;
  bridge: string;
  /** Subnets of its <ip> elements as 'ADDRESS/PREFIX', when known (the bridge's own addresses count too). */
  subnets: string[];
}

export interface HostFacts {
  /** Names of every link in the namespace. */
  links: string[];
  /** Addresses on interfaces (with their prefix) and routes of the main table. */
  routes: HostRoute[];
  /** Networks Switchyard runs now (their bridges and routes also appear above). */
  activeNetworks: ActiveNetworkFacts[];
  /** What the kernel can do; read only when the definition needs it (<port isolated='yes'/>). */
  kernel?: KernelFacts;
  /**
   * Ports the network had when it last stopped that still exist, belong to no bridge
   * and have the MAC they had then: the start plugs them back in.
   */
  formerPorts?: RememberedPort[];
  /**
   * The host's iptables filter chains that drop what nobody accepted, per family, each
   * with the line that shows it ('-P FORWARD DROP'). Absent: not read (no iptables).
   */
  hostChains?: Partial<Record<IpFamily, HostChainFacts>>;
}

export interface KernelFacts {
  /** nftables' bridge meta expressions (`meta ibrname`, module nft_meta_bridge). */
  bridgeMeta: boolean;
  /** Bridge netfilter (br_netfilter): bridged IP traffic passes the inet hooks. */
  brNetfilter: boolean;
}

export interface HostChainFacts {
  drops: Partial<Record<HostChain, string>>;
}
