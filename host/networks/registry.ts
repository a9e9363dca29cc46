// The lifecycle rules of virsh net-*: persistent and transient networks, define and
// undefine, start and destroy, autostart. The reads are NetworkReads' (network-reads.ts);
// every change here runs under the one lock after one reconcile.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { parseCidr } from '../../core/addr/index.js';
import {
  applyNetworkFix,
  type DefinedNetwork,
  defaultNetworkDef,
  fillDefaults,
  type NetworkFix,
} from '../../core/define/index.js';
import { unprivilegedOptionProblems } from '../../core/dnsmasq/index.js';
import { managedModeOf, type NetworkDef } from '../../core/model/index.js';
import type { NetworkUpdateRequest } from '../../core/update/index.js';
import { formatNetworkXml } from '../../core/xml/index.js';
import type { RepairAction } from '../doctor/index.js';
import { setUserAttachLocked } from '../guests/user-attach.js';
import { HostError, notFound } from '../host-error.js';
import {
  type LeaseToReserve,
  reserveLeaseLocked,
  type UpdateFlags,
  type UpdateOutcome,
  updateNetworkLocked,
} from '../live-update/index.js';
import type { HostPaths } from '../paths.js';
import { problemError } from '../problem-error.js';
import { ensureDir } from '../state/ensure-dir.js';
import { IdentityIndex } from '../state/identity-index.js';
import { withLock } from '../state/lock.js';
import * as store from '../state/state-store.js';
import { CheckedDefinition, checkedDefinitionOf, type DefinitionSource } from './checked-definition.js';
import type { EnginePort, NextChange } from './engine-port.js';
import type { CreateOptions, NetworkControl } from './network-control.js';

import { type NetworkIdentity, NetworkReads } from './network-reads.js';

export type { NetworkIdentity, NetworkInfo, NetworkProblem, NetworkSummary } from './network-reads.js';

/**
 * Whom a registry makes changes for. 'root' is the CLI run by root, which may
 * configure dnsmasq any way it likes. 'unprivileged' is every registry that
 * serves someone else: the root helper (app, web shell and CLI run as a user all
 * reach the host through it) and main's own registry when main runs as root
 * behind a renderer. Definitions reach the host only through define and create,
 * so those two hold the line (core/dnsmasq/option-allowlist.ts).
 */
export type Serves = 'root' | 'unprivileged';

/** The changes, each under the one lock after one reconcile, on top of the reads. */
export class Registry extends NetworkReads implements NetworkControl {
  constructor(
    paths: HostPaths,
    private readonly engine: EnginePort,
    private readonly serves: Serves = 'root',
  ) {
    super(paths);
  }

  async define(source: DefinitionSource): Promise<DefinedNetwork> {
    const def = this.admit(checkedDefinitionOf(source), 'net-define');
    return this.mutateReading(
      () => IdentityIndex.read(this.paths),
      async (index) => {
        const others = this.identities(index);
        const filled = await this.withDefaults(this.keepUuid(def, others), others);
        this.checkDuplicate(filled, others);
        checkBridgeFree('define', filled, others);
        this.saveDefinition(index, filled, formatNetworkXml(filled, { inactive: true }));
        return filled;
      },
    );
  }

  async create(source: DefinitionSource): Promise<DefinedNetwork> {
    const def = this.admit(checkedDefinitionOf(source), 'net-create');
    return this.mutate(async () => {
      const others = this.identities();
      const filled = await this.withDefaults(def, others);
      this.checkDuplicate(filled, others);
      checkBridgeFree('create', filled, others);
      if (store.readActive(this.paths, filled.name)) throw alreadyActive('create', filled.name);
      await this.engine.start(filled, false);
      return filled;
    }, 'start');
  }

  async start(net: string): Promise<void> {
    await this.mutate(() => this.startLocked(net), 'start');
  }

  async destroy(net: string): Promise<void> {
    await this.mutate(() => this.destroyLocked(net), this.stopOf(net));
  }

  /** Undefining an active network leaves it running as a transient one, as in libvirt. */
  async undefine(net: string): Promise<void> {
    await this.mutate(async () => this.undefineLocked(net));
  }

