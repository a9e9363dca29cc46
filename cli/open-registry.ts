// The CLI runs the engine in-process (as root). The root helper of issue 4 will slot in
// here for unprivileged users.
import { createEngine } from '../host/engine-factory.js';
import { Registry } from '../host/networks/registry.js';
import { hostPaths } from '../host/paths.js';

export function openRegistry(env: NodeJS.ProcessEnv): Registry {
  const paths = hostPaths(env);
  return new Registry(paths, createEngine(paths, env));
}
