// Step 2 of reconcile: every status file. A network is active only while its bridge
// is there and ours; one that lost it is stopped (what is left of it cleaned) and
// marked inactive. A damaged status JSON is rebuilt from the live XML when the
// bridge proves the network still runs; a dead dnsmasq is started again.
import { existsSync } from 'node:fs';
import { readNetworkDefinition } from '../../core/definition.js';
import { dnsmasqPaths } from '../../core/dnsmasq/index.js';
import { DEFAULT_DNSMASQ_BINARY, dnsmasqArgs, firewallTable } from '../../core/plan/index.js';
import { findDnsmasqs, isOurDnsmasq, stopDnsmasq } from '../exec/dnsmasq-process.js';
import type { LinkState } from '../exec/read-links.js';
import { pidFilePath, statusJsonPath, statusXmlPath } from '../paths.js';
import { readActive, readDefinitionXml, readText, removeActive, writeActive } from '../state/state-store.js';
import type { NetworkStatus } from '../state/status.js';
import { readStatuses } from './active-statuses.js';
import { bridgeOwnership } from './bridge-ownership.js';
import type { EngineContext } from './engine-context.js';
import type { ReconcileReport } from './reconcile-report.js';
import { guestObjectsOf } from './repair-guests.js';
import { startRecordedDnsmasq } from './start-recorded-dnsmasq.js';
import { stopNetwork } from './stop-network.js';

export async function repairStatuses(
  ctx: EngineContext,
  links: LinkState,
  root: string,
  report: ReconcileReport,
  repairing: (s: NetworkStatus) => boolean,
): Promise<NetworkStatus[]> {
  const active: NetworkStatus[] = [];
  for (const entry of readStatuses(ctx.paths)) {
    const xml = readText(statusXmlPath(ctx.paths, entry.name));
    // Without its live XML the network cannot be shown or updated: cleaned, as if its bridge were gone.
    const rebuilt =
      !entry.status && xml !== undefined ? await rebuildStatus(ctx, entry.name, xml) : undefined;
    const status = xml === undefined ? entry.status : (entry.status ?? rebuilt);
    if (!status) {
      // Nothing says which bridge it had: the sweeps find its objects by our alias and paths.
      removeActive(ctx.paths, entry.name);
      report.removedFiles.push(statusJsonPath(ctx.paths, entry.name));
      continue;
    }
    if (xml === undefined || bridgeOwnership(links, status.bridge, root) !== 'ours') {
      await stopNetwork(status, ctx, { links });
      report.stopped.push(status.name);
      continue;
    }
    if (rebuilt) {
      writeActive(ctx.paths, entry.name, { xml, status: rebuilt });
      report.repairedStatus.push(entry.name);
    }
    const servesDnsmasq = status.dnsmasqPid !== undefined || rebuilt;
    if (servesDnsmasq && repairing(status)) await reviveDnsmasq(ctx, status, report);
    active.push(readActive(ctx.paths, status.name)?.status ?? status);
  }
  return active;
}

/** A status from the live XML (which names the bridge) and the host (the dnsmasq running with our conf). */
async function rebuildStatus(
  ctx: EngineContext,
  name: string,
  xml: string,
): Promise<NetworkStatus | undefined> {
  const parsed = readNetworkDefinition(xml);
  const def = parsed.ok ? parsed.value : undefined;
  const bridge = def?.bridge?.name;
  if (!def || def.name !== name || !bridge) return undefined;
  const conf = dnsmasqPaths(ctx.paths.stateDir, name).conf;
  const dnsmasq = findDnsmasqs(ctx.paths.stateDir).find((d) => d.confFile === conf);
  const table = firewallTable(def, bridge);
  const guests = await guestObjectsOf(ctx, def, bridge);
  return {
    name,
    uuid: def.uuid ?? '',
    bridge,
    ...(table === undefined ? {} : { table }),
    ...(guests === undefined ? {} : { guests }),
    // None running while its conf exists: reviveDnsmasq starts it.
    ...(dnsmasq ? { dnsmasqPid: dnsmasq.pid } : {}),
    persistent: readDefinitionXml(ctx.paths, name) !== undefined,
    startedAt: new Date().toISOString(),
  };
}

async function reviveDnsmasq(
  ctx: EngineContext,
  status: NetworkStatus,
  report: ReconcileReport,
): Promise<void> {
  const conf = dnsmasqPaths(ctx.paths.stateDir, status.name).conf;
  if (status.dnsmasqPid !== undefined && isOurDnsmasq(status.dnsmasqPid, conf)) return;
  // No conf: the network serves no DHCP or DNS (or nothing can be started from it).
  if (!existsSync(conf)) return;
  const pidFile = pidFilePath(ctx.paths, status.name);
  // A stray instance with our conf (e.g. started by hand) would hold the sockets.
  for (const d of findDnsmasqs(ctx.paths.stateDir)) {
    if (d.confFile === conf && (await stopDnsmasq(d.pid, conf))) report.killedDnsmasq.push(d.pid);
  }
  await startRecordedDnsmasq(ctx, status.name, {
    binary: DEFAULT_DNSMASQ_BINARY,
    args: dnsmasqArgs(conf),
    pidFile,
  });
  report.restartedDnsmasq.push(status.name);
}
