// The app's workflows as verbs (virsh has no single command for them): each is one
// operation under the host lock, so a failure half-way is handled in one place.
import { netVerb } from './lifecycle.js';

export const netRestart = netVerb(
  'net-restart',
  'stop and start a network again with its saved definition',
  'restarted',
  (c, name) => c.restart(name),
);

export const netDelete = netVerb(
  'net-delete',
  'stop a network if it runs, then remove its definition',
  'deleted',
  (c, name) => c.remove(name),
);
