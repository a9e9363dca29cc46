// The doctor's fixes that Switchyard applies itself (HealthReport's `repair`), under
// the host lock: 'restore' is reconcile, which puts back only what is ours (our
// table, our accepts in dropping host chains, dnsmasq, NetworkManager's entry);
// 'ip-forward' writes the forwarding sysctls the running networks need, as their
// start did (remembering the old value). Nothing else on the host is touched.
import { forwardingSysctls, managedMode } from '../../core/plan/index.js';
import { readActiveNetworks } from '../engine/active-networks.js';
import { rememberAndWrite } from '../engine/host-sysctls.js';
import { reconcile } from '../engine/reconcile.js';
import type { HostPaths } from '../paths.js';
import { withLock } from '../state/lock.js';
import type { HealthReport, RepairAction } from './health-report.js';
import { type DoctorOptions, runDoctor } from './run-doctor.js';

export async function repairHost(
  paths: HostPaths,
  env: NodeJS.ProcessEnv,
  actions: readonly RepairAction[],
  opts: DoctorOptions = {},
): Promise<HealthReport> {
  const ctx = { paths, env };
  await withLock(paths.runDir, async () => {
    await reconcile(ctx);
    if (actions.includes('ip-forward')) {
      for (const { def } of readActiveNetworks(paths)) {
        const mode = managedMode(def);
        if (typeof mode !== 'string') continue;
        for (const path of forwardingSysctls(def, mode)) rememberAndWrite(ctx, path, '1');
      }
    }
  });
  return runDoctor(paths, env, opts);
}
