// Sections "floor" and "cycle": what a process costs before it does anything, and
// net-start / net-destroy of one NAT network with DHCP, alternating Switchyard and
// libvirt rep by rep so a change in machine load hits both alike.
import type { BenchContext } from './engine-context.js';
import { run } from './engine-procs.js';
import type { RunnerReply } from './engine-runner.js';
import { natNetworkXml } from './engine-xml.js';

export async function benchFloor(c: BenchContext): Promise<void> {
  c.log(`floor: ${c.opts.reps} reps of 'switchyard help', 'virsh --version' and 'node -e 0'`);
  for (let r = 0; r < c.opts.reps; r++) {
    c.cleanup.check();
    c.samples.add('floor.node', (await run(process.execPath, ['-e', '0'])).ms);
    c.samples.add('floor.sy', (await c.sy.call({ op: 'cli', args: ['help'] })).ms ?? Number.NaN);
    c.samples.add('floor.lv', (await run('virsh', ['--version'])).ms);
  }
}

const CYCLE_NET = 'sybcyc';

export async function benchCycle(c: BenchContext): Promise<void> {
  const xml = natNetworkXml(CYCLE_NET, CYCLE_NET, '10.77.1');
  await c.sy.call({ op: 'define', xml });
  await c.lv.virsh('net-define', c.lv.writeXml(c.tmp, CYCLE_NET, xml));
  c.log('cycle: one unrecorded warm-up start/destroy on each side');
  await c.sy.call({ op: 'start', name: CYCLE_NET });
  await c.sy.call({ op: 'destroy', name: CYCLE_NET });
  await c.lv.virsh('net-start', CYCLE_NET);
  await c.lv.virsh('net-destroy', CYCLE_NET);
  // Starts the resident helper: its spawn and handshake are not part of a round trip.
  await c.sy.call({ op: 'helper', verb: 'start', name: CYCLE_NET });
  await c.sy.call({ op: 'helper', verb: 'destroy', name: CYCLE_NET });
  c.log(`cycle: ${c.opts.reps} reps of net-start/net-destroy (in engine, virsh, CLI, resident helper)`);
  for (let r = 0; r < c.opts.reps; r++) {
    c.cleanup.check();
    recordEngine(c, 'start', await c.sy.call({ op: 'start', name: CYCLE_NET }));
    recordVirsh(c, 'start', await c.lv.virsh('net-start', CYCLE_NET));
    recordEngine(c, 'destroy', await c.sy.call({ op: 'destroy', name: CYCLE_NET }));
    recordVirsh(c, 'destroy', await c.lv.virsh('net-destroy', CYCLE_NET));
    c.samples.add('start.sy.cli', (await c.sy.call({ op: 'cli', args: ['net-start', CYCLE_NET] })).ms ?? 0);
    c.samples.add(
      'destroy.sy.cli',
      (await c.sy.call({ op: 'cli', args: ['net-destroy', CYCLE_NET] })).ms ?? 0,
    );
    for (const verb of ['start', 'destroy'] as const) {
      const reply = await c.sy.call({ op: 'helper', verb, name: CYCLE_NET });
      c.samples.add(`${verb}.sy.helper`, reply.ms ?? Number.NaN);
    }
  }
  await c.sy.call({ op: 'undefine', name: CYCLE_NET });
  await c.lv.virsh('net-undefine', CYCLE_NET);
}

function recordEngine(c: BenchContext, verb: 'start' | 'destroy', reply: RunnerReply): void {
  c.samples.add(`${verb}.sy.engine`, reply.ms ?? Number.NaN);
  c.samples.add(`${verb}.sy.reconcile`, reply.reconcileMs ?? Number.NaN);
  c.samples.add(`${verb}.sy.core`, reply.engineMs ?? Number.NaN);
  for (const step of reply.steps ?? []) {
    // Steps run as one `ip -batch` carry their time on the first of the batch.
    if (step.batch && step.batch[0] !== step.id) continue;
    c.samples.add(`step.${verb}.${(step.batch ?? [step.id]).join('+')}`, step.ms);
  }
}

export function recordVirsh(
  c: BenchContext,
  verb: string,
  t: { wallMs: number; apiMs: number | undefined },
): void {
  c.samples.add(`${verb}.lv.wall`, t.wallMs);
  if (t.apiMs !== undefined) c.samples.add(`${verb}.lv.api`, t.apiMs);
}
