// The create wizard as data: its form, the definition the form describes, and the
// checks. The definition is printed with core's formatter and checked with core's
// reader and validator, so the wizard shows the very messages `switchyard net-define`
// would, each beside the field it is about.
import {
  addOffset,
  type Cidr,
  cidrsOverlap,
  formatCidr,
  formatIp,
  generateUlaPrefix,
  networkOf,
  parseCidr,
} from '../../../../core/addr/index.js';
import { natIp, withQuickSwitchDefaults } from '../../../../core/define/index.js';
import type { DhcpHost, IpDef, NetworkDef } from '../../../../core/model/index.js';
import type { Problem } from '../../../../core/result.js';
import { validateNetwork } from '../../../../core/validate/index.js';
import { formatNetworkXml, parseNetworkXml } from '../../../../core/xml/index.js';
import { withoutPosition } from '../networks/problem-position.js';
import { type Field, placeProblems } from './problem-fields.js';

export type { Field } from './problem-fields.js';

export type WizardMode = 'nat' | 'route' | 'isolated' | 'open';

export const modeInfo: Record<WizardMode, { label: string; line: string }> = {
  nat: {
    label: 'NAT',
    line: 'Guests reach the outside through the host’s address; the outside cannot reach them.',
  },
  route: {
    label: 'Routed',
    line: 'The guest subnet is routed to the outside without NAT; both sides may connect.',
  },
  isolated: { label: 'Isolated', line: 'Guests reach each other and the host only; DNS still answers.' },
  open: {
    label: 'Open',
    line: 'Like routed, but Switchyard adds no firewall rules: the host’s firewall decides.',
  },
};

export interface StaticHost {
  mac: string;
  ip: string;
  name: string;
}

export interface WizardForm {
  name: string;
  mode: WizardMode;
  /** '' = any interface. */
  uplink: string;
  /** Off: no IPv4 at all (with IPv6 off too, a plain layer-2 switch). */
  ipv4: boolean;
  subnet: string;
  dhcp: boolean;
  rangeStart: string;
  rangeEnd: string;
  hosts: StaticHost[];
  domain: string;
  ipv6: boolean;
  ipv6Prefix: string;
  persistent: boolean;
  autostart: boolean;
  startNow: boolean;
}

export function initialForm(
  name: string,
  subnet: string | undefined,
  random: () => number = Math.random,
): WizardForm {
  const s = subnet ?? '192.168.100.0/24';
  const range = derivedRange(s) ?? { start: '', end: '' };
  return {
    name,
    mode: 'nat',
    uplink: '',
    ipv4: true,
    subnet: s,
    dhcp: true,
    rangeStart: range.start,
    rangeEnd: range.end,
    hosts: [],
    domain: '',
    ipv6: false,
    ipv6Prefix: formatCidr(generateUlaPrefix(random)),
    persistent: true,
    autostart: false,
    startNow: true,
  };
}

export function parseSubnet(text: string): Cidr | undefined {
  const c = parseCidr(text.trim());
  if (c?.address.family !== 4 || c.prefix < 8 || c.prefix > 30) return undefined;
  return { address: networkOf(c.address, c.prefix), prefix: c.prefix };
}

/** DHCP from .2 to the last address before broadcast, as the default network does. */
export function derivedRange(subnetText: string): { start: string; end: string } | undefined {
  const subnet = parseSubnet(subnetText);
  const range = subnet && natIp(subnet).dhcp?.ranges[0];
  return range && { start: range.start, end: range.end };
}

export function toDefinition(f: WizardForm): NetworkDef {
  const ips: IpDef[] = [];
  const subnet = f.ipv4 ? parseSubnet(f.subnet) : undefined;
  if (subnet) {
    const base = natIp(subnet);
    const hosts: DhcpHost[] = f.hosts
      .filter((h) => h.mac.trim() || h.ip.trim() || h.name.trim())
      .map((h) => ({
        ...(h.mac.trim() ? { mac: h.mac.trim().toLowerCase() } : {}),
        ...(h.name.trim() ? { name: h.name.trim() } : {}),
        ...(h.ip.trim() ? { ip: h.ip.trim() } : {}),
      }));
    ips.push({
      address: base.address,
      netmask: base.netmask,
      ...(f.dhcp
        ? { dhcp: { ranges: [{ start: f.rangeStart.trim(), end: f.rangeEnd.trim() }], hosts } }
        : {}),
    });
  }
  const v6 = f.ipv6 ? parseCidr(f.ipv6Prefix.trim()) : undefined;
  if (v6 && v6.address.family === 6) {
    ips.push({
      family: 'ipv6',
      address: formatIp(addOffset(networkOf(v6.address, v6.prefix), 1n)),
      prefix: v6.prefix,
    });
  }
  return withQuickSwitchDefaults({
    name: f.name.trim(),
    ...(f.mode === 'isolated'
      ? {}
      : {
          forward: {
            mode: f.mode,
            ...(f.uplink ? { dev: f.uplink } : {}),
            interfaces: [],
            pfs: [],
            addresses: [],
          },
        }),
    ...(f.domain.trim() ? { domain: { name: f.domain.trim(), localOnly: 'yes' as const } } : {}),
    ips,
    routes: [],
    portgroups: [],
  });
}

