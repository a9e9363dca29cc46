// The verbs that change the host. Messages match virsh's.
import { operand, parseArgs } from '../args.js';
import { fail } from '../cli-error.js';
import { type CliControl, isRoot, openRegistry, withControl } from '../open-registry.js';
import { readInputFile } from '../read-definition-file.js';
import type { Verb } from './verb.js';

function fileVerb(name: string, summary: string, past: string, action: 'define' | 'create'): Verb {
  return {
    name,
    usage: `${name} [--file] FILE`,
    summary,
    async run(argv, io) {
      const args = parseArgs(name, argv, { operands: ['file'], flags: ['validate'] });
      const file = operand(name, args, 'file');
      const source = readInputFile(file);
      const def = await withControl(io.env, (c) => c[action](source));
      io.out(`Network ${def.name} ${past} from ${file}\n\n`);
    },
  };
}

/**
 * A verb on one network that prints `Network NET <done>`. NET is echoed as typed
 * (a UUID stays a UUID), as virsh does; scripts match on it.
 */
export function netVerb(
  name: string,
  summary: string,
  done: string,
  act: (control: CliControl, name: string) => Promise<void>,
): Verb {
  return {
    name,
    usage: `${name} [--network] NET`,
    summary,
    async run(argv, io) {
      const net = operand(name, parseArgs(name, argv, { operands: ['network'] }), 'network');
      const resolved = openRegistry(io.env).resolve(net);
      await withControl(io.env, (c) => act(c, resolved));
      io.out(`Network ${net} ${done}\n\n`);
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

export const netStart = netVerb('net-start', 'start a defined network', 'started', (c, name) =>
  c.start(name),
);

export const netDestroy = netVerb(
  'net-destroy',
  'stop a network (a transient one disappears)',
  'destroyed',
  (c, name) => c.destroy(name),
);

export const netUndefine = netVerb(
  'net-undefine',
  'remove a persistent definition',
  'has been undefined',
  (c, name) => c.undefine(name),
);

export const netAutostart: Verb = {
  name: 'net-autostart',
  usage: 'net-autostart [--network] NET [--disable]',
  summary: 'start the network at boot (or not)',
  async run(argv, io) {
    const args = parseArgs('net-autostart', argv, { operands: ['network'], flags: ['disable'] });
    const net = operand('net-autostart', args, 'network');
    const name = openRegistry(io.env).resolve(net);
    const on = !args.flags.has('disable');
    await withControl(io.env, (c) => c.setAutostart(name, on));
    io.out(`Network ${net} ${on ? 'marked' : 'unmarked'} as autostarted\n\n`);
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
