// What the doctor reads from the host once per run, shared by every check. The
// firewall (iptables, nft) can only be read as root; without it the report says it
// is incomplete rather than guessing.
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { type RulesetView, rulesetView } from '../../core/firewall/index.js';
import { DEFAULT_DNSMASQ_BINARY } from '../../core/plan/index.js';
import { type HostChainReading, readHostChainListings } from '../engine/host-facts.js';
import { nmConfDir } from '../exec/network-manager.js';
import { nftListRuleset } from '../exec/nft.js';
import { type PortHolder, portHolders } from '../exec/port-holders.js';
import { type LinkState, readLinkState } from '../exec/read-links.js';
import { type NmConfFile, readNmKeyfiles } from './nm-unmanaged.js';

export interface DoctorFacts {
  root: boolean;
  links: LinkState;
  /** Root only. */
  iptables?: HostChainReading;
  /** Root only; undefined also when nft is missing. */
  ruleset?: RulesetView;
  /** Programs a network needs that are not installed. */
  missingPrograms: { program: string; pkg: string; needed: string }[];
  /** Who holds DNS (53) and DHCP (67), read once for every network's checks. */
  dnsDhcpHolders: Readonly<Record<DnsDhcpPort, PortHolder[]>>;
  /** NetworkManager's keyfile configuration; absent when NetworkManager is not installed. */
  networkManager?: { confDir: string; files: NmConfFile[] };
}

export type DnsDhcpPort = 53 | 67;

export async function readDoctorFacts(env: NodeJS.ProcessEnv): Promise<DoctorFacts> {
  const root = process.geteuid?.() === 0;
  const [links, iptables, ruleset] = await Promise.all([
    readLinkState(),
    root ? readHostChainListings() : undefined,
    root ? nftListRuleset().then(rulesetView, () => undefined) : undefined,
  ]);
  return {
    root,
    links,
    ...(iptables ? { iptables } : {}),
    ...(ruleset ? { ruleset } : {}),
    missingPrograms: missingPrograms(env),
    dnsDhcpHolders: { 53: portHolders(53), 67: portHolders(67) },
    ...networkManagerConf(env),
  };
}

/** Installed means its configuration directory exists, the same test our writer uses. */
function networkManagerConf(env: NodeJS.ProcessEnv): Pick<DoctorFacts, 'networkManager'> {
  const confDir = nmConfDir(env);
  return existsSync(dirname(confDir)) ? { networkManager: { confDir, files: readNmKeyfiles(confDir) } } : {};
}

const PROGRAMS = [
  { program: DEFAULT_DNSMASQ_BINARY, pkg: 'dnsmasq-base', needed: 'DHCP and DNS for the guests' },
  { program: 'nft', pkg: 'nftables', needed: "each network's firewall table" },
  { program: 'ip', pkg: 'iproute2', needed: 'bridges, addresses and routes' },
];

function missingPrograms(env: NodeJS.ProcessEnv) {
  return PROGRAMS.filter((p) => !onPath(p.program, env));
}

/** An absolute path as it is; a bare name searched in PATH plus the sbin directories root has. */
export function onPath(program: string, env: NodeJS.ProcessEnv): boolean {
  const dirs = program.startsWith('/')
    ? ['']
    : [...(env.PATH ?? '').split(delimiter), '/usr/sbin', '/sbin', '/usr/bin', '/bin'];
  return dirs.some((d) => {
    try {
      accessSync(d ? join(d, program) : program, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
