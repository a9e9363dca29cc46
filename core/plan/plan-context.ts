// Everything besides the definition and the host facts that a plan depends on:
// where the files go and a few policy choices, all as plain values so planning stays pure.
export interface PlanContext {
  /** dnsmasq conf, hosts files and leases (core/dnsmasq's dnsmasqPaths names them). */
  stateDir: string;
  /** Status files and pid files. */
  runDir: string;
  /** dnsmasq's pid file for this network (host/paths pidFilePath). */
  pidFile: string;
  /** The state root's identity (host/paths rootId), carried in the bridge alias. */
  rootId: string;
  /** false for net-create: recorded in the status file. */
  persistent: boolean;
  dnsmasqBinary?: string;
  /** Account dnsmasq drops to after binding its sockets; 'nobody' as under libvirt. */
  dnsmasqUser?: string;
  /** qemu-bridge-helper's bridge.conf and our access list beside it; never from a request. */
  qemuAcl?: QemuAclPaths;
  /** See dnsmasqStep: skip dnsmasq's ping before every DHCP offer. Default false (the XML decides). */
  fastOffer?: boolean;
}

export const DEFAULT_DNSMASQ_BINARY = '/usr/sbin/dnsmasq';
export const DEFAULT_DNSMASQ_USER = 'nobody';
export interface QemuAclPaths {
  /** Our file of `allow BRIDGE` lines. */
  file: string;
  /** The helper's own file, which includes ours. */
  bridgeConf: string;
}

export const DEFAULT_QEMU_ACL: QemuAclPaths = {
  file: '/etc/qemu/switchyard.conf',
  bridgeConf: '/etc/qemu/bridge.conf',
};
