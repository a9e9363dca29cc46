// The app's view of the host's networks, free of Electron: reads come straight from
// the world-readable state files, changes go through a NetworkControl (the root
// helper's client in the app, the in-process Registry when main itself runs as root),
// and the state directories are watched so every change is pushed to subscribers.
import type {
  ConnectInfo,
  HostFacts,
  Lease,
  NetworkPortsView,
  NetworkRow,
  RepairAction,
} from '../../contract/ipc.js';
import type { NetworkFix } from '../../core/define/index.js';
import { connectSnippets } from '../../core/guests/index.js';
import type { NetworkUpdateRequest } from '../../core/update/index.js';
import type { LinkState } from '../../host/exec/index.js';
import { currentBridge, currentDefinition } from '../../host/guests/index.js';
import { HostError } from '../../host/host-error.js';
import type { CreateOptions, NetworkControl } from '../../host/networks/index.js';
import { NetworkReads } from '../../host/networks/index.js';
import type { HostPaths } from '../../host/paths.js';
import {
  type HostInterface,
  readLeases,
  readNetworkPorts,
  uplinkCandidates,
} from '../../host/readers/index.js';
import { readActive, readDefinitionXml } from '../../host/state/index.js';
import { networkRow } from './network-rows.js';
import { ParsedDefinitions } from './parsed-definitions.js';
import { reservedMacs } from './reserved-macs.js';
import { type DirWatch, watchDirs } from './watch-dirs.js';

export interface NetworkServiceOptions {
  paths: HostPaths;
  control: NetworkControl;
  readLinks: () => Promise<LinkState>;
  /** The host interface inventory (host/readers/host-interfaces.ts). */
  readInterfaces: () => Promise<HostInterface[]>;
  now?: () => number;
}

type Listener = (rows: NetworkRow[]) => void;

const PORT_POLL_MS = 3_000;

export class NetworkService {
  private readonly reader: NetworkReads;
  private readonly listeners = new Set<Listener>();
  private watch: DirWatch | undefined;
  private portPoll: ReturnType<typeof setInterval> | undefined;
  private lastSent = '';
  /** Parsed XML per network, so a file event re-parses only what changed. */
  readonly parsed = new ParsedDefinitions();

  constructor(private readonly opts: NetworkServiceOptions) {
    this.reader = new NetworkReads(opts.paths);
  }

  list(): NetworkRow[] {
    const now = Math.floor((this.opts.now?.() ?? Date.now()) / 1000);
    const summaries = this.reader.list();
    this.parsed.keepOnly(new Set(summaries.map((s) => s.name)));
    return summaries.map((s) => networkRow(this.opts.paths, s, now, this.parsed));
  }

  xml(name: string): { saved?: string; live?: string } {
    const saved = readDefinitionXml(this.opts.paths, name);
    const live = readActive(this.opts.paths, name)?.xml;
    return { ...(saved === undefined ? {} : { saved }), ...(live === undefined ? {} : { live }) };
  }

  /** The lease file's leases, each saying whether a static <host> already gives it its address. */
  leases(name: string): Lease[] {
    const reserved = reservedMacs(this.parsed.current(this.opts.paths, name));
    return readLeases(this.opts.paths, name).map((l) => ({
      ip: l.ip,
      expiry: l.expiry,
      reserved: l.mac !== undefined && reserved.has(l.mac.toLowerCase()),
      ...(l.mac ? { mac: l.mac } : {}),
      ...(l.hostname ? { hostname: l.hostname } : {}),
      ...(l.clientId ? { clientId: l.clientId } : {}),
    }));
  }

  /** The lease becomes a static <host>: live without a restart, and saved when persistent. */
  async reserve(name: string, lease: { mac: string; ip: string; hostname?: string }) {
    const outcome = await this.change(() => this.opts.control.reserve(name, lease));
    return { name: outcome.name, live: outcome.live, config: outcome.config };
  }

