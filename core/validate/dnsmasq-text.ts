// Values that end up in dnsmasq's config or hosts files, checked the way dnsmasq
// reads them. dnsmasq reads its config (and the dhcp-hostsfile) line by line with
// a quoting of its own: '"' opens a quoted string, and an unpaired one stops
// dnsmasq at start-up (`missing "`); '#' after whitespace starts a comment; a
// line break ends the option, so a value holding one smuggles in an option of
// its own. The generators in core/dnsmasq refuse such values too, but only at
// net-start: validation must say so first, with the element and its line.

/** Why VALUE cannot stay on one config line, or undefined. */
export function oneLineProblem(value: string): string | undefined {
  if (/[\n\r\u2028\u2029\u0085]/.test(value)) return 'may not contain a line break';
  if (/[\x00-\x1f\x7f]/.test(value)) return 'may not contain control characters';
  return undefined;
}

/** Why dnsmasq would misread VALUE on a config line, or undefined when it reads it as written. */
export function configTextProblem(value: string): string | undefined {
  const line = oneLineProblem(value);
  if (line) return line;
  if (value.includes('"')) return `may not contain '"': dnsmasq reads it as the start of a quoted string`;
  if (/\s#/.test(value)) return "may not contain '#' after a space: dnsmasq reads the rest as a comment";
  return undefined;
}

/** A value that is one field of a comma-separated option (dhcp-boot=FILE,…, tftp-root=DIR,…). */
export function confFieldProblem(value: string): string | undefined {
  const text = configTextProblem(value);
  if (text) return text;
  if (value.includes(',')) return "may not contain ',': dnsmasq reads what follows as another field";
  return undefined;
}

/** RFC 1035's limits, which dnsmasq enforces: longer names stop it at start-up. */
const MAX_LABEL = 63;
const MAX_NAME = 253;

/**
 * Why NAME is not a DNS name dnsmasq can take, or undefined. The characters beyond
 * the config's own are the separators of the options names go into: ',' between
 * fields, '/' around the domain of local= and server=, whitespace between the
 * names of a hosts-file line. A single trailing dot (a fully qualified name) is fine.
 */
export function dnsNameProblem(name: string): string | undefined {
  if (name === '') return 'is empty';
  const text = configTextProblem(name);
  if (text) return text;
  if (/[\s,/#]/.test(name)) return "may not contain whitespace, ',', '/' or '#'";
  const labels = (name.endsWith('.') ? name.slice(0, -1) : name).split('.');
  if (labels.some((label) => label === '')) return 'has an empty label (two dots in a row, or a leading dot)';
  const long = labels.find((label) => label.length > MAX_LABEL);
  if (long !== undefined) return `has a label of ${long.length} characters; DNS allows at most ${MAX_LABEL}`;
  if (name.length > MAX_NAME) return `is ${name.length} characters long; DNS allows at most ${MAX_NAME}`;
  return undefined;
}
