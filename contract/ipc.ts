// The one contract between the renderer and main (Electron IPC or the web shell's
// WebSocket). Each channel's zod schemas are both the runtime check main applies to
// every message and the static types both sides compile against. No channel or event
// name is written anywhere else: preload, main and renderer take them from here.
import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '../core/error-codes.js';
import { COUNTER_NAMES, type CounterName, NETWORK_MODES } from '../core/model/index.js';
import { UPDATE_COMMANDS, UPDATE_SECTIONS } from '../core/update/index.js';
import { networkNameProblem } from '../core/validate/index.js';

/** The closed list of error codes (docs/errors.md); when in doubt main answers `internal`. */
export const errorCodes = ERROR_CODES;
export type { ErrorCode };

export const ipcError = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  detail: z.string().optional(),
});
export type IpcError = z.infer<typeof ipcError>;

export type Reply<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** A network name, refused by core's own rule (core/validate/name-rules.ts), in its words. */
export const networkName = z.string().superRefine((name, ctx) => {
  const problem = networkNameProblem(name);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
/** Six hex octets, e.g. 52:54:00:12:34:56; both contracts take MAC addresses in this spelling. */
export const macAddress = z.string().regex(/^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/, 'is not a MAC address');
/** Dotted quad; the engine parses it again (core/addr/ip.ts) before it is used. */
export const ipv4Address = z.string().regex(/^\d{1,3}(\.\d{1,3}){3}$/, 'is not an IPv4 address');
/** One network definition; libvirt's own files are a few KB, 5,000 DHCP hosts ~300 KB. */
const networkXml = z.string().min(1).max(4_000_000);

export const networkMode = z.enum(NETWORK_MODES);
export type NetworkMode = z.infer<typeof networkMode>;

/** One row of the network list: everything the list shows, read without privileges. */
export const networkRow = z.object({
  name: z.string(),
  uuid: z.string(),
  active: z.boolean(),
  persistent: z.boolean(),
  autostart: z.boolean(),
  mode: networkMode,
  bridge: z.string().optional(),
  /** First IPv4 subnet as CIDR, e.g. 192.168.122.0/24. */
  ipv4: z.string().optional(),
  ipv6: z.string().optional(),
  /** Uplink (forward dev=) when restricted to one. */
  uplink: z.string().optional(),
  leaseCount: z.number().int().nonnegative(),
  /** Interfaces on the bridge now (VMs' taps, veths); 0 when not running. */
  portCount: z.number().int().nonnegative(),
  /** "VMs of unprivileged users may attach" (qemu-bridge-helper), as the definition in effect says. */
  userAttach: z.boolean(),
  /** Set when the saved definition differs from what runs (applies at next start). */
  pendingChanges: z.boolean(),
  /**
   * Why a network with a status is not active: its status is damaged or its bridge
   * is gone. The next change (through the helper) repairs both.
   */
  problem: z.string().optional(),
  /**
   * Changes whenever the saved or the live XML changes, also where nothing the list
   * shows does (a static host added from a terminal): open editors compare it to know
   * that the definition they edit changed underneath.
   */
  xmlDigest: z.string(),
});
export type NetworkRow = z.infer<typeof networkRow>;

export const lease = z.object({
  ip: z.string(),
  mac: z.string().optional(),
  hostname: z.string().optional(),
  clientId: z.string().optional(),
  /** Seconds since the epoch; 0 for an infinite lease. */
  expiry: z.number(),
  /** A static <host> of the running network (else the saved one) gives this MAC an address. */
  reserved: z.boolean(),
});
export type Lease = z.infer<typeof lease>;

/** What to paste to connect a VM (core/guests/connect-snippets.ts). */
export const connectInfo = z.object({
  network: z.string(),
  bridge: z.string(),
  libvirtXml: z.string(),
  virshAttach: z.string(),
  qemuNic: z.string(),
  unprivilegedAttach: z.boolean(),
  aclLine: z.string(),
});
export type ConnectInfo = z.infer<typeof connectInfo>;

/** One interface on a network's bridge and what the host knows of its VM (host/readers/network-ports.ts). */
export const networkPort = z.object({
  port: z.string(),
  kind: z.string(),
  portMac: z.string(),
  isolated: z.boolean(),
  guestMacs: z.array(z.string()),
  leases: z.array(z.object({ mac: z.string(), ip: z.string(), hostname: z.string().optional() })),
  vm: z
    .object({
      name: z.string(),
      source: z.enum(['libvirt', 'qemu']),
      pid: z.number().int().optional(),
      mac: z.string().optional(),
    })
    .optional(),
  fromGuestBytes: z.number(),
  toGuestBytes: z.number(),
});
export type NetworkPort = z.infer<typeof networkPort>;

export const networkPorts = z.object({
  network: z.string(),
  bridge: z.string().optional(),
  active: z.boolean(),
  ports: z.array(networkPort),
  /** While stopped: the ports its next start plugs back in. */
  remembered: z.array(z.object({ name: z.string(), mac: z.string(), isolated: z.boolean() })),
});
export type NetworkPortsView = z.infer<typeof networkPorts>;

/** The fixes offered with a start that collides (core/define/network-fix.ts). */
export const networkFix = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('free-subnet'), subnet: z.string().min(1).max(64) }),
  z.strictObject({ kind: z.literal('auto-bridge') }),
]);

