// `switchyard doctor [NET]`: reads the host once and runs every check on the running
// networks (or the one named), and the start checks on the named network or the
// autostart ones that do not run. Reads only; repair.ts applies the safe fixes.
import { readNetworkDefinition } from '../../core/definition.js';
import { shouldRunDnsmasq } from '../../core/dnsmasq/index.js';
import type { NetworkDef } from '../../core/model/index.js';
import { type ActiveNetwork, readActiveNetworks } from '../engine/active-networks.js';
import { readHostFacts } from '../engine/host-facts.js';
import { type HostPaths, rootId } from '../paths.js';
import { isAutostart, listDefinedNames, readDefinitionXml } from '../state/state-store.js';
import { type DoctorFacts, readDoctorFacts } from './doctor-facts.js';
import { firewallFindings } from './firewall-checks.js';
import { type Finding, type HealthReport, healthReport } from './health-report.js';
import { activeNetworkFindings, inactiveNetworkFindings } from './network-checks.js';

export interface DoctorOptions {
  /** A network name (already resolved); all networks when absent. */
  network?: string;
}

export async function runDoctor(
  paths: HostPaths,
  env: NodeJS.ProcessEnv,
  opts: DoctorOptions = {},
): Promise<HealthReport> {
  const facts = await readDoctorFacts(env);
  const root = rootId(paths);
  const active = readActiveNetworks(paths).filter((n) => !opts.network || n.status.name === opts.network);
  const inactive = inactiveDefinitions(paths, active, opts.network);
  const findings: Finding[] = [...programFindings(facts, [...active.map((n) => n.def), ...inactive])];
  for (const net of active) {
    findings.push(...(await activeNetworkFindings(net, facts, paths, root)));
    if (facts.root) findings.push(...firewallFindings(net, facts, root));
  }
  if (inactive.length) {
    const hostFacts = await readHostFacts(paths, facts.links);
    for (const def of inactive) findings.push(...inactiveNetworkFindings(def, facts, hostFacts));
  }
  const checked = [
    ...active.map((n) => `network '${n.status.name}' (active)`),
    ...inactive.map((d) => `network '${d.name}' (inactive)`),
  ];
  return healthReport(checked, findings, facts.root);
}

/** The named network if it does not run, else the autostart networks that do not. */
function inactiveDefinitions(
  paths: HostPaths,
  active: ActiveNetwork[],
  only: string | undefined,
): NetworkDef[] {
  const running = new Set(active.map((n) => n.status.name));
  return listDefinedNames(paths)
    .filter((name) => !running.has(name) && (only ? name === only : isAutostart(paths, name)))
    .flatMap((name) => {
      const parsed = readNetworkDefinition(readDefinitionXml(paths, name) ?? '');
      return parsed.ok ? [parsed.value] : [];
    });
}

function programFindings(facts: DoctorFacts, defs: NetworkDef[]): Finding[] {
  const needsDnsmasq = defs.some(shouldRunDnsmasq);
  return facts.missingPrograms
    .filter((p) => needsDnsmasq || !p.program.endsWith('dnsmasq'))
    .map((p) => ({
      id: `program:${p.program}`,
      severity: 'error' as const,
      title: `${p.program} is not installed`,
      cause: `Switchyard needs it for ${p.needed}`,
      evidence: [`no executable ${p.program}${p.program.startsWith('/') ? '' : ' on PATH'}`],
      fix: `install the ${p.pkg} package`,
      commands: [`apt-get install ${p.pkg}`],
    }));
}
