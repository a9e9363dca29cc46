// The app's workflows as verbs (virsh has no single command for them): each is one
// operation under the host lock, so a failure half-way is handled in one place.
import { openRegistry, withControl } from '../open-registry.js';
import { netVerb } from './lifecycle.js';

export const netRestart = netVerb(
  'net-restart',
  'stop and start a network again with its saved definition',
  async (net, env) => {
    const name = openRegistry(env).resolve(net);
    await withControl(env, (c) => c.restart(name));
    return `Network ${name} restarted`;
  },
);

export const netDelete = netVerb(
  'net-delete',
  'stop a network if it runs, then remove its definition',
  async (net, env) => {
    const name = openRegistry(env).resolve(net);
    await withControl(env, (c) => c.remove(name));
    return `Network ${name} deleted`;
  },
);
