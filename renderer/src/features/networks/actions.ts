// What each button does. Every action is one call to main, which runs it as one locked
// operation (restart, delete and the fixes included), so a failure half-way is handled
// there once; here it shows progress on the network's buttons and reports failures
// with advice. Stop, Restart and Delete say first how many VMs they cut off.
import type { NetworkRow } from '../../../../contract/ipc.js';
import { defaultNetworkDef } from '../../../../core/define/index.js';
import { formatNetworkXml } from '../../../../core/xml/index.js';
import { call } from '../../api/call.js';
import { confirmation } from '../../app/confirm.svelte.js';
import { focusRequests } from '../../app/focus-requests.svelte.js';
import { notices } from '../../app/notices.svelte.js';
import { deletePlan, interruptPlan } from './delete-plan.js';
import type { Fix } from './error-advice.js';
import { freeSubnet, subnetsInUse } from './free-subnet.js';
import { networks } from './networks-state.svelte.js';

async function run(
  row: Pick<NetworkRow, 'name'>,
  label: string,
  verb: string,
  fn: () => Promise<unknown>,
): Promise<boolean> {
  try {
    await networks.withBusy(row.name, label, fn);
    return true;
  } catch (err) {
    notices.error(`${verb} '${row.name}'`, err, row.name, freeSubnet(networks.facts, networks.rows));
    return false;
  }
}

/** The VMs on the bridge now; none when that cannot be read (the action still asks main). */
async function attachedPorts(row: NetworkRow): Promise<string[]> {
  if (!row.active) return [];
  try {
    return (await call('networks.ports', { name: row.name })).ports.map((p) => p.port);
  } catch {
    return [];
  }
}

async function confirmInterrupt(verb: 'stop' | 'restart', row: NetworkRow): Promise<boolean> {
  const plan = interruptPlan(verb, row, await attachedPorts(row));
  return plan === undefined || confirmation.ask({ ...plan, danger: true });
}

export const startNetwork = (row: NetworkRow) =>
  run(row, 'Starting…', 'Starting', () => call('networks.start', { name: row.name }));

export async function stopNetwork(row: NetworkRow): Promise<boolean> {
  if (!(await confirmInterrupt('stop', row))) return false;
  return run(row, 'Stopping…', 'Stopping', () => call('networks.stop', { name: row.name }));
}

export async function restartNetwork(row: NetworkRow): Promise<boolean> {
  if (!(await confirmInterrupt('restart', row))) return false;
  return run(row, 'Restarting…', 'Restarting', () => call('networks.restart', { name: row.name }));
}

export const setAutostart = (row: NetworkRow, on: boolean) =>
  run(row, on ? 'Enabling autostart…' : 'Disabling autostart…', 'Changing autostart of', () =>
    call('networks.autostart', { name: row.name, on }),
  );

export async function deleteNetwork(row: NetworkRow): Promise<boolean> {
  const plan = deletePlan(row, await attachedPorts(row));
  if (!(await confirmation.ask({ ...plan, danger: true }))) return false;
  const deleted = await run(row, 'Deleting…', 'Deleting', () => call('networks.remove', { name: row.name }));
  if (deleted) focusRequests.request({ kind: 'deleted', name: row.name });
  return deleted;
}

export async function exportXml(row: NetworkRow): Promise<void> {
  try {
    const { saved, live } = await call('networks.xml', { name: row.name });
    const blob = new Blob([saved ?? live ?? ''], { type: 'application/xml' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${row.name}.xml`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  } catch (err) {
    notices.error(`Exporting '${row.name}'`, err, row.name);
  }
}

/** The fixes offered with a conflict: main changes the saved definition and starts it. */
export async function applyFix(name: string, fix: Fix): Promise<void> {
  await run({ name }, 'Applying fix…', 'Fixing', () => call('networks.applyFix', { name, fix }));
}

/** libvirt's `default`: NAT, autostart, a free 192.168.x.0/24 and bridge name, started now. */
export async function createDefaultNetwork(): Promise<boolean> {
  const inUse = subnetsInUse(networks.facts, networks.rows).map((u) => u.cidr);
  const bridges = new Set([
    ...networks.facts.interfaces.map((i) => i.name),
    ...networks.rows.flatMap((r) => (r.bridge ? [r.bridge] : [])),
  ]);
  const def = defaultNetworkDef({ subnetsInUse: inUse, usedBridgeNames: bridges });
  if (!def.ok) {
    notices.error("Creating 'default'", new Error(def.error.message), 'default');
    return false;
  }
  const xml = formatNetworkXml(def.value, { inactive: true });
  return run({ name: 'default' }, 'Creating…', 'Creating', () =>
    call('networks.defineAndStart', { xml, autostart: true, start: true }),
  );
}
