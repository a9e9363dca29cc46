// net-update, with virsh's syntax: NET COMMAND SECTION XML, where XML is the element
// itself or a file holding it (virsh reads a file unless the text starts with '<').
import { readFileSync } from 'node:fs';
import {
  isUpdateCommand,
  isUpdateSection,
  type NetworkUpdateRequest,
  UPDATE_COMMANDS,
  UPDATE_SECTIONS,
} from '../../core/update/update-request.js';
import { createEngine } from '../../host/engine/engine.js';
import { type UpdateOutcome, updateNetwork } from '../../host/live-update/update-network.js';
import { type ParsedArgs, parseArgs } from '../args.js';
import { fail } from '../cli-error.js';
import { openRegistry } from '../open-registry.js';
import type { Verb } from './verb.js';

const VERB = 'net-update';
const OPERANDS = ['network', 'command', 'section', 'xml'] as const;
type Operand = (typeof OPERANDS)[number];

/** Each operand by its --flag or, in order, from the positionals left over. */
function operands(args: ParsedArgs): Record<Operand, string> {
  const rest = [...args.positionals];
  const out = {} as Record<Operand, string>;
  for (const name of OPERANDS) {
    const value = args.values.get(name) ?? rest.shift();
    if (value === undefined) fail(`${VERB}: missing ${name} operand`);
    out[name] = value;
  }
  if (rest.length > 0) fail(`${VERB}: unexpected argument '${rest[0]}'`);
  return out;
}

function readXml(xml: string): string {
  if (xml.trimStart().startsWith('<')) return xml;
  try {
    return readFileSync(xml === '-' ? 0 : xml, 'utf8');
  } catch (err) {
    fail(`cannot read ${xml}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

function parentIndex(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^-?[0-9]+$/.test(text)) fail(`${VERB}: --parent-index '${text}' is not a number`);
  return Number(text);
}

export function updateRequest(args: ParsedArgs): { network: string; request: NetworkUpdateRequest } {
  const o = operands(args);
  if (!isUpdateCommand(o.command))
    fail(`${VERB}: unrecognized command '${o.command}' (one of ${UPDATE_COMMANDS.join(', ')})`);
  if (!isUpdateSection(o.section))
    fail(`${VERB}: unrecognized section '${o.section}' (one of ${UPDATE_SECTIONS.join(', ')})`);
  const index = parentIndex(args.values.get('parent-index'));
  const request: NetworkUpdateRequest = { command: o.command, section: o.section, xml: readXml(o.xml) };
  if (index !== undefined) request.parentIndex = index;
  return { network: o.network, request };
}

/** virsh's wording. */
export function updateMessage(outcome: UpdateOutcome): string {
  if (outcome.config && outcome.live)
    return `Updated network ${outcome.name} persistent config and live state`;
  if (outcome.config) return `Updated network ${outcome.name} persistent config`;
  return `Updated network ${outcome.name} live state`;
}

export const netUpdate: Verb = {
  name: VERB,
  usage: `${VERB} NET COMMAND SECTION XML [--parent-index N] [--live] [--config] [--current]`,
  summary: 'add, modify or delete one entry (e.g. a DHCP host) of a network, live and/or saved',
  async run(argv, io) {
    const args = parseArgs(VERB, argv, {
      values: ['network', 'command', 'section', 'xml', 'parent-index'],
      flags: ['live', 'config', 'current'],
    });
    const live = args.flags.has('live');
    const config = args.flags.has('config');
    if (args.flags.has('current') && (live || config))
      fail(`${VERB}: --current cannot be combined with --live or --config`);
    const { network, request } = updateRequest(args);
    const registry = openRegistry(io.env);
    const name = registry.resolve(network);
    const engine = createEngine(registry.paths, io.env);
    const outcome = await updateNetwork(registry.paths, name, request, {
      live,
      config,
      before: () => engine.reconcile(),
    });
    io.out(`${updateMessage(outcome)}\n\n`);
  },
};
