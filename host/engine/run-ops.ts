// Executes HostOps. Forward ops run in order and stop at the first failure,
// reporting how many completed; consecutive `ip` commands share one process.
// Undo ops are best effort: something already gone is fine, other failures are
// collected so the rollback still undoes everything else.
import { rmSync } from 'node:fs';
import type { HostOp } from '../../core/plan/index.js';
import { assertNever } from '../../core/result.js';
import { startDnsmasq, stopDnsmasq } from '../exec/dnsmasq-process.js';
import { BatchError, isAbsentError, runIp, runIpBatch } from '../exec/ip.js';
import { deleteHostRules, insertHostRules } from '../exec/iptables.js';
import { addUnmanagedBridge, removeUnmanagedBridge } from '../exec/network-manager.js';
import { nftApply } from '../exec/nft.js';
import { readPidFile } from '../exec/proc.js';
import { writeSysctl } from '../exec/sysctl.js';
import { isTcAbsentError, runTc } from '../exec/tc.js';
import { rootId } from '../paths.js';
import { setAclLine } from '../qemu/bridge-acl.js';
import { atomicWrite } from '../state/atomic-write.js';
import { ensureDir } from '../state/ensure-dir.js';
import { removeActive, removeIntent, writeActive, writeIntent } from '../state/state-store.js';
import type { NetworkStatus } from '../state/status.js';
import type { EngineContext } from './engine-context.js';
import { rememberAndWrite, restoreSysctls } from './host-sysctls.js';

/** Values known only at run time (the daemon's PID), carried from one op to a later one. */
export interface Runtime {
  dnsmasqPid?: number;
}

export class OpsError extends Error {
  constructor(
    readonly failure: unknown,
    readonly completed: number,
  ) {
    super(failure instanceof Error ? failure.message : String(failure));
  }
}

export async function runOps(ops: HostOp[], ctx: EngineContext, rt: Runtime): Promise<void> {
  let i = 0;
  while (i < ops.length) {
    const op = ops[i] as HostOp;
    if (op.op === 'ip' && !op.absentOk) {
      const group: string[][] = [];
      while (i + group.length < ops.length) {
        const next = ops[i + group.length] as HostOp;
        if (next.op !== 'ip' || next.absentOk) break;
        group.push(next.args);
      }
      try {
        await runIpBatch(group);
      } catch (err) {
        throw new OpsError(err, i + (err instanceof BatchError ? err.completed : 0));
      }
      i += group.length;
      continue;
    }
    try {
      await runOp(op, ctx, rt);
    } catch (err) {
      throw new OpsError(err, i);
    }
    i++;
  }
}

async function runOp(op: HostOp, ctx: EngineContext, rt: Runtime): Promise<void> {
  switch (op.op) {
    case 'ip':
      try {
        await runIp(op.args);
      } catch (err) {
        if (!(op.absentOk && isAbsentError(err))) throw err;
      }
      return;
    case 'sysctl':
      return op.remember
        ? rememberAndWrite(ctx, op.path, op.value)
        : writeSysctl(op.path, op.value, op.ifExists);
    case 'restore-sysctls':
      await restoreSysctls(ctx);
      return;
    case 'host-rules-insert':
      return insertHostRules(op.rules);
    case 'host-rules-delete':
      await deleteHostRules(op.rules);
      return;
    case 'nm-unmanage':
      return addUnmanagedBridge(ctx.env, rootId(ctx.paths), op.bridge);
    case 'nm-release':
      return removeUnmanagedBridge(ctx.env, rootId(ctx.paths), op.bridge);
    case 'nft':
      try {
        await nftApply(op.script);
      } catch (err) {
        if (!(op.absentOk && isAbsentError(err))) throw err;
      }
      return;
    case 'tc':
      try {
        await runTc(op.args);
      } catch (err) {
        if (!(op.absentOk && isTcAbsentError(err))) throw err;
      }
      return;
    case 'qemu-acl':
      return setAclLine(op, op.bridge, op.allow);
    case 'mkdir':
      return ensureDir(op.path, op.mode);
    case 'write-file':
      return atomicWrite(op.path, op.content, op.mode);
    case 'remove-file':
      return rmSync(op.path, { force: true });
    case 'dnsmasq-start':
      rt.dnsmasqPid = await startDnsmasq(op.binary, op.args, op.pidFile);
      return;
    case 'dnsmasq-stop':
      // In a rollback the status undo has already removed the pid file; the PID we
      // started is still known.
      await stopDnsmasq(op.pid ?? rt.dnsmasqPid ?? readPidFile(op.pidFile), op.confFile);
      return;
    case 'write-intent':
      return writeIntent(ctx.paths, op.intent);
    case 'remove-intent':
      return removeIntent(ctx.paths, op.name);
    case 'write-status':
      return writeStatus(op, ctx, rt);
    case 'remove-status':
      return removeActive(ctx.paths, op.name);
    default:
      return assertNever(op, 'host op');
  }
}

function writeStatus(op: Extract<HostOp, { op: 'write-status' }>, ctx: EngineContext, rt: Runtime): void {
  const pid = rt.dnsmasqPid ?? (op.pidFile ? readPidFile(op.pidFile) : undefined);
  const s = op.status;
  const status: NetworkStatus = {
    name: s.name,
    uuid: s.uuid,
    bridge: s.bridge,
    ...(s.table === undefined ? {} : { table: s.table }),
    ...(s.hostRules?.length ? { hostRules: s.hostRules } : {}),
    ...(s.guests === undefined ? {} : { guests: s.guests }),
    ...(pid === undefined ? {} : { dnsmasqPid: pid }),
    persistent: s.persistent,
    startedAt: new Date().toISOString(),
  };
  writeActive(ctx.paths, s.name, { xml: op.xml, status });
}

/** Runs every undo op, returning the failures instead of stopping at the first. */
export async function runUndo(ops: HostOp[], ctx: EngineContext, rt: Runtime): Promise<string[]> {
  const problems: string[] = [];
  for (const op of ops) {
    try {
      await runOp(op, ctx, rt);
    } catch (err) {
      if (!isAbsentError(err)) problems.push(err instanceof Error ? err.message : String(err));
    }
  }
  return problems;
}
