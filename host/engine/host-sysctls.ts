// Host-wide sysctls (IP forwarding) are one switch for everybody: a start turns one
// on and remembers what it found (state/sysctl-memory.ts); once no network needs it
// any more, the old value is put back, unless something else visibly relies on it:
// another bridge with an address of that family that is not ours (Docker's docker0,
// libvirt's virbr0, another state root's network), or somebody set it since (then
// the value is theirs and the record is dropped). Runs at the end of every stop
// and of every reconcile, so a stop that could not restore tries again later.
import { existsSync } from 'node:fs';
import { aliasOwner, forwardingSysctls, IPV4_FORWARDING, managedMode } from '../../core/plan/index.js';
import { type LinkState, readLinkState } from '../exec/read-links.js';
import { readSysctl, writeSysctl } from '../exec/sysctl.js';
import { rootId } from '../paths.js';
import { readSysctlMemory, writeSysctlMemory } from '../state/sysctl-memory.js';
import { readActiveNetworks } from './active-networks.js';
import type { EngineContext } from './engine-context.js';

/** Writes the sysctl, first recording the old value when this changes it. */
export function rememberAndWrite(ctx: EngineContext, path: string, value: string): void {
  const before = readSysctl(path);
  const memory = readSysctlMemory(ctx.paths);
  if (before !== undefined && before !== value && !memory.some((m) => m.path === path))
    writeSysctlMemory(ctx.paths, [...memory, { path, was: before, set: value }]);
  writeSysctl(path, value);
}

/** Puts back what nobody needs; returns the paths restored. */
export async function restoreSysctls(ctx: EngineContext): Promise<string[]> {
  const memory = readSysctlMemory(ctx.paths);
  if (memory.length === 0) return [];
  const needed = new Set(
    readActiveNetworks(ctx.paths).flatMap(({ def }) => {
      const mode = managedMode(def);
      return typeof mode === 'string' ? forwardingSysctls(def, mode) : [];
    }),
  );
  // Reading the links is a process start: made only for a value no network needs.
  let others: Set<'ipv4' | 'ipv6'> | undefined;
  const kept = [];
  const restored: string[] = [];
  for (const m of memory) {
    if (readSysctl(m.path) !== m.set) continue;
    const family = m.path === IPV4_FORWARDING ? 'ipv4' : 'ipv6';
    if (needed.has(m.path)) {
      kept.push(m);
      continue;
    }
    others ??= otherBridgeFamilies(rootId(ctx.paths), ctx.linksBefore ?? (await readLinkState()));
    if (others.has(family)) {
      kept.push(m);
      continue;
    }
    writeSysctl(m.path, m.was);
    restored.push(m.path);
  }
  writeSysctlMemory(ctx.paths, kept);
  return restored;
}

/** The address families of bridges that are not this root's (they may forward). */
function otherBridgeFamilies(root: string, state: LinkState): Set<'ipv4' | 'ipv6'> {
  const foreign = new Set(
    state.links
      .filter((l) => aliasOwner(l.alias) !== root && existsSync(`/sys/class/net/${l.name}/bridge`))
      .map((l) => l.name),
  );
  const families = new Set<'ipv4' | 'ipv6'>();
  for (const r of state.routes) {
    if (!foreign.has(r.dev)) continue;
    const v6 = r.cidr.includes(':');
    // Every IPv6 link has fe80::/64; only a global address says it routes.
    if (v6 && r.cidr.toLowerCase().startsWith('fe80')) continue;
    families.add(v6 ? 'ipv6' : 'ipv4');
  }
  return families;
}
