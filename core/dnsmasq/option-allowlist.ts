// Which <dnsmasq:option> lines an unprivileged caller may hand to the root helper
// (the app, the web shell, the CLI run as a user). dnsmasq starts as root and
// reads these lines as its own config: an option that names a program, a file, a
// directory or a user makes root run, read or write what the caller chose
// (dhcp-script=/home/me/hook.sh runs as root on every lease; addn-hosts=/etc/shadow
// serves it; log-facility= and dhcp-leasefile= write anywhere; user=root keeps
// root). libvirt passes them all through because only root talks to libvirtd; our
// helper serves an unprivileged user after one polkit prompt for the whole session.
//
// So the helper accepts only the options listed here, none of which names a path,
// a program or an account, and none of which changes the host outside this
// network's dnsmasq. Root running the CLI directly may use any option (that is
// root's own choice), and net-validate warns about the ones not listed. Parsing
// and formatting are untouched: the allowlist is a policy of the host, not part of
// the definition's grammar.
import type { NetworkDef } from '../model/network.js';
import type { Problem } from '../result.js';
import { element, problemCollector } from '../validate/problem-text.js';

/** The options, by group; each group's comment says why all of it is safe to accept without root. */
const GROUPS: readonly (readonly string[])[] = [
  // Flags and numbers: they change how DHCP answers, never what dnsmasq opens.
  [
    'no-ping',
    'dhcp-lease-max',
    'dhcp-authoritative',
    'dhcp-rapid-commit',
    'dhcp-sequential-ip',
    'dhcp-no-override',
    'dhcp-broadcast',
    'dhcp-ignore-names',
    'dhcp-generate-names',
    'dhcp-client-update',
    'dhcp-fqdn',
    'dhcp-reply-delay',
    'dhcp-ignore-clid',
    'dhcp-ttl',
    'bootp-dynamic',
  ],
  // Data sent to guests, and the tags that choose which guest gets what. Boot
  // file names (dhcp-boot, pxe-service) are left out: they name files, and
  // <bootp file=…> says the same in the definition itself.
  [
    'dhcp-option',
    'dhcp-option-force',
    'dhcp-host',
    'dhcp-match',
    'dhcp-name-match',
    'dhcp-vendorclass',
    'dhcp-userclass',
    'dhcp-circuitid',
    'dhcp-remoteid',
    'dhcp-subscrid',
    'dhcp-mac',
    'dhcp-ignore',
    'dhcp-duid',
    'tag-if',
  ],
  // Records this network's DNS answers with: names and addresses, all data.
  [
    'address',
    'cname',
    'txt-record',
    'srv-host',
    'mx-host',
    'mx-target',
    'selfmx',
    'localmx',
    'ptr-record',
    'host-record',
    'naptr-record',
    'caa-record',
    'dns-rr',
    'synth-domain',
    'alias',
    'bogus-nxdomain',
    'ignore-address',
    'local',
    'domain',
    'expand-hosts',
  ],
  // How queries are cached and forwarded: numbers, flags and upstream addresses.
  // (no-resolv stops a file from being read; it opens none.)
  [
    'cache-size',
    'local-ttl',
    'neg-ttl',
    'max-ttl',
    'max-cache-ttl',
    'min-cache-ttl',
    'no-negcache',
    'domain-needed',
    'bogus-priv',
    'filterwin2k',
    'strict-order',
    'all-servers',
    'dns-forward-max',
    'server',
    'rev-server',
    'no-resolv',
    'no-poll',
    'stop-dns-rebind',
    'rebind-localhost-ok',
    'rebind-domain-ok',
    'clear-on-reload',
    'edns-packet-max',
    'localise-queries',
    'filter-AAAA',
    'filter-A',
    'filter-rr',
    'no-round-robin',
    'use-stale-cache',
    'fast-dns-retry',
    'dns-loop-detect',
    'add-mac',
    'add-subnet',
    'strip-mac',
    'strip-subnet',
    'add-cpe-id',
    'dnssec',
    'dnssec-check-unsigned',
    'dnssec-no-timecheck',
    'proxy-dnssec',
    'trust-anchor',
  ],
  // Router advertisements on this network's bridge only.
  ['ra-param', 'enable-ra', 'quiet-ra'],
  // More or less logging, always to syslog: log-facility, which would name the
  // file, is not listed.
  ['log-dhcp', 'log-queries', 'log-debug', 'log-async', 'quiet-dhcp', 'quiet-dhcp6'],
];

