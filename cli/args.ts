// virsh-style arguments: positionals, boolean flags (--all) and flags with a value
// (--file F). Option names that take a value are declared per verb.
import { fail } from './cli-error.js';

export interface ParsedArgs {
  positionals: string[];
  flags: Set<string>;
  values: Map<string, string>;
}

export interface ArgSpec {
  flags?: readonly string[];
  values?: readonly string[];
}

export function parseArgs(verb: string, argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const out: ParsedArgs = { positionals: [], flags: new Set(), values: new Map() };
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
    if (spec.values?.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) fail(`${verb}: option --${name} needs a value`);
      out.values.set(name, value);
    } else if (spec.flags?.includes(name) && inline === undefined) {
      out.flags.add(name);
    } else {
      fail(`${verb}: unknown option --${name}`);
    }
  }
  return out;
}

function splitOption(text: string): [string, string | undefined] {
  const eq = text.indexOf('=');
  return eq < 0 ? [text, undefined] : [text.slice(0, eq), text.slice(eq + 1)];
}

/** A required operand given either by position or by its --name flag, as virsh allows. */
export function operand(verb: string, args: ParsedArgs, flag: string, index = 0): string {
  const value = args.values.get(flag) ?? args.positionals[index];
  if (value === undefined) fail(`${verb}: missing ${flag} operand`);
  return value;
}
