// <dnsmasq:options>: each value is copied verbatim as one line of dnsmasq's config
// (libvirt's passthrough), so it must stay one line, and it may not set a second
// time an option dnsmasq takes once: not twice among the options, and not one
// Switchyard's own config already sets for this network (dhcp-lease-max with DHCP
// ranges, pid-file, user …); either would stop dnsmasq at start-up. Quotes and
// comments are the writer's own business: the line is theirs. Which options an
// unprivileged caller may set is the host's policy, not validity
// (core/dnsmasq/option-allowlist.ts).
import { ownOptionLines } from '../dnsmasq/dnsmasq-config.js';
import { ONCE_ONLY_OPTIONS } from '../dnsmasq/once-only-options.js';
import { dnsmasqOptionName } from '../dnsmasq/option-allowlist.js';
import { shouldRunDnsmasq } from '../dnsmasq/should-run.js';
import type { NetworkDef } from '../model/network.js';
import { oneLineProblem } from './dnsmasq-text.js';
import { element, type Finding, finding, quote, type Report } from './problem-text.js';

export function checkDnsmasqOptions(def: NetworkDef, report: Report): void {
  const options = def.dnsmasqOptions ?? [];
  if (options.length === 0) return;
  const taken = onceOnlyOptionsWeWrite(def);
  const seen = new Set<string>();
  for (const option of options) {
    const name = dnsmasqOptionName(option.value);
    const problem =
      lineProblem(option.value) ?? (name === undefined ? undefined : repeatProblem(name, taken, seen));
    if (name !== undefined) seen.add(name);
    if (problem)
      report(problem.rule, element('dnsmasq:option', [['value', option.value]]), option.at, problem.text);
  }
}

function lineProblem(value: string): Finding | undefined {
  const problem = oneLineProblem(value);
  return problem ? finding('dnsmasq.option-not-one-line', `value ${quote(value)} ${problem}`) : undefined;
}

function repeatProblem(
  name: string,
  taken: ReadonlySet<string>,
  seen: ReadonlySet<string>,
): Finding | undefined {
  if (!ONCE_ONLY_OPTIONS.has(name)) return undefined;
  if (taken.has(name))
    return finding(
      'dnsmasq.option-set-by-switchyard',
      `sets '${name}', which Switchyard already sets for this network; dnsmasq takes it only once`,
    );
  if (seen.has(name))
    return finding('dnsmasq.option-repeated', `sets '${name}' a second time; dnsmasq takes it only once`);
  return undefined;
}

/**
 * The once-only options in the config Switchyard writes for DEF, as the host writes
 * it (with a pid file and a user). Placeholder paths: only the option names matter.
 */
function onceOnlyOptionsWeWrite(def: NetworkDef): Set<string> {
  if (!shouldRunDnsmasq(def)) return new Set();
  let lines: string[];
  try {
    lines = ownOptionLines(def, { stateDir: '/state', bridge: 'br0', pidFile: '/run/pid', user: 'nobody' });
  } catch {
    // The generator refuses a value another rule reports; nothing more to say here.
    return new Set();
  }
  const names = lines.map(dnsmasqOptionName);
  return new Set(names.filter((n): n is string => n !== undefined && ONCE_ONLY_OPTIONS.has(n)));
}