export function toXml(f: WizardForm): string {
  return formatNetworkXml(toDefinition(f), { inactive: true });
}

export interface FormCheck {
  /** One message per field: the wizard's own (a name in use, a malformed subnet), else core's. */
  fields: Partial<Record<Field, string>>;
  /** The static host (index into the form's rows) that core's message under the hosts is about. */
  badHost?: number;
  /** The first problem core reports for the generated XML, as the CLI would print it. */
  core?: Problem;
  /** Not an error: the subnet overlaps something the host uses. */
  warning?: string;
  xml: string;
}

export interface CheckContext {
  existingNames: ReadonlySet<string>;
  inUse: readonly { cidr: Cidr; user: string }[];
}

export function checkForm(f: WizardForm, ctx: CheckContext): FormCheck {
  const fields = ownChecks(f, ctx);
  const subnet = f.ipv4 ? parseSubnet(f.subnet) : undefined;
  const overlap = subnet && ctx.inUse.find((u) => cidrsOverlap(u.cidr, subnet));
  const warning = overlap
    ? `${formatCidr(subnet)} overlaps ${formatCidr(overlap.cidr)} used by ${overlap.user}; starting would fail.`
    : undefined;
  const { xml, problems } = coreProblems(f);
  let badHost: number | undefined;
  for (const p of placeProblems(xml, problems)) {
    if (fields[p.field] !== undefined) continue;
    fields[p.field] = withoutPosition(p.problem.message);
    if (p.host !== undefined) badHost = filledHostRows(f)[p.host];
  }
  const core = problems[0];
  return {
    fields,
    xml,
    ...(badHost === undefined ? {} : { badHost }),
    ...(core ? { core } : {}),
    ...(warning ? { warning } : {}),
  };
}

/** What only the wizard knows: names already taken, and its own text fields' syntax. */
function ownChecks(f: WizardForm, ctx: CheckContext): FormCheck['fields'] {
  const fields: FormCheck['fields'] = {};
  const name = f.name.trim();
  if (ctx.existingNames.has(name)) fields.name = `A network named '${name}' already exists.`;
  if (f.ipv4 && !parseSubnet(f.subnet))
    fields.subnet = `'${f.subnet}' is not an IPv4 subnet between /8 and /30, like 192.168.100.0/24.`;
  if (f.ipv6) {
    const v6 = parseCidr(f.ipv6Prefix.trim());
    if (v6?.address.family !== 6 || v6.prefix > 64)
      fields.ipv6 = `'${f.ipv6Prefix}' is not an IPv6 prefix like fd12:3456:789a::/64.`;
  }
  return fields;
}

/** Every problem core finds in the XML the form describes (net-define reports the first). */
function coreProblems(f: WizardForm): { xml: string; problems: Problem[] } {
  let xml = '';
  try {
    xml = toXml(f);
  } catch (err) {
    return {
      xml,
      problems: [{ code: 'validation', message: err instanceof Error ? err.message : String(err) }],
    };
  }
  const parsed = parseNetworkXml(xml);
  return { xml, problems: parsed.ok ? validateNetwork(parsed.value) : [parsed.error] };
}

/** The form rows that become <host> elements (blank rows are left out), in order. */
function filledHostRows(f: WizardForm): number[] {
  const rows: number[] = [];
  f.hosts.forEach((h, i) => {
    if (h.mac.trim() || h.ip.trim() || h.name.trim()) rows.push(i);
  });
  return rows;
}

export function formValid(c: FormCheck): boolean {
  return Object.keys(c.fields).length === 0 && c.core === undefined;
}

/** Whether the user changed anything since the wizard opened (Esc then asks first). */
export function formEdited(now: WizardForm, initial: WizardForm): boolean {
  return JSON.stringify(now) !== JSON.stringify(initial);
}
