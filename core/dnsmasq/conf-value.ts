// dnsmasq reads its config one option per line, so a value carrying a line break
// (or another control character) would smuggle in options of its own. Validation
// should already have refused such values; this is the generator's own last guard.

const CONTROL = /[\u0000-\u001f\u007f]/;

export function confValue(value: string, what: string): string {
  if (CONTROL.test(value)) {
    throw new Error(`dnsmasq config: ${what} ${JSON.stringify(value)} contains a control character`);
  }
  return value;
}

/**
 * A name as a double-quoted literal fit for a comment line: JSON escapes quotes,
 * backslashes and control characters (so a newline cannot end the comment); the
 * few line separators JSON leaves alone are escaped too.
 */
export function quotedForComment(text: string): string {
  return JSON.stringify(text).replace(
    /[\u007f\u0085\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