  async setAutostart(net: string, on: boolean): Promise<void> {
    await this.mutate(async () => {
      const name = this.resolve(net);
      if (store.readDefinitionXml(this.paths, name) === undefined)
        throw new HostError(
          'conflict',
          `failed to ${on ? 'mark' : 'unmark'} network ${name} as autostarted: Requested operation is not valid: cannot set autostart for transient network`,
        );
      store.setAutostart(this.paths, name, on);
    });
  }

  async setUnprivilegedAttach(net: string, on: boolean): Promise<void> {
    await this.mutate(async () => setUserAttachLocked(this.paths, this.resolve(net), on));
  }

  /**
   * The app's "create": define, then autostart and start as asked, as one operation
   * under one lock. A start that fails removes the definition again, so a failure
   * leaves nothing behind and the form it came from can simply be corrected.
   */
  async defineAndStart(source: DefinitionSource, opts: CreateOptions): Promise<DefinedNetwork> {
    const def = this.admit(checkedDefinitionOf(source), 'net-define');
    return this.mutateReading(
      () => IdentityIndex.read(this.paths),
      async (index) => {
        const others = this.identities(index);
        if (others.some((o) => o.name === def.name))
          throw new HostError('conflict', `network '${def.name}' already exists`);
        const filled = await this.withDefaults(def, others);
        this.checkDuplicate(filled, others);
        checkBridgeFree('define', filled, others);
        this.saveDefinition(index, filled, formatNetworkXml(filled, { inactive: true }));
        try {
          if (opts.autostart) store.setAutostart(this.paths, filled.name, true);
          if (opts.start) await this.engine.start(filled, true);
        } catch (err) {
          this.dropDefinition(index, filled.name);
          store.removeLeases(this.paths, filled.name);
          throw err;
        }
        return filled;
      },
      opts.start ? 'start' : undefined,
    );
  }

  /**
   * Stop and start again under one lock, with the saved definition (a transient network
   * with the one it runs). Guests stay plugged into nothing while it is down: the caller
   * says how many are attached before asking for this.
   */
  async restart(net: string): Promise<void> {
    await this.mutate(async () => {
      const name = this.resolve(net);
      const active = store.readActive(this.paths, name);
      if (!active) throw notActive(name);
      const def = this.definition(name) ?? checkedDefinitionOf(active.xml);
      await this.engine.stop(active.status);
      try {
        await this.engine.start(def, active.status.persistent);
      } catch (err) {
        if (!active.status.persistent) store.removeLeases(this.paths, name);
        throw didNotRestart(name, err);
      }
    }, 'start');
  }

  /** Delete: stop if running, then undefine if defined; a stop that fails deletes nothing. */
  async remove(net: string): Promise<void> {
    await this.mutate(async () => {
      const name = this.resolve(net);
      if (store.readActive(this.paths, name)) await this.destroyLocked(name);
      if (store.readDefinitionXml(this.paths, name) !== undefined) this.undefineLocked(name);
    });
  }

  /**
   * A fix offered with a failed start (a free subnet, a free bridge name): the saved
   * definition changes and, when it is not running, the network starts. The fix stays
   * saved if the start fails again; that failure is reported as any start's.
   */
  async applyFix(net: string, fix: NetworkFix): Promise<{ started: boolean }> {
    return this.mutate(async () => {
      const name = this.resolve(net);
      const saved = this.definition(name);
      if (!saved)
        throw new HostError('conflict', `network '${name}' is transient: it has no saved definition to fix`);
      const fixed = applyNetworkFix(saved, fix);
      if (!fixed.ok) throw new HostError('invalid-input', fixed.error.message);
      const index = IdentityIndex.read(this.paths);
      const filled = await this.withDefaults(fixed.value, this.identities(index));
      const xml = formatNetworkXml(filled, { inactive: true });
      CheckedDefinition.read(xml);
      this.saveDefinition(index, filled, xml);
      if (store.readActive(this.paths, name)) return { started: false };
      await this.engine.start(filled, true);
      return { started: true };
    });
  }

  private async startLocked(net: string): Promise<void> {
    const name = this.resolve(net);
    if (store.readActive(this.paths, name)) throw alreadyActive('start', name);
    const def = this.definition(name);
    if (!def) throw notFound(net);
    await this.engine.start(def, true);
  }

