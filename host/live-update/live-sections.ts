// What a running network can take without a restart. dnsmasq re-reads its hosts
// files (dhcp-hostsfile, addn-hosts) on SIGHUP but not its .conf, so DHCP hosts
// and DNS hosts change live while anything that alters the .conf (ranges, TXT and
// SRV records, or DHCP switched on or off) needs net-destroy and net-start.
import { type DnsmasqConfigOptions, dnsmasqConfig, shouldRunDnsmasq } from '../../core/dnsmasq/index.js';
import type { NetworkDef } from '../../core/model/network.js';
import { assertNever } from '../../core/result.js';
import type { UpdateSection } from '../../core/update/update-request.js';
import { HostError } from '../host-error.js';

export type LiveEffect = 'hosts-files' | 'status-only';

/** How a section reaches the running network, or why it cannot. */
function liveEffectOf(section: UpdateSection): LiveEffect | string {
  switch (section) {
    case 'ip-dhcp-host':
    case 'dns-host':
      return 'hosts-files';
    // Nothing Switchyard runs reads portgroups: guests' own tools do, when they plug in.
    case 'portgroup':
      return 'status-only';
    case 'ip-dhcp-range':
    case 'dns-txt':
    case 'dns-srv':
      return "changes dnsmasq's configuration, which a running dnsmasq cannot re-read";
    case 'forward-interface':
      return 'changes the firewall rules of the running network';
    case 'bridge':
    case 'domain':
    case 'ip':
    case 'forward':
    case 'forward-pf':
      return 'cannot be updated at all';
    default:
      return assertNever(section, 'update section');
  }
}

const restartHint =
  'update the saved definition with --config, then restart the network (net-destroy, net-start)';

export function liveEffect(
  name: string,
  section: UpdateSection,
  before: NetworkDef,
  after: NetworkDef,
  confOptions: DnsmasqConfigOptions,
): LiveEffect {
  const effect = liveEffectOf(section);
  if (effect !== 'hosts-files' && effect !== 'status-only') {
    throw new HostError('conflict', `network '${name}': the '${section}' section ${effect}; ${restartHint}`);
  }
  // A first DHCP host on an <ip> without ranges, for one, adds lines to the .conf.
  const confChanged =
    shouldRunDnsmasq(before) !== shouldRunDnsmasq(after) ||
    dnsmasqConfig(before, confOptions) !== dnsmasqConfig(after, confOptions);
  if (confChanged) {
    throw new HostError(
      'conflict',
      `network '${name}': this '${section}' change alters dnsmasq's configuration, which a running dnsmasq cannot re-read; ${restartHint}`,
    );
  }
  return effect;
}
