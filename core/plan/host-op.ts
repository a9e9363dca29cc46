// A plan is data: the host layer executes these operations and nothing else, so
// `net-plan` can print exactly what `net-start` will do. Paths are absolute; sysctl
// paths are relative to /proc/sys and use '/' so a bridge name with a '.' stays one
// path segment.
import type { HostChainRule } from '../firewall/host-chain-rules.js';

export type StepId =
  | 'check'
  | 'intent'
  | 'network-manager'
  | 'bridge'
  | 'ipv6-sysctls'
  | 'firewall'
  | 'host-firewall'
  | 'addresses'
  | 'link-up'
  | 'routes'
  | 'forwarding'
  | 'isolation'
  | 'bandwidth'
  | 'dnsmasq'
  | 'qemu-acl'
  | 'reattach'
  | 'ports'
  | 'guests'
  | 'status'
  | 'sysctls';

/** The start steps in execution order for an IPv4-only network (with IPv6, ipv6-sysctls comes right after bridge). */
export const START_STEP_IDS: readonly StepId[] = [
  'check',
  'intent',
  'network-manager',
  'bridge',
  'addresses',
  'link-up',
  'routes',
  'ipv6-sysctls',
  'firewall',
  'dnsmasq',
  'host-firewall',
  'isolation',
  'forwarding',
  'bandwidth',
  'qemu-acl',
  'reattach',
  'status',
];

/** The stop steps in execution order. */
export const STOP_STEP_IDS: readonly StepId[] = [
  'intent',
  'ports',
  'dnsmasq',
  'firewall',
  'host-firewall',
  'network-manager',
  'guests',
  'bridge',
  'status',
  'sysctls',
];

/**
 * What a network makes for its guests beside the bridge and its firewall table; a
 * field is present only for what it makes. Intent and status carry it, so a stop,
 * an undone start and reconcile remove exactly these.
 */
export interface GuestObjects {
  /** The port isolation table, as 'FAMILY NAME' ('bridge syiso_…' or 'inet syiso_…'). */
  isolationTable?: string;
  /** The IFB device that shapes what the guests send (<bandwidth><outbound>). */
  ifb?: string;
  /** Our qemu access list file that names the bridge (core/guests/qemu-acl.ts). */
  qemuAcl?: string;
}

/**
 * What a start, stop or live update is about to change, recorded before its first
 * host change and removed after its last: whatever instant a crash hits, reconcile
 * finds either this record or a complete status, and knows what to finish or undo.
 */
export interface Intent {
  action: 'start' | 'stop' | 'update';
  name: string;
  bridge: string;
  table?: string;
  /** Our accepts in the host's iptables chains (a start inserts them, a stop deletes them). */
  hostRules?: HostChainRule[];
  guests?: GuestObjects;
}

/** What the status file records; the host adds the dnsmasq PID and the start time. */
export interface PlannedStatus {
  name: string;
  uuid: string;
  bridge: string;
  table?: string;
  hostRules?: HostChainRule[];
  guests?: GuestObjects;
  persistent: boolean;
}

export type HostOp =
  /** One `ip` command. absentOk: "no such device/address" counts as done (undo and stop). */
  | { op: 'ip'; args: string[]; absentOk?: boolean }
  /**
   * Write /proc/sys/PATH. ifExists: skip when the file is missing (IPv6 disabled in the
   * kernel). remember: a host-wide switch; when this changes its value, the old one is
   * recorded first, and restore-sysctls puts it back once no network needs it.
   */
  | { op: 'sysctl'; path: string; value: string; ifExists?: boolean; remember?: boolean }
  /** Put back the remembered host-wide sysctls no running network (of ours or anyone's) needs any more. */
  | { op: 'restore-sysctls' }
  /** `nft -f -` with this script; one script is one kernel transaction. */
  | { op: 'nft'; script: string; absentOk?: boolean }
  /** Insert these rules at the top of their host iptables chains, one transaction per family. */
  | { op: 'host-rules-insert'; rules: HostChainRule[] }
  /** Delete these rules of ours where they still are; a rule already gone counts as done. */
  | { op: 'host-rules-delete'; rules: HostChainRule[] }
  /** List the bridge in this state root's NetworkManager file of unmanaged devices (see host/exec/network-manager.ts). */
  | { op: 'nm-unmanage'; bridge: string }
  | { op: 'nm-release'; bridge: string }
  | { op: 'mkdir'; path: string; mode: number }
  | { op: 'write-file'; path: string; content: string; mode: number }
  | { op: 'remove-file'; path: string }
  /** Start the daemon; done when it has daemonised and written pidFile. */
  | { op: 'dnsmasq-start'; binary: string; args: string[]; pidFile: string }
  /**
   * SIGTERM the PID (else the one in pidFile) only if /proc/PID/cmdline is dnsmasq
   * with `--conf-file=confFile`, then wait for it to exit.
   */
  | { op: 'dnsmasq-stop'; pidFile: string; confFile: string; pid?: number }
  /** The intent record (run dir, NAME.intent), written atomically. */
  /** One `tc` command (qdiscs and classes of <bandwidth>). absentOk as for ip. */
  | { op: 'tc'; args: string[]; absentOk?: boolean }
  /**
   * Add (allow) or remove the `allow BRIDGE` line of our qemu access list FILE (see
   * core/guests/qemu-acl.ts); adding also includes FILE from BRIDGECONF once.
   */
  | { op: 'qemu-acl'; bridge: string; allow: boolean; file: string; bridgeConf: string }
  | { op: 'write-intent'; intent: Intent }
  | { op: 'remove-intent'; name: string }
  /** Live XML and status JSON, written last so their presence means "fully started". */
  | { op: 'write-status'; xml: string; status: PlannedStatus; pidFile?: string }
  | { op: 'remove-status'; name: string };

export interface Step {
  id: StepId;
  title: string;
  do: HostOp[];
  undo: HostOp[];
  /**
   * Runs at the same time as the step before it instead of after it: the two touch
   * unrelated kernel objects or processes. A run of such steps is one concurrent
   * group; the next step without the flag waits for the whole group.
   */
  withPrevious?: boolean;
}

export interface Plan {
  network: string;
  bridge: string;
  steps: Step[];
}
