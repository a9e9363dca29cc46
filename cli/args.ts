// virsh-style arguments: operands (by position or as --name VALUE), boolean flags
// (--all) and other options with a value (--file F). Each verb declares its own.
// Like virsh, a positional argument no operand takes is an error ("unexpected
// data"), so `net-undefine NET extra` changes nothing instead of ignoring 'extra'.
import { fail } from './cli-error.js';

export interface ParsedArgs {
  positionals: string[];
  flags: Set<string>;
  values: Map<string, string>;
}

export interface ArgSpec {
  /**
   * Operands in the order positionals fill them; each may also be given as
   * --NAME VALUE, and then the positionals fill the others, as in virsh.
   */
  operands?: readonly string[];
  flags?: readonly string[];
  values?: readonly string[];
}

export function parseArgs(verb: string, argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const out: ParsedArgs = { positionals: [], flags: new Set(), values: new Map() };
  const takesValue = (name: string): boolean =>
    (spec.values?.includes(name) ?? false) || (spec.operands?.includes(name) ?? false);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      out.positionals.push(arg);
      continue;
    }
    const [name, inline] = splitOption(arg.slice(2));
    if (takesValue(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) fail(`${verb}: option --${name} needs a value`);
      out.values.set(name, value);
    } else if (spec.flags?.includes(name) && inline === undefined) {
      out.flags.add(name);
    } else {
      fail(`${verb}: unknown option --${name}`);
    }
  }
  fillOperands(out, spec.operands ?? []);
  return out;
}

/** Positionals go to the operands not given by flag, in order; any left over is refused. */
function fillOperands(args: ParsedArgs, operands: readonly string[]): void {
  const rest = [...args.positionals];
  for (const name of operands) {
    if (args.values.has(name)) continue;
    const next = rest.shift();
    if (next === undefined) break;
    args.values.set(name, next);
  }
  // virsh's wording, which scripts may look for.
  if (rest.length > 0) fail(`unexpected data '${rest[0]}'`);
}

function splitOption(text: string): [string, string | undefined] {
  const eq = text.indexOf('=');
  return eq < 0 ? [text, undefined] : [text.slice(0, eq), text.slice(eq + 1)];
}

/** A required operand. */
export function operand(verb: string, args: ParsedArgs, name: string): string {
  const value = args.values.get(name);
  if (value === undefined) fail(`${verb}: missing ${name} operand`);
  return value;
}