  private async destroyLocked(net: string): Promise<void> {
    const name = this.resolve(net);
    const active = store.readActive(this.paths, name);
    if (!active) throw notActive(name);
    await this.engine.stop(active.status);
    // Stop keeps the lease file so a restart hands guests their old addresses back;
    // a network that no longer exists has no use for it.
    if (!active.status.persistent) store.removeLeases(this.paths, name);
  }

  private undefineLocked(net: string): void {
    const name = this.resolve(net);
    if (store.readDefinitionXml(this.paths, name) === undefined)
      throw new HostError(
        'conflict',
        `Failed to undefine network ${name}: Requested operation is not valid: can't undefine transient network (destroy it instead)`,
      );
    const active = store.readActive(this.paths, name);
    if (active)
      store.writeActive(this.paths, name, { ...active, status: { ...active.status, persistent: false } });
    else store.removeLeases(this.paths, name);
    this.dropDefinition(IdentityIndex.read(this.paths), name);
  }

  /** The definition file and its identity index entry, together under the lock. */
  private saveDefinition(index: IdentityIndex, def: NetworkDef, xml: string): void {
    store.writeDefinitionXml(this.paths, def.name, xml);
    index.record(def.name, def);
    index.save();
  }

  private dropDefinition(index: IdentityIndex, name: string): void {
    store.removeDefinition(this.paths, name);
    index.forget(name);
    index.save();
  }

  /** Under the lock after reconcile, like every change: the lease's network is looked at there. */
  async reserve(net: string, lease: LeaseToReserve): Promise<UpdateOutcome> {
    return this.mutate(() => reserveLeaseLocked(this.paths, this.resolve(net), lease));
  }

  async update(net: string, req: NetworkUpdateRequest, flags: UpdateFlags): Promise<UpdateOutcome> {
    return this.mutate(() => updateNetworkLocked(this.paths, this.resolve(net), req, flags));
  }

  /**
   * First use (no config dir yet): define `default` as libvirt's packages do, on the
   * first free subnet and bridge name. An emptied config dir stays empty: the user
   * undefined it on purpose.
   */
  async ensureDefaultNetwork(env: NodeJS.ProcessEnv): Promise<void> {
    if (env.SWITCHYARD_NO_DEFAULT === '1' || existsSync(this.paths.configDir)) return;
    await this.mutate(async () => {
      if (existsSync(this.paths.configDir)) return;
      const subnets = (await this.engine.hostSubnets()).map(parseCidr).filter((c) => c !== undefined);
      const links = new Set(await this.engine.hostLinkNames());
      const def = defaultNetworkDef({ subnetsInUse: subnets, usedBridgeNames: links });
      if (!def.ok) throw problemError(def.error);
      const filled = await this.withDefaults(def.value);
      ensureDir(this.paths.configDir, 0o755);
      this.saveDefinition(
        IdentityIndex.read(this.paths),
        filled,
        formatNetworkXml(filled, { inactive: true }),
      );
      store.setAutostart(this.paths, filled.name, true);
    });
  }

  /** At boot: start every autostart network that is not running. Returns failures by name. */
  async autostartAll(): Promise<{ started: string[]; failed: { name: string; message: string }[] }> {
    const result = { started: [] as string[], failed: [] as { name: string; message: string }[] };
    for (const n of this.list().filter((x) => x.autostart && !x.active)) {
      try {
        await this.start(n.name);
        result.started.push(n.name);
      } catch (err) {
        result.failed.push({ name: n.name, message: (err as Error).message });
      }
    }
    return result;
  }

  async doctor(net?: string) {
    return this.engine.doctor(net === undefined ? undefined : this.resolve(net));
  }

  /** Takes the lock itself (reconcile runs under it), like update. */
  async repair(actions: readonly RepairAction[], net?: string) {
    return this.engine.repair(actions, net === undefined ? undefined : this.resolve(net));
  }

  /** Repairs what a crash left (reconcile) under the lock, changing nothing else. */
  async reconcile(): Promise<void> {
    await this.mutate(async () => {});
  }