/** Every option an unprivileged caller may give, as dnsmasq spells it (case matters to dnsmasq). */
export const UNPRIVILEGED_DNSMASQ_OPTIONS: ReadonlySet<string> = new Set(GROUPS.flat());

/** Why well-known options are refused; shown in refusals and in net-validate's warnings. */
const DANGER: ReadonlyMap<string, string> = new Map([
  ['dhcp-script', 'runs a program as root'],
  ['dhcp-luascript', 'runs a program as root'],
  ['conf-script', 'runs a program as root'],
  ['dhcp-scriptuser', 'names the user a script runs as'],
  ['user', 'names the user dnsmasq runs as'],
  ['group', 'names the group dnsmasq runs as'],
  ['conf-file', 'reads a file as root'],
  ['conf-dir', 'reads a directory as root'],
  ['addn-hosts', 'reads a file as root and serves it over DNS'],
  ['hostsdir', 'reads a directory as root'],
  ['dhcp-hostsfile', 'reads a file as root'],
  ['dhcp-hostsdir', 'reads a directory as root'],
  ['dhcp-optsfile', 'reads a file as root'],
  ['dhcp-optsdir', 'reads a directory as root'],
  ['resolv-file', 'reads a file as root'],
  ['servers-file', 'reads a file as root'],
  ['read-ethers', 'reads /etc/ethers as root'],
  ['dhcp-leasefile', 'writes a file as root'],
  ['log-facility', 'writes a file as root'],
  ['pid-file', 'writes a file as root'],
  ['dumpfile', 'writes a file as root'],
  ['dnssec-timestamp', 'writes a file as root'],
  ['tftp-root', 'serves a directory to every guest'],
  ['enable-tftp', 'serves files to every guest'],
  ['ipset', "changes the host's firewall sets"],
  ['nftset', "changes the host's firewall sets"],
]);

/**
 * The option a config line sets, as dnsmasq reads it: the name before '=' (spaces
 * and tabs around it allowed), or the whole line for a flag. Undefined when the
 * line is not that plain shape: dnsmasq strips quotes anywhere in a line, so
 * `dhcp-scr""ipt=…` is dhcp-script to dnsmasq; such a line is refused, not guessed at.
 */
export function dnsmasqOptionName(line: string): string | undefined {
  return /^[ \t]*([A-Za-z0-9-]+)[ \t]*(?:=|$)/.exec(line)?.[1];
}

/** Undefined when an unprivileged caller may set LINE, else why not (one clause). */
export function unprivilegedOptionRefusal(line: string): string | undefined {
  const name = dnsmasqOptionName(line);
  if (name === undefined)
    return 'is not a plain NAME=VALUE line, so which dnsmasq option it sets cannot be checked';
  if (UNPRIVILEGED_DNSMASQ_OPTIONS.has(name)) return undefined;
  const danger = DANGER.get(name);
  return danger
    ? `sets '${name}', which ${danger}`
    : `sets '${name}', which is not on the list of options accepted without root`;
}

/**
 * One problem per <dnsmasq:option> an unprivileged caller may not set, in the usual
 * one-line form; ADVICE ends each message (what to do instead).
 */
export function unprivilegedOptionProblems(def: NetworkDef, advice: string): Problem[] {
  const { problems, report } = problemCollector(def);
  for (const option of def.dnsmasqOptions ?? []) {
    const refusal = unprivilegedOptionRefusal(option.value);
    if (refusal)
      report(
        'dnsmasq.option-needs-root',
        element('dnsmasq:option', [['value', option.value]]),
        option.at,
        `${refusal}; ${advice}`,
      );
  }
  return problems;
}