/** What the create wizard needs to avoid collisions: host links and their subnets. */
export const hostFacts = z.object({
  interfaces: z.array(z.object({ name: z.string(), up: z.boolean() })),
  /** Interfaces that can be an uplink: no loopback, no bridge or bond ports, none of our bridges. */
  uplinks: z.array(
    z.object({
      name: z.string(),
      kind: z.enum(['ethernet', 'wireless', 'bridge', 'bond', 'vlan', 'veth', 'loopback', 'virtual']),
      physical: z.boolean(),
      state: z.string(),
      speed: z.number().optional(),
      defaultRoute: z.boolean().optional(),
    }),
  ),
  subnetsInUse: z.array(z.object({ cidr: z.string(), dev: z.string() })),
});
export type HostFacts = z.infer<typeof hostFacts>;

/** The eight kernel counters of a link (core/model/counters.ts), per second. */
export const rates = z.object(
  Object.fromEntries(COUNTER_NAMES.map((name) => [name, z.number()])) as Record<CounterName, z.ZodNumber>,
);
export type Rates = z.infer<typeof rates>;
export type RateName = keyof Rates;

/** One second of one bridge: the bridge device and each of its ports (guest links). */
export const statsSample = z.object({
  bridge: z.string(),
  /** Wall-clock milliseconds. */
  at: z.number(),
  total: rates,
  ports: z.array(z.object({ link: z.string(), rates, rxBytes: z.number(), txBytes: z.number() })),
});
export type StatsSample = z.infer<typeof statsSample>;

/** History by column, oldest first, as uPlot takes it. */
export const statsHistory = z.object({
  bridge: z.string(),
  resolutionSeconds: z.number(),
  at: z.array(z.number()),
  rates: z.record(z.string(), z.array(z.number())),
});
export type StatsHistory = z.infer<typeof statsHistory>;

/**
 * The root helper that makes changes for the app: `none` when main makes them itself
 * (it runs as root); else idle until the first change, running, reconnecting after it
 * ended on its own, or down when starting it again failed (the next change retries).
 */
export const helperStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('none') }),
  z.object({ state: z.literal('idle') }),
  z.object({ state: z.literal('running') }),
  z.object({ state: z.literal('reconnecting'), message: z.string() }),
  z.object({ state: z.literal('down'), message: z.string() }),
]);
export type HelperStatusView = z.infer<typeof helperStatus>;

/** A Linux interface name (IFNAMSIZ 16 with the NUL), nothing that could reach a path. */
const linkName = z.string().regex(/^[A-Za-z0-9_.:@-]{1,15}$/, 'is not an interface name');
/** The chart's ranges: 1 min, 10 min, 1 h. */
export const statsRanges = [60, 600, 3600] as const;

