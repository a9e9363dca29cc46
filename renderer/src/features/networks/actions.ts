// What each button does, in the order the host needs it. Every action shows progress
// on the network's buttons and reports failures with advice; none leaves a network
// half-deleted (stop-then-delete stops first and deletes only if that worked).
import type { NetworkRow } from '../../../../contract/ipc.js';
import { defaultNetworkDef } from '../../../../core/define/default-network.js';
import { formatNetworkXml } from '../../../../core/xml/format-network.js';
import { call } from '../../api/call.js';
import { confirmation } from '../../app/confirm.svelte.js';
import { notices } from '../../app/notices.svelte.js';
import { autoBridgeXml, moveSubnetXml } from './definition-edits.js';
import { deletePlan } from './delete-plan.js';
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

export const startNetwork = (row: NetworkRow) =>
  run(row, 'Starting…', 'Starting', () => call('networks.start', { name: row.name }));

export const stopNetwork = (row: NetworkRow) =>
  run(row, 'Stopping…', 'Stopping', () => call('networks.stop', { name: row.name }));

export const restartNetwork = (row: NetworkRow) =>
  run(row, 'Restarting…', 'Restarting', async () => {
    await call('networks.stop', { name: row.name });
    await call('networks.start', { name: row.name });
  });

export const setAutostart = (row: NetworkRow, on: boolean) =>
  run(row, on ? 'Enabling autostart…' : 'Disabling autostart…', 'Changing autostart of', () =>
    call('networks.autostart', { name: row.name, on }),
  );

export async function deleteNetwork(row: NetworkRow): Promise<boolean> {
  const plan = deletePlan(row);
  if (!(await confirmation.ask({ ...plan, danger: true }))) return false;
  return run(row, 'Deleting…', 'Deleting', async () => {
    for (const step of plan.steps) {
      if (step === 'stop') await call('networks.stop', { name: row.name });
      else await call('networks.undefine', { name: row.name });
    }
  });
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

/** The fixes offered with a conflict: redefine with the change, then start again. */
export async function applyFix(name: string, fix: Fix): Promise<void> {
  const row = networks.byName(name);
  if (!row) return;
  await run(row, 'Applying fix…', 'Fixing', async () => {
    const { saved } = await call('networks.xml', { name });
    if (!saved) throw new Error(`network '${name}' has no saved definition to change`);
    const xml = fix.kind === 'free-subnet' ? moveSubnetXml(saved, fix.subnet) : autoBridgeXml(saved);
    await call('networks.define', { xml });
    if (!networks.byName(name)?.active) await call('networks.start', { name });
  });
}

/** libvirt's `default`: NAT, autostart, a free 192.168.x.0/24 and bridge name, started now. */
export async function createDefaultNetwork(): Promise<boolean> {
  const inUse = subnetsInUse(networks.facts, networks.rows).map((u) => u.cidr);
  const bridges = new Set([
    ...networks.facts.interfaces.map((i) => i.name),
    ...networks.rows.flatMap((r) => (r.bridge ? [r.bridge] : [])),
  ]);
  const xml = formatNetworkXml(defaultNetworkDef({ subnetsInUse: inUse, usedBridgeNames: bridges }), {
    inactive: true,
  });
  return run({ name: 'default' }, 'Creating…', 'Creating', async () => {
    await call('networks.define', { xml });
    await call('networks.autostart', { name: 'default', on: true });
    await call('networks.start', { name: 'default' });
  });
}
