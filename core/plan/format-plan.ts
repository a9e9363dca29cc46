// Plans as text (`net-plan NET`) and as the JSON object of `net-plan NET --json`.
import { shellWord } from '../names/shell-word.js';
import { assertNever } from '../result.js';
import type { HostOp, Plan } from './host-op.js';
import { intentObjects } from './intent-step.js';

export function formatPlan(plan: Plan, verb = 'start'): string {
  const lines = [`plan to ${verb} network '${plan.network}' on bridge ${plan.bridge}:`];
  plan.steps.forEach((step, i) => {
    const along = step.withPrevious ? `   (at the same time as ${plan.steps[i - 1]?.id})` : '';
    lines.push(`${String(i + 1).padStart(2)}. ${step.id}: ${step.title}${along}`);
    for (const op of step.do) lines.push(`      ${describeOp(op)}`);
    if (step.undo.length) {
      lines.push('    undo:');
      for (const op of step.undo) lines.push(`      ${describeOp(op)}`);
    }
  });
  return `${lines.join('\n')}\n`;
}

export function describeOp(op: HostOp): string {
  switch (op.op) {
    case 'ip':
      return `ip ${op.args.map(shellWord).join(' ')}${op.absentOk ? '   (ok if already gone)' : ''}`;
    case 'sysctl':
      return `write ${op.value} to /proc/sys/${op.path}${op.ifExists ? ' (if present)' : ''}${op.remember ? ' (the old value is remembered)' : ''}`;
    case 'restore-sysctls':
      return 'put back remembered host-wide sysctls that no running network needs';
    case 'host-rules-insert':
      return op.rules
        .map((r) => `${iptablesName(r.family)} -I ${r.chain} ${r.args.map(shellWord).join(' ')}`)
        .join('\n      ');
    case 'host-rules-delete':
      return op.rules
        .map(
          (r) =>
            `${iptablesName(r.family)} -D ${r.chain} ${r.args.map(shellWord).join(' ')}   (ok if already gone)`,
        )
        .join('\n      ');
    case 'nm-unmanage':
      return `list ${op.bridge} as unmanaged in NetworkManager's configuration (this state root's file)`;
    case 'nm-release':
      return `take ${op.bridge} off NetworkManager's unmanaged list`;
    case 'nft': {
      const first = op.script.split('\n').find((l) => l.startsWith('table ') || l.startsWith('delete '));
      return `nft -f - <<script (${op.script.split('\n').length} lines${first ? `, ${first.replace(/ \{.*$/, '')}` : ''})`;
    }
    case 'mkdir':
      return `mkdir -p ${shellWord(op.path)} (mode ${mode(op.mode)})`;
    case 'write-file':
      return `write ${shellWord(op.path)} (${op.content.length} bytes, mode ${mode(op.mode)})`;
    case 'remove-file':
      return `rm -f ${shellWord(op.path)}`;
    case 'dnsmasq-start':
      return `${op.binary} ${op.args.map(shellWord).join(' ')}; wait for ${shellWord(op.pidFile)}`;
    case 'dnsmasq-stop':
      return `SIGTERM dnsmasq ${op.pid ?? `(pid in ${shellWord(op.pidFile)})`} if its command line has --conf-file=${shellWord(op.confFile)}`;
    case 'tc':
      return `tc ${op.args.map(shellWord).join(' ')}${op.absentOk ? '   (ok if already gone)' : ''}`;
    case 'qemu-acl':
      return op.allow
        ? `add 'allow ${op.bridge}' to ${shellWord(op.file)} (included once from ${shellWord(op.bridgeConf)})`
        : `remove 'allow ${op.bridge}' from ${shellWord(op.file)}`;
    case 'write-intent':
      return `record the intent to ${op.intent.action} '${op.intent.name}' (${intentObjects(op.intent).join(', ')})`;
    case 'remove-intent':
      return `remove the intent record of '${op.name}'`;
    case 'write-status':
      return `write status of '${op.status.name}' (live XML and JSON)`;
    case 'remove-status':
      return `remove status of '${op.name}'`;
    default:
      return assertNever(op, 'host op');
  }
}

export interface PlanJson {
  steps: Plan['steps'];
  /** Every file the plan writes, path -> content. */
  files: Record<string, string>;
  /** The nft script that creates the network's table ('' in open mode). */
  nft: string;
  /** The nft script of the port isolation table ('' without <port isolated='yes'/>). */
  isolation: string;
  /** The tc commands of <bandwidth>, as one would type them. */
  tc: string[];
}

export function planJson(plan: Plan): PlanJson {
  const files: Record<string, string> = {};
  let nft = '';
  let isolation = '';
  const tc: string[] = [];
  for (const step of plan.steps) {
    for (const op of step.do) {
      if (op.op === 'write-file') files[op.path] = op.content;
      if (op.op === 'nft' && step.id === 'firewall') nft = op.script;
      if (op.op === 'nft' && step.id === 'isolation') isolation = op.script;
      if (op.op === 'tc') tc.push(['tc', ...op.args].join(' '));
    }
  }
  return { steps: plan.steps, files, nft, isolation, tc };
}

const mode = (m: number): string => `0${m.toString(8)}`;

const iptablesName = (family: 'ipv4' | 'ipv6'): string => (family === 'ipv4' ? 'iptables' : 'ip6tables');
