// The verbs that change the host. Messages match virsh's.
import { readFileSync } from 'node:fs';
import { operand, parseArgs } from '../args.js';
import { fail } from '../cli-error.js';
import { isRoot, openRegistry, withControl } from '../open-registry.js';
import type { Verb } from './verb.js';

function readSourceFile(path: string): Uint8Array {
  try {
    return readFileSync(path === '-' ? 0 : path);
  } catch (err) {
    fail(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

function fileVerb(name: string, summary: string, past: string, action: 'define' | 'create'): Verb {
  return {
    name,
    usage: `${name} [--file] FILE`,
    summary,
    async run(argv, io) {
      const file = operand(name, parseArgs(name, argv, { values: ['file'], flags: ['validate'] }), 'file');
      const source = readSourceFile(file);
      const def = await withControl(io.env, (c) => c[action](source));
      io.out(`Network ${def.name} ${past} from ${file}\n\n`);
    },
  };
}

export function netVerb(
  name: string,
  summary: string,
  act: (net: string, env: NodeJS.ProcessEnv) => Promise<string>,
): Verb {
  return {
    name,
    usage: `${name} [--network] NET`,
    summary,
    async run(argv, io) {
      const net = operand(name, parseArgs(name, argv, { values: ['network'] }), 'network');
      io.out(`${await act(net, io.env)}\n\n`);
    },
  };
}

export const netDefine = fileVerb(
  'net-define',
  'define a persistent network from an XML file',
  'defined',
  'define',
);
export const netCreate = fileVerb('net-create', 'create and start a transient network', 'created', 'create');

export const netStart = netVerb('net-start', 'start a defined network', async (net, env) => {
  const name = openRegistry(env).resolve(net);
  await withControl(env, (c) => c.start(name));
  return `Network ${name} started`;
});

export const netDestroy = netVerb(
  'net-destroy',
  'stop a network (a transient one disappears)',
  async (net, env) => {
    const name = openRegistry(env).resolve(net);
    await withControl(env, (c) => c.destroy(name));
    return `Network ${name} destroyed`;
  },
);

export const netUndefine = netVerb('net-undefine', 'remove a persistent definition', async (net, env) => {
  const name = openRegistry(env).resolve(net);
  await withControl(env, (c) => c.undefine(name));
  return `Network ${name} has been undefined`;
});

export const netAutostart: Verb = {
  name: 'net-autostart',
  usage: 'net-autostart [--network] NET [--disable]',
  summary: 'start the network at boot (or not)',
  async run(argv, io) {
    const args = parseArgs('net-autostart', argv, { values: ['network'], flags: ['disable'] });
    const r = openRegistry(io.env);
    const name = r.resolve(operand('net-autostart', args, 'network'));
    const on = !args.flags.has('disable');
    await withControl(io.env, (c) => c.setAutostart(name, on));
    io.out(`Network ${name} ${on ? 'marked' : 'unmarked'} as autostarted\n\n`);
  },
};

export const autostart: Verb = {
  name: 'autostart',
  usage: 'autostart',
  summary: 'start every autostart network (run at boot)',
  async run(argv, io) {
    parseArgs('autostart', argv, {});
    if (!isRoot())
      fail('autostart runs as root at boot (switchyard-autostart.service); use net-start for one network');
    const { started, failed } = await openRegistry(io.env).autostartAll();
    for (const name of started) io.out(`Network ${name} started\n`);
    if (failed.length > 0) fail(failed.map((f) => `${f.name}: ${f.message}`).join('; '));
  },
};
