// Options dnsmasq accepts at most once per config: a second line stops it at
// start-up with "illegal repeated keyword". Measured with dnsmasq 2.90
// (`dnsmasq --test` on a config holding the line twice) for every option on the
// unprivileged allowlist, every option Switchyard's own config writes, and the
// usual root-only ones; the list is what validation checks repeats against.
export const ONCE_ONLY_OPTIONS: ReadonlySet<string> = new Set([
  // On the unprivileged allowlist (core/dnsmasq/option-allowlist.ts).
  'dhcp-lease-max',
  'dhcp-reply-delay',
  'dhcp-ttl',
  'dhcp-duid',
  'mx-target',
  'cache-size',
  'local-ttl',
  'neg-ttl',
  'max-ttl',
  'max-cache-ttl',
  'min-cache-ttl',
  'dns-forward-max',
  'edns-packet-max',
  'use-stale-cache',
  'fast-dns-retry',
  'add-subnet',
  'add-cpe-id',
  'log-async',
  // Written by Switchyard's own config, or only root may set them.
  'port',
  'pid-file',
  'user',
  'group',
  'dhcp-leasefile',
  'dhcp-script',
  'dhcp-scriptuser',
  'log-facility',
  'query-port',
  'min-port',
  'max-port',
  'dumpfile',
  'auth-ttl',
  'tftp-max',
  'dnssec-timestamp',
  'servers-file',
  'local-service',
]);