  /** The definition, unless it sets dnsmasq options this registry's caller may not. */
  private admit(def: NetworkDef, verb: string): NetworkDef {
    if (this.serves === 'root') return def;
    const [refused] = unprivilegedOptionProblems(def, `only root may set it: sudo switchyard ${verb} FILE`);
    if (refused) throw new HostError('access-denied', refused.message);
    return def;
  }

  /**
   * The hint for reconcile that NET is about to stop, by name. Resolved before the
   * lock only as a hint: when NET names nothing, reconcile gets none, and the
   * destroy reports that after it, as before.
   */
  private stopOf(net: string): NextChange | undefined {
    try {
      return { stop: this.resolve(net) };
    } catch {
      return undefined;
    }
  }

  /** NEXT: what the change does, which reconcile can read ahead for or leave alone. */
  private mutate<T>(fn: () => Promise<T>, next?: NextChange): Promise<T> {
    return this.mutateReading(() => undefined, fn, next);
  }

  /**
   * mutate, with READ done while reconcile waits for the host's answers and its result
   * handed to FN. Only for what reconcile never changes (the config dir).
   */
  private async mutateReading<R, T>(
    read: () => R,
    fn: (read: R) => Promise<T>,
    next?: NextChange,
  ): Promise<T> {
    return withLock(this.paths.runDir, async () => {
      const reconciled = this.engine.reconcile(next);
      let result: R;
      try {
        result = read();
      } catch (err) {
        await reconciled.catch(() => undefined);
        throw err;
      }
      await reconciled;
      return fn(result);
    });
  }

  /** Redefining without a <uuid> keeps the network's identity instead of failing. */
  private keepUuid(def: NetworkDef, others: NetworkIdentity[]): NetworkDef {
    if (def.uuid) return def;
    const existing = others.find((o) => o.name === def.name)?.uuid;
    return existing ? { ...def, uuid: existing } : def;
  }

  /** The definition as define would save it (UUID, bridge, MAC filled in), saving nothing. */
  async withDefaults(def: NetworkDef, others = this.identities()): Promise<DefinedNetwork> {
    const used = new Set(await this.engine.hostLinkNames());
    for (const other of others) if (other.name !== def.name && other.bridge) used.add(other.bridge);
    const filled = fillDefaults(def, { usedBridgeNames: used, randomBytes: (n) => randomBytes(n) });
    if (!filled.ok) throw problemError(filled.error);
    return filled.value;
  }

  /** The same name with another UUID, or the same UUID with another name, is an error. */
  private checkDuplicate(def: NetworkDef, others: NetworkIdentity[]): void {
    const uuid = def.uuid?.toLowerCase();
    for (const other of others) {
      if (other.name === def.name && other.uuid && other.uuid !== uuid)
        throw new HostError('conflict', `network '${def.name}' already exists with uuid ${other.uuid}`);
      if (other.name !== def.name && other.uuid === uuid)
        throw new HostError('conflict', `network '${other.name}' is already defined with uuid ${uuid}`);
    }
  }
}

// The messages of lookups and state conflicts are libvirt's, after virsh's first
// line when libvirt's own does not name the network: scripts written for virsh
// look for them.
const alreadyActive = (verb: 'start' | 'create', name: string): HostError =>
  new HostError(
    'conflict',
    `Failed to ${verb} network ${name}: Requested operation is not valid: network is already active`,
  );

/** libvirt refuses at define what would only fail at start: a bridge another network names. */
function checkBridgeFree(verb: 'define' | 'create', def: NetworkDef, others: NetworkIdentity[]): void {
  const bridge = def.bridge?.name;
  if (bridge === undefined || managedModeOf(def) === undefined) return;
  if (others.some((o) => o.name !== def.name && o.bridge === bridge))
    throw new HostError(
      'conflict',
      `Failed to ${verb} network ${def.name}: bridge name '${bridge}' already in use.`,
    );
}

const notActive = (name: string): HostError =>
  new HostError('conflict', `Requested operation is not valid: network '${name}' is not active`);

/** The stop went through; the start did not: say both, keeping the start's code and detail. */
function didNotRestart(name: string, err: unknown): HostError {
  const e = err instanceof HostError ? err : new HostError('internal', (err as Error).message);
  return new HostError(
    e.code,
    `network '${name}' was stopped but did not start again: ${e.message}`,
    e.detail,
  );
}
