// What each method does, on top of the registry (the same lifecycle rules the CLI
// runs as root). XML is read again with core before anything touches the host, so
// the helper never relies on the client having checked it.
import type { HelperMethod, HelperRequest, HelperResult } from '../contract/helper.js';
import { assertNever } from '../core/result.js';
import type { CreateOptions, NetworkControl } from '../host/networks/index.js';
import { CheckedDefinition } from '../host/networks/index.js';

/**
 * What the helper needs from the host: the changes, plus name-or-UUID lookup. XML
 * arrives checked here, once, and goes on as the checked definition.
 */
export interface HelperBackend extends Omit<NetworkControl, 'define' | 'create' | 'defineAndStart'> {
  resolve(net: string): string;
  define(def: CheckedDefinition): Promise<{ name: string; uuid: string }>;
  create(def: CheckedDefinition): Promise<{ name: string; uuid: string }>;
  defineAndStart(def: CheckedDefinition, opts: CreateOptions): Promise<{ name: string; uuid: string }>;
}

export async function handleRequest(
  backend: HelperBackend,
  request: Exclude<HelperRequest, { method: 'hello' }>,
): Promise<HelperResult<Exclude<HelperMethod, 'hello'>>> {
  switch (request.method) {
    case 'define':
      return pick(await backend.define(CheckedDefinition.read(request.params.xml)));
    case 'create':
      return pick(await backend.create(CheckedDefinition.read(request.params.xml)));
    case 'start':
      return changeNamed(backend, request.params.net, (name) => backend.start(name));
    case 'destroy':
      return changeNamed(backend, request.params.net, (name) => backend.destroy(name));
    case 'undefine':
      return changeNamed(backend, request.params.net, (name) => backend.undefine(name));
    case 'autostart': {
      const on = request.params.on;
      return changeNamed(backend, request.params.net, (name) => backend.setAutostart(name, on));
    }
    case 'userAttach': {
      const on = request.params.on;
      return changeNamed(backend, request.params.net, (name) => backend.setUnprivilegedAttach(name, on));
    }
    case 'defineAndStart': {
      const { xml, autostart, start } = request.params;
      return pick(await backend.defineAndStart(CheckedDefinition.read(xml), { autostart, start }));
    }
    case 'restart':
      return changeNamed(backend, request.params.net, (name) => backend.restart(name));
    case 'remove':
      return changeNamed(backend, request.params.net, (name) => backend.remove(name));
    case 'applyFix': {
      const name = backend.resolve(request.params.net);
      const { started } = await backend.applyFix(name, request.params.fix);
      return { name, started };
    }
    case 'reserve': {
      const name = backend.resolve(request.params.net);
      return backend.reserve(name, request.params.lease);
    }
    case 'update': {
      const { net, command, section, xml, parentIndex, live, config } = request.params;
      const name = backend.resolve(net);
      // virsh's -1 means "the <ip> that serves DHCP", which is core's absent index.
      const req = {
        command,
        section,
        xml,
        ...(parentIndex === undefined || parentIndex < 0 ? {} : { parentIndex }),
      };
      return backend.update(name, req, { live: live ?? false, config: config ?? false });
    }
    case 'doctor':
      return backend.doctor(request.params.net);
    case 'repair':
      return backend.repair(request.params.actions, request.params.net);
    default:
      return assertNever(request, 'helper method');
  }
}

async function changeNamed(
  backend: HelperBackend,
  net: string,
  change: (name: string) => Promise<void>,
): Promise<{ name: string }> {
  const name = backend.resolve(net);
  await change(name);
  return { name };
}

/** The registry returns the whole filled-in definition; the wire carries name and UUID. */
const pick = (d: { name: string; uuid: string }): { name: string; uuid: string } => ({
  name: d.name,
  uuid: d.uuid,
});
