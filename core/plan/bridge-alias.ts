// A bridge carries its state root in its alias, 'switchyard:<root id>:<network stem>',
// so reconcile can tell a leftover bridge of its own from one of another state root
// in the same network namespace (a second install, the tests, the playground), and
// leaves the latter alone. The stem is for people reading `ip link`; ownership is
// the root id alone.
const PREFIX = 'switchyard:';
/** IFALIASZ is 256 bytes with the terminating NUL. */
const MAX_ALIAS_BYTES = 255;

export function bridgeAlias(rootId: string, networkStem: string): string {
  // Stems are ASCII (core/names/file-stem), so characters are bytes.
  return `${PREFIX}${rootId}:${networkStem}`.slice(0, MAX_ALIAS_BYTES);
}

/** The root id in a bridge alias of ours, or undefined for any other alias. */
export function aliasOwner(alias: string | undefined): string | undefined {
  if (!alias?.startsWith(PREFIX)) return undefined;
  const rest = alias.slice(PREFIX.length);
  const end = rest.indexOf(':');
  return end > 0 ? rest.slice(0, end) : undefined;
}