/** What the doctor found (host/doctor): each condition with cause, evidence and fix. */
export const repairActions = ['restore', 'ip-forward'] as const;
export type RepairAction = (typeof repairActions)[number];
export const healthFinding = z.object({
  /** Stable for one condition, e.g. 'host-chain:nat:ipv4:FORWARD'. */
  id: z.string(),
  network: z.string().optional(),
  /** 'error': the network does not work as promised now; 'warning': it may not start or keep working. */
  severity: z.enum(['error', 'warning']),
  title: z.string(),
  cause: z.string(),
  evidence: z.array(z.string()),
  fix: z.string(),
  /** Commands an administrator can run for the fix, when there are exact ones. */
  commands: z.array(z.string()).optional(),
  /** The fix Switchyard applies itself (host/doctor/repair.ts). */
  repair: z.enum(repairActions).optional(),
});
export type HealthFinding = z.infer<typeof healthFinding>;
export const healthReport = z.object({
  /** True only when every check ran and nothing was found. */
  ok: z.boolean(),
  /** False when the firewall could not be read (no root, no helper yet). */
  complete: z.boolean(),
  checked: z.array(z.string()),
  findings: z.array(healthFinding),
});
export type HealthReportData = z.infer<typeof healthReport>;
/** The app's health watcher's news: the latest report and the findings it fixed by itself to get there. */
export const healthNews = z.object({ report: healthReport, repaired: z.array(healthFinding) });
export type HealthNews = z.infer<typeof healthNews>;

/**
 * What the Electron shell's application menu and its shortcuts ask the window to do.
 * Network commands act on the selected network; tab-* open a details tab.
 */
export const appCommands = [
  'new-network',
  'find',
  'start',
  'stop',
  'restart',
  'delete',
  'tab-overview',
  'tab-settings',
  'tab-leases',
  'tab-ports',
  'tab-stats',
  'tab-terminal',
  'tab-xml',
] as const;
export type AppCommand = (typeof appCommands)[number];

const terminalId = z.number().int().nonnegative();
const terminalSize = { cols: z.number().int().min(2).max(1000), rows: z.number().int().min(2).max(500) };

const byName = z.object({ name: networkName });
const none = z.object({}).strict();
const done = z.object({ name: z.string() });
const defined = z.object({ name: z.string(), uuid: z.string() });

function channel<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

export const channels = {
  'networks.list': channel(none, z.array(networkRow)),
  'networks.xml': channel(byName, z.object({ saved: z.string().optional(), live: z.string().optional() })),
  'networks.leases': channel(byName, z.array(lease)),
  'networks.define': channel(z.object({ xml: networkXml }).strict(), defined),
  'networks.create': channel(z.object({ xml: networkXml }).strict(), defined),
  'networks.start': channel(byName.strict(), done),
  'networks.stop': channel(byName.strict(), done),
  'networks.undefine': channel(byName.strict(), done),
  'networks.autostart': channel(z.object({ name: networkName, on: z.boolean() }).strict(), done),
  'host.facts': channel(none, hostFacts),
  /** The Connect section: what to paste for libvirt, virsh and QEMU. */
  'networks.connect': channel(byName, connectInfo),
  /** The Ports tab: who is on the network now (or, stopped, who its next start re-attaches). */
  'networks.ports': channel(byName, networkPorts),
  /** "VMs of unprivileged users may attach": saved, live, and in the qemu access list. */
  'networks.userAttach': channel(z.object({ name: networkName, on: z.boolean() }).strict(), done),
  // Workflows: one call, one locked operation in main's control (NetworkControl).
  /** The wizard's create of a persistent network: define, then autostart and start as asked. */
  'networks.defineAndStart': channel(
    z.object({ xml: networkXml, autostart: z.boolean(), start: z.boolean() }).strict(),
    defined,
  ),
  'networks.restart': channel(byName.strict(), done),
  /** Delete: stop if running, undefine if defined. */
  'networks.remove': channel(byName.strict(), done),
  'networks.applyFix': channel(
    z.object({ name: networkName, fix: networkFix }).strict(),
    z.object({ name: z.string(), started: z.boolean() }),
  ),
  /** The leases view's Reserve: live (hostsfile + SIGHUP, no restart) and saved. */
  'networks.reserve': channel(
    z
      .object({
        name: networkName,
        mac: macAddress,
        ip: ipv4Address,
        hostname: z.string().max(253).optional(),
      })
      .strict(),
    z.object({ name: z.string(), live: z.boolean(), config: z.boolean() }),
  ),
  /** net-update from the settings form (static hosts, DNS hosts): live and/or saved, as virsh's flags. */
  'networks.update': channel(
    z
      .object({
        name: networkName,
        command: z.enum(UPDATE_COMMANDS),
        section: z.enum(UPDATE_SECTIONS),
        xml: z.string().min(1).max(65_536),
        live: z.boolean(),
        config: z.boolean(),
      })
      .strict(),
    z.object({ name: z.string(), live: z.boolean(), config: z.boolean() }),
  ),
  /** The bridges this window shows rates for now (replaces the previous set; [] = none). */
  'stats.watch': channel(z.object({ bridges: z.array(linkName).max(1000) }).strict(), z.object({})),
  'stats.history': channel(
    z.object({ bridge: linkName, seconds: z.union(statsRanges.map((n) => z.literal(n))) }).strict(),
    statsHistory,
  ),
  'helper.status': channel(none, helperStatus),
  /** Starts the helper now if it is not running (it may ask for the password). */
  'helper.reconnect': channel(none, helperStatus),
  /** switchyard doctor for every network, read as root by whoever makes changes. */
  'health.check': channel(none, healthReport),
  /** One of the doctor's safe fixes, then the new report. */
  'health.repair': channel(z.object({ action: z.enum(repairActions) }).strict(), healthReport),
  /** What this shell offers (the web shell's terminal is off unless started with --terminal). */
  'app.features': channel(none, z.object({ terminal: z.boolean(), terminalHint: z.string().optional() })),
  'terminal.open': channel(z.object(terminalSize).strict(), z.object({ id: terminalId })),
  'terminal.input': channel(
    z.object({ id: terminalId, data: z.string().max(65_536) }).strict(),
    z.object({}),
  ),
  'terminal.resize': channel(z.object({ id: terminalId, ...terminalSize }).strict(), z.object({})),
  'terminal.close': channel(z.object({ id: terminalId }).strict(), z.object({})),
} as const;