  /** What to paste to connect a VM to the network's bridge. */
  connect(name: string): ConnectInfo {
    const def = currentDefinition(this.opts.paths, name);
    const bridge = currentBridge(this.opts.paths, name, def);
    if (!def || !bridge)
      throw new HostError('not-found', `network '${name}' has no bridge to connect VMs to`);
    return connectSnippets(def, bridge);
  }

  ports(name: string): Promise<NetworkPortsView> {
    return readNetworkPorts(this.opts.paths, name);
  }

  setUserAttach(name: string, on: boolean) {
    return this.change(() => this.opts.control.setUnprivilegedAttach(name, on));
  }

  /** net-update (the settings form's static and DNS hosts): live without a restart where it can. */
  async update(name: string, req: NetworkUpdateRequest, flags: { live: boolean; config: boolean }) {
    const outcome = await this.change(() => this.opts.control.update(name, req, flags));
    return { name: outcome.name, live: outcome.live, config: outcome.config };
  }

  async hostFacts(): Promise<HostFacts> {
    const [state, si] = await Promise.all([this.opts.readLinks(), this.opts.readInterfaces()]);
    const ours = new Set(this.list().flatMap((r) => (r.bridge ? [r.bridge] : [])));
    return {
      interfaces: state.links.filter((l) => l.name !== 'lo').map((l) => ({ name: l.name, up: l.up })),
      uplinks: uplinkCandidates(si, ours).map(({ master: _port, ...u }) => u),
      subnetsInUse: state.routes.filter((r) => r.dev !== 'lo'),
    };
  }

  define(xml: string) {
    return this.change(() => this.opts.control.define(xml));
  }
  create(xml: string) {
    return this.change(() => this.opts.control.create(xml));
  }
  start(name: string) {
    return this.change(() => this.opts.control.start(name));
  }
  stop(name: string) {
    return this.change(() => this.opts.control.destroy(name));
  }
  undefine(name: string) {
    return this.change(() => this.opts.control.undefine(name));
  }
  setAutostart(name: string, on: boolean) {
    return this.change(() => this.opts.control.setAutostart(name, on));
  }
  defineAndStart(xml: string, opts: CreateOptions) {
    return this.change(() => this.opts.control.defineAndStart(xml, opts));
  }
  restart(name: string) {
    return this.change(() => this.opts.control.restart(name));
  }
  remove(name: string) {
    return this.change(() => this.opts.control.remove(name));
  }
  applyFix(name: string, fix: NetworkFix) {
    return this.change(() => this.opts.control.applyFix(name, fix));
  }
  /** Reads only, but the firewall needs root: it goes where changes go. */
  doctor() {
    return this.opts.control.doctor();
  }
  repair(action: RepairAction) {
    return this.change(() => this.opts.control.repair([action]));
  }

  /** Watching runs only while someone listens; the returned function unsubscribes. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    if (!this.watch) {
      const p = this.opts.paths;
      this.watch = watchDirs([p.configDir, p.autostartDir, p.runDir, p.stateDir], () => this.publish());
      // VMs come and go without touching a state file; the list's port counts are
      // read again now and then (publish sends only what changed).
      this.portPoll = setInterval(() => this.publish(), PORT_POLL_MS);
      this.portPoll.unref?.();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.stopWatching();
        this.lastSent = '';
      }
    };
  }

  /** Sends the list only when it differs from what subscribers already have. */
  publish(): void {
    if (this.listeners.size === 0) return;
    let rows: NetworkRow[];
    try {
      rows = this.list();
    } catch (err) {
      console.error('switchyard: reading the network list failed:', err);
      return;
    }
    const text = JSON.stringify(rows);
    if (text === this.lastSent) return;
    this.lastSent = text;
    for (const l of this.listeners) l(rows);
  }

  close(): void {
    this.listeners.clear();
    this.stopWatching();
  }

  private stopWatching(): void {
    this.watch?.close();
    this.watch = undefined;
    clearInterval(this.portPoll);
    this.portPoll = undefined;
  }

  /** Publishes right after our own change instead of waiting for the watcher. */
  private async change<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } finally {
      this.publish();
    }
  }
}
