// forward-interface: the pool of host interfaces in <forward> (virNetworkDefUpdate-
// ForwardInterface), matched by dev. libvirt keeps forward dev= as the first pool
// entry, so dev follows the pool's head after every change.
import type { ForwardDef, ForwardInterface, NetworkDef } from '../model/network.js';
import type { Result } from '../result.js';
import { attribute } from '../xml/xml-tree.js';
import { asWritten, parseSnippet, posOf } from './snippet.js';
import { networkFailure, ok, updateFailure } from './update-problem.js';
import { type EffectiveCommand, inserted } from './update-request.js';

export function updateForwardInterface(
  def: NetworkDef,
  command: EffectiveCommand,
  xml: string,
): Result<NetworkDef> {
  const root = parseSnippet(def, xml, 'interface');
  if (!root.ok) return root;
  const el = root.value;
  const what = asWritten(el, ['dev']);
  const at = posOf(el);
  if (command === 'modify') return updateFailure(def, what, at, 'cannot be modified, only added or deleted');
  const dev = attribute(el, 'dev');
  if (dev === undefined) return updateFailure(def, what, at, 'has no dev attribute');
  // Without <forward> the network is isolated; adding one would change its mode.
  if (!def.forward) return networkFailure(def, 'has no <forward> element to hold interfaces');
  const pool = poolOf(def.forward);
  const found = pool.findIndex((i) => i.dev === dev);
  if (command === 'delete') {
    if (found < 0) return updateFailure(def, what, at, 'matches no <interface> of <forward>');
    const used = pool[found]?.connections ?? 0;
    if (used > 0) return updateFailure(def, what, at, `is in use by ${used} guest interface(s)`);
    return ok(
      withPool(
        def,
        def.forward,
        pool.filter((_, k) => k !== found),
      ),
    );
  }
  if (found >= 0) return updateFailure(def, what, at, 'is already an <interface> of <forward>');
  return ok(withPool(def, def.forward, inserted(pool, { at, dev }, command)));
}

/** <forward dev='x'/> alone means a pool of one, as libvirt reads it. */
function poolOf(fwd: ForwardDef): ForwardInterface[] {
  if (fwd.interfaces.length > 0 || fwd.dev === undefined) return fwd.interfaces;
  if (fwd.pfs.length > 0 || fwd.addresses.length > 0) return fwd.interfaces;
  return [{ dev: fwd.dev }];
}

function withPool(def: NetworkDef, fwd: ForwardDef, interfaces: ForwardInterface[]): NetworkDef {
  if (fwd.pfs.length > 0 || fwd.addresses.length > 0) return { ...def, forward: { ...fwd, interfaces } };
  const { dev: _old, ...rest } = fwd;
  const head = interfaces[0]?.dev;
  return {
    ...def,
    forward: head === undefined ? { ...rest, interfaces } : { ...rest, dev: head, interfaces },
  };
}