export const events = {
  /** The list changed on the host (our change, the CLI's, a lease): the new list. */
  'networks.changed': z.array(networkRow),
  /** Once a second per bridge this window watches (stats.watch). */
  'stats.sample': statsSample,
  /** A menu item or its shortcut in the Electron shell (the web shell has no menu). */
  'app.command': z.object({ command: z.enum(appCommands) }),
  /**
   * The menu's Import XML…: files the user picked in main's dialog (a page cannot open
   * its own file chooser from a menu, which is not a click in the page).
   */
  'app.import': z.object({
    files: z.array(z.object({ name: z.string().max(255), text: z.string().max(4_000_000) })).max(100),
  }),
  /** The root helper's status changed (it ended on its own, or is back). */
  'helper.changed': helperStatus,
  /** The doctor's report changed (the watcher's recheck, or a check somebody asked for). */
  'health.changed': healthNews,
  /** Output of a terminal this window opened. */
  'terminal.data': z.object({ id: terminalId, data: z.string() }),
  'terminal.exit': z.object({ id: terminalId, code: z.number() }),
} as const;

export type Channel = keyof typeof channels;
export type EventName = keyof typeof events;
export type Input<C extends Channel> = z.input<(typeof channels)[C]['input']>;
export type Output<C extends Channel> = z.output<(typeof channels)[C]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const channelNames = Object.keys(channels) as Channel[];
export const eventNames = Object.keys(events) as EventName[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

/** What the renderer sees as window.api, from the preload or the web shell's socket. */
export interface Api {
  invoke<C extends Channel>(channel: C, input: Input<C>): Promise<Reply<Output<C>>>;
  /** Returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Transport names for the Electron shell: one request channel, one event channel. */
export const electronChannels = { invoke: 'switchyard:invoke', event: 'switchyard:event' } as const;

/** Frames of the web shell's WebSocket (the same contract, framed as JSON). */
export const wsRequest = z.object({
  id: z.number().int().nonnegative(),
  channel: z.string(),
  input: z.unknown(),
});
export type WsRequest = z.infer<typeof wsRequest>;
export type WsFrame = { id: number; reply: Reply<unknown> } | { event: EventName; payload: unknown };
