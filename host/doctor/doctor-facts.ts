// What the doctor reads from the host once per run, shared by every check. The
// firewall (iptables, nft) can only be read as root; without it the report says it
// is incomplete rather than guessing.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { type RulesetView, rulesetView } from '../../core/firewall/index.js';
import { DEFAULT_DNSMASQ_BINARY } from '../../core/plan/index.js';
import { type HostChainReading, readHostChainListings } from '../engine/host-facts.js';
import { nftListRuleset } from '../exec/nft.js';
import { type LinkState, readLinkState } from '../exec/read-links.js';

export interface DoctorFacts {
  root: boolean;
  links: LinkState;
  /** Root only. */
  iptables?: HostChainReading;
  /** Root only; undefined also when nft is missing. */
  ruleset?: RulesetView;
  /** Programs a network needs that are not installed. */
  missingPrograms: { program: string; pkg: string; needed: string }[];
}

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
  };
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
