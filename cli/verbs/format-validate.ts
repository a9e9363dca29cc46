// net-format and net-validate: the definition core on its own, no host access.
import { unprivilegedOptionProblems } from '../../core/dnsmasq/index.js';
import { formatNetworkXml } from '../../core/xml/index.js';
import { operand, parseArgs } from '../args.js';
import { readDefinitionFile } from '../read-definition-file.js';
import type { Verb } from './verb.js';

export const netFormat: Verb = {
  name: 'net-format',
  usage: 'net-format [--file] FILE',
  pure: true,
  summary: "print a definition as libvirt's parse and format would (fills in no defaults)",
  async run(argv, io) {
    const file = operand('net-format', parseArgs('net-format', argv, { operands: ['file'] }), 'file');
    io.out(formatNetworkXml(readDefinitionFile(file)));
  },
};

export const netValidate: Verb = {
  name: 'net-validate',
  usage: 'net-validate [--file] FILE',
  pure: true,
  summary: 'check a definition without defining it',
  async run(argv, io) {
    const file = operand('net-validate', parseArgs('net-validate', argv, { operands: ['file'] }), 'file');
    const def = readDefinitionFile(file);
    // Valid, and root may define it; but the app and the helper would refuse these.
    const advice = 'the app and the helper refuse it; only root can define this network';
    for (const concern of unprivilegedOptionProblems(def, advice)) io.err(`warning: ${concern.message}\n`);
    io.out(`Network definition ${file} is valid\n`);
  },
};
