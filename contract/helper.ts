// The one contract between the unprivileged side (main, CLI) and the root helper:
// newline-delimited JSON over the helper's stdin/stdout. Each method's zod schemas
// are the runtime check the helper applies to every line and the client applies to
// every answer, and the static types both compile against. No method or event name
// is written anywhere else.
import { z } from 'zod';
import { UPDATE_COMMANDS, UPDATE_SECTIONS } from '../core/update/index.js';
import {
  errorCodes,
  healthReport,
  ipv4Address,
  macAddress,
  networkFix,
  networkName,
  repairActions,
} from './ipc.js';

/** Bumped on any incompatible change; the client and helper refuse to talk across versions. */
export const HELPER_PROTOCOL = 2;

/** Longest request line the helper reads, in bytes without the newline. */
export const MAX_LINE_BYTES = 8 * 1024 * 1024;

/** One network definition: libvirt's files are a few KB; 5,000 DHCP hosts are ~300 KB. */
export const MAX_XML_CHARS = 4_000_000;

/**
 * A network by name or UUID, as virsh takes it, under core's name rule (a UUID passes
 * it). The characters that could escape a path or a line are refused here already; the helper looks the network up by its
 * encoded file name, so nothing in it ever reaches a path or a command line raw.
 */
export const networkRef = networkName;

export const networkXml = z.string().min(1).max(MAX_XML_CHARS);

/** Request ids are chosen by the client and echoed; JSON numbers that stay exact. */
export const requestId = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
export type RequestId = z.infer<typeof requestId>;

const named = z.strictObject({ name: z.string() });
const defined = z.strictObject({ name: z.string(), uuid: z.string() });

const pid = z.number().int().positive();

/**
 * What an update changed: the dnsmasq that re-read its hosts files (same PID: no
 * restart), or the restart a changed dnsmasq configuration needed, and whether the
 * firewall table was replaced.
 */
const updated = z.strictObject({
  name: z.string(),
  live: z.boolean(),
  config: z.boolean(),
  signalledPid: pid.optional(),
  restartedDnsmasq: z
    .strictObject({ previousPid: pid.optional(), pid: pid.optional(), ms: z.number().nonnegative() })
    .optional(),
  reloadedFirewall: z.boolean().optional(),
});

/** One lease to reserve: a MAC (six hex octets), an IPv4 address, an optional DHCP hostname. */
export const leaseToReserve = z.strictObject({
  mac: macAddress,
  ip: ipv4Address,
  hostname: z.string().max(253).optional(),
});

/** A snippet is one element, e.g. <host mac=.. ip=../>. */
const MAX_SNIPPET_CHARS = 64 * 1024;

function method<P extends z.ZodType, R extends z.ZodType>(params: P, result: R) {
  return { params, result };
}

export const helperMethods = {
  /** The handshake: the helper serves nothing else until the protocols match. */
  hello: method(
    z.strictObject({ protocol: z.number().int() }),
    z.strictObject({ protocol: z.number().int(), pid: z.number().int(), uid: z.number().int() }),
  ),
  define: method(z.strictObject({ xml: networkXml }), defined),
  create: method(z.strictObject({ xml: networkXml }), defined),
  start: method(z.strictObject({ net: networkRef }), named),
  destroy: method(z.strictObject({ net: networkRef }), named),
  undefine: method(z.strictObject({ net: networkRef }), named),
  autostart: method(z.strictObject({ net: networkRef, on: z.boolean() }), named),
  /** "VMs of unprivileged users may attach" (qemu-bridge-helper), saved and live. */
  userAttach: method(z.strictObject({ net: networkRef, on: z.boolean() }), named),
  /** Define, then autostart and start as asked, under one lock; a failed start defines nothing. */
  defineAndStart: method(
    z.strictObject({ xml: networkXml, autostart: z.boolean(), start: z.boolean() }),
    defined,
  ),
  /** Stop and start again with the saved definition, under one lock. */
  restart: method(z.strictObject({ net: networkRef }), named),
  /** Delete: stop if running, then undefine if defined, under one lock. */
  remove: method(z.strictObject({ net: networkRef }), named),
  /** Change the saved definition as the fix says, then start it unless it runs. */
  applyFix: method(
    z.strictObject({ net: networkRef, fix: networkFix }),
    z.strictObject({ name: z.string(), started: z.boolean() }),
  ),
  /** The leases view's Reserve: the lease becomes a static <host>, live and saved. */
  reserve: method(z.strictObject({ net: networkRef, lease: leaseToReserve }), updated),
  /** net-update with virsh's semantics (no flags = current state). */
  update: method(
    z.strictObject({
      net: networkRef,
      command: z.enum(UPDATE_COMMANDS),
      section: z.enum(UPDATE_SECTIONS),
      xml: z.string().min(1).max(MAX_SNIPPET_CHARS),
      parentIndex: z.number().int().min(-1).max(1000).optional(),
      live: z.boolean().optional(),
      config: z.boolean().optional(),
    }),
    updated,
  ),
  /** switchyard doctor: what stops networks from working, read as root (changes nothing). */
  doctor: method(z.strictObject({ net: networkRef.optional() }), healthReport),
  /** The doctor's safe fixes (reconcile, forwarding back on), then a new report. */
  repair: method(
    z.strictObject({
      actions: z.array(z.enum(repairActions)).min(1).max(repairActions.length),
      net: networkRef.optional(),
    }),
    healthReport,
  ),
} as const;

export type HelperMethod = keyof typeof helperMethods;
export type HelperParams<M extends HelperMethod> = z.infer<(typeof helperMethods)[M]['params']>;
export type HelperResult<M extends HelperMethod> = z.infer<(typeof helperMethods)[M]['result']>;

export const isHelperMethod = (name: string): name is HelperMethod => Object.hasOwn(helperMethods, name);

/** The outer shape of every request line; params are checked per method afterwards. */
export const requestEnvelope = z.strictObject({
  id: requestId,
  method: z.string().max(64),
  params: z.unknown(),
});

/** One request; without a type argument, the union over all methods (narrowed by `method`). */
export type HelperRequest<M extends HelperMethod = HelperMethod> = M extends HelperMethod
  ? { id: RequestId; method: M; params: HelperParams<M> }
  : never;

export const wireError = z.strictObject({
  code: z.enum(errorCodes),
  message: z.string(),
  detail: z.string().optional(),
});
export type WireError = z.infer<typeof wireError>;

/** `id` is null when the line was too broken to carry one. */
export const responseLine = z.union([
  z.strictObject({ id: requestId, ok: z.literal(true), result: z.unknown() }),
  z.strictObject({ id: requestId.nullable(), ok: z.literal(false), error: wireError }),
]);
export type ResponseLine = z.infer<typeof responseLine>;

export const helperEvents = {
  /** First line the helper writes, once it has reconciled the host and can serve. */
  ready: z.strictObject({ protocol: z.number().int(), pid: z.number().int() }),
  /** A network changed through this helper (main refreshes its list). */
  changed: z.strictObject({ name: z.string() }),
} as const;

export type HelperEvent = keyof typeof helperEvents;
export type HelperEventData<E extends HelperEvent> = z.infer<(typeof helperEvents)[E]>;

export const eventLine = z.strictObject({ event: z.string(), data: z.unknown() });

export const isHelperEvent = (name: string): name is HelperEvent => Object.hasOwn(helperEvents, name);
