// net-plan: what a start would do to the host, step by step with each undo, touching
// nothing. For a file, the definition is completed as net-define would complete it.
import { formatPlan, planJson } from '../../core/plan/index.js';
import { planNetworkStart } from '../../host/engine/index.js';
import { HostError } from '../../host/host-error.js';
import { operand, parseArgs } from '../args.js';
import { fail } from '../cli-error.js';
import { openRegistry } from '../open-registry.js';
import { readDefinitionFile } from '../read-definition-file.js';
import type { Verb } from './verb.js';

export const netPlan: Verb = {
  name: 'net-plan',
  readsHost: true,
  usage: 'net-plan (NET | --file FILE) [--json]',
  summary: 'show what starting the network would do, changing nothing',
  async run(argv, io) {
    const args = parseArgs('net-plan', argv, { operands: ['network'], values: ['file'], flags: ['json'] });
    const registry = openRegistry(io.env);
    const file = args.values.get('file');
    const def = file
      ? await registry.withDefaults(readDefinitionFile(file))
      : registry.definition(registry.resolve(operand('net-plan', args, 'network')));
    if (!def) fail(`network '${operand('net-plan', args, 'network')}' is transient and already running`);
    const persistent = !file;
    const plan = await planNetworkStart(def, { paths: registry.paths, env: io.env }, { persistent }).catch(
      (err: unknown) => {
        if (err instanceof HostError) fail(err.message);
        throw err;
      },
    );
    io.out(args.flags.has('json') ? `${JSON.stringify(planJson(plan), null, 2)}\n` : formatPlan(plan));
  },
};
