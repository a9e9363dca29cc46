// net-update, with virsh's syntax: NET COMMAND SECTION XML, where XML is the element
// itself or a file holding it (virsh reads a file unless the text starts with '<').
// The change goes through whoever makes changes (the root helper for a normal user),
// like every other changing verb.
import {
  isUpdateCommand,
  isUpdateSection,
  type NetworkUpdateRequest,
  UPDATE_COMMANDS,
  UPDATE_SECTIONS,
} from '../../core/update/index.js';
import type { UpdateOutcome } from '../../host/live-update/index.js';
import { operand, type ParsedArgs, parseArgs } from '../args.js';
import { fail } from '../cli-error.js';
import { openReads, withControl } from '../open-registry.js';
import { readInputFile } from '../read-definition-file.js';
import type { Verb } from './verb.js';

const VERB = 'net-update';
export const UPDATE_ARGS = {
  operands: ['network', 'command', 'section', 'xml'],
  values: ['parent-index'],
  flags: ['live', 'config', 'current'],
} as const;

function readXml(xml: string): string {
  if (xml.trimStart().startsWith('<')) return xml;
  return new TextDecoder().decode(readInputFile(xml));
}

function parentIndex(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^-?[0-9]+$/.test(text)) fail(`${VERB}: --parent-index '${text}' is not a number`);
  return Number(text);
}

export function updateRequest(args: ParsedArgs): { network: string; request: NetworkUpdateRequest } {
  const [network, command, section, xml] = UPDATE_ARGS.operands.map((name) => operand(VERB, args, name)) as [
    string,
    string,
    string,
    string,
  ];
  if (!isUpdateCommand(command))
    fail(`${VERB}: unrecognized command '${command}' (one of ${UPDATE_COMMANDS.join(', ')})`);
  if (!isUpdateSection(section))
    fail(`${VERB}: unrecognized section '${section}' (one of ${UPDATE_SECTIONS.join(', ')})`);
  const index = parentIndex(args.values.get('parent-index'));
  const request: NetworkUpdateRequest = { command, section, xml: readXml(xml) };
  if (index !== undefined) request.parentIndex = index;
  return { network, request };
}

/** virsh's wording. */
export function updateMessage(outcome: UpdateOutcome): string {
  if (outcome.config && outcome.live)
    return `Updated network ${outcome.name} persistent config and live state`;
  if (outcome.config) return `Updated network ${outcome.name} persistent config`;
  return `Updated network ${outcome.name} live state`;
}

/**
 * What the running network had to do beyond virsh's usual SIGHUP, for stderr (stdout
 * stays virsh's one line): a dnsmasq restart, which keeps the leases but drops DNS
 * for a moment, and a firewall reload.
 */
export function updateNotes(outcome: UpdateOutcome): string[] {
  const notes: string[] = [];
  const r = outcome.restartedDnsmasq;
  if (r) {
    const pid = (p: number | undefined): string => (p === undefined ? 'none' : `pid ${p}`);
    const what = r.previousPid === undefined ? 'started' : r.pid === undefined ? 'stopped' : 'restarted';
    notes.push(
      `${what} dnsmasq of network ${outcome.name} to apply its new configuration, which it cannot re-read while running (${pid(r.previousPid)} -> ${pid(r.pid)}, ${r.ms} ms); DHCP leases are kept`,
    );
  }
  if (outcome.reloadedFirewall)
    notes.push(`reloaded the firewall table of network ${outcome.name} (replaced in one nft transaction)`);
  return notes;
}

export const netUpdate: Verb = {
  name: VERB,
  usage: `${VERB} NET COMMAND SECTION XML [--parent-index N] [--live] [--config] [--current]`,
  summary: 'add, modify or delete one entry (e.g. a DHCP host) of a network, live and/or saved',
  async run(argv, io) {
    const args = parseArgs(VERB, argv, UPDATE_ARGS);
    const live = args.flags.has('live');
    const config = args.flags.has('config');
    if (args.flags.has('current') && (live || config))
      fail(`${VERB}: --current cannot be combined with --live or --config`);
    const { network, request } = updateRequest(args);
    const name = openReads(io.env).resolve(network);
    const outcome = await withControl(io.env, (c) => c.update(name, request, { live, config }));
    // virsh prints this one line, with no blank line after it.
    io.out(`${updateMessage(outcome)}\n`);
    for (const note of updateNotes(outcome)) io.err(`${note}\n`);
  },
};
