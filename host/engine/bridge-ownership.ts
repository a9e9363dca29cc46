// Whose is the link called BRIDGE? Reconcile and stop delete a bridge only when it
// is provably this state root's: its alias carries our root id. A link of that name
// with another alias, or none, may be another root's or another program's, made
// after ours vanished; it is left alone. The one exception: a start cut short
// between creating the bridge and naming it, which its intent record vouches for.
import { aliasOwner } from '../../core/plan/index.js';
import type { LinkState } from '../exec/read-links.js';

export type BridgeOwnership = 'ours' | 'absent' | 'unnamed' | 'foreign';

export function bridgeOwnership(links: LinkState, bridge: string, rootId: string): BridgeOwnership {
  const link = links.links.find((l) => l.name === bridge);
  if (!link) return 'absent';
  if (!link.alias) return 'unnamed';
  return aliasOwner(link.alias) === rootId ? 'ours' : 'foreign';
}
