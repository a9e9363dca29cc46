// Step 1 of reconcile: every intent record is an operation that did not get to its
// end. A start is complete once its status is written (the record goes right after);
// before that it is undone. A stop is always finished, never reverted: its dnsmasq
// may already be gone, and reviving it would bring back half a network. Both
// cleanups are the stop plan of what the record names. A live update is completed
// from the live XML, which it wrote before touching the firewall or dnsmasq's files.
import type { HostChainRule } from '../../core/firewall/index.js';
import { assertNever } from '../../core/result.js';
import type { LinkState } from '../exec/read-links.js';
import { intentPath } from '../paths.js';
import { listIntents, readActive, removeIntent } from '../state/state-store.js';
import type { EngineContext } from './engine-context.js';
import type { ReconcileReport } from './reconcile-report.js';
import { reloadFirewall } from './reload-firewall.js';
import { resyncDnsmasq } from './resync-dnsmasq.js';
import { stopNetwork } from './stop-network.js';

/** Returns whether any host object may have been removed (the links must be read again). */
export async function finishIntents(
  ctx: EngineContext,
  links: LinkState,
  report: ReconcileReport,
): Promise<boolean> {
  let changed = false;
  for (const { name, intent } of listIntents(ctx.paths)) {
    const active = readActive(ctx.paths, name);
    if (!intent) {
      // Unreadable: the sweeps find whatever it named by our alias and paths.
      removeIntent(ctx.paths, name);
      report.removedFiles.push(intentPath(ctx.paths, name));
      continue;
    }
    switch (intent.action) {
      case 'update':
        if (active) {
          await reloadFirewall(active);
          await resyncDnsmasq(ctx, active);
          report.finishedUpdates.push(name);
        }
        removeIntent(ctx.paths, name);
        continue;
      case 'start':
        if (active) {
          removeIntent(ctx.paths, name);
          continue;
        }
        break;
      case 'stop':
        break;
      default:
        assertNever(intent.action, 'intent');
    }
    const target = {
      name,
      bridge: intent.bridge,
      ...(intent.table === undefined ? {} : { table: intent.table }),
      ...hostRulesOf(intent.hostRules, active?.status.hostRules),
      ...(intent.guests === undefined ? {} : { guests: intent.guests }),
      ...(active?.status.dnsmasqPid === undefined ? {} : { dnsmasqPid: active.status.dnsmasqPid }),
    };
    // A start cut short between `ip link add` and setting the alias left an unnamed
    // bridge, and the record says it is ours.
    const undoingStart = intent.action === 'start';
    await stopNetwork(target, ctx, { links, accept: undoingStart ? ['unnamed'] : [], undoingStart });
    (intent.action === 'start' ? report.undoneStarts : report.finishedStops).push(name);
    changed = true;
  }
  return changed;
}

/** A stop's record names the rules; a status may list some that reconcile added since. */
function hostRulesOf(...lists: (HostChainRule[] | undefined)[]): { hostRules?: HostChainRule[] } {
  const byComment = new Map(lists.flatMap((l) => l ?? []).map((r) => [`${r.family} ${r.comment}`, r]));
  return byComment.size ? { hostRules: [...byComment.values()] } : {};
}
