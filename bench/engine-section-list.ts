// Section "list": net-list --all with MANY networks defined, and what one more
// net-define costs then. The MANY are seeded untimed (see notes in the table).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext } from './engine-context.js';
import { recordVirsh } from './engine-section-cycle.js';
import { natNetworkXml, subnetPrefix } from './engine-xml.js';

const PREFIX = 'syl';
const EXTRA = 'sylx';

export async function benchList(c: BenchContext): Promise<void> {
  const { many, lvMany } = c.opts;
  c.log(`list: defining ${many} Switchyard networks (definition files written directly)`);
  const seeded = await c.sy.call({
    op: 'defineMany',
    prefix: PREFIX,
    count: many,
    subnetBase: 80,
    direct: true,
  });
  c.notes.push(
    `net-list: Switchyard's ${many} networks were seeded by writing what net-define saves straight into the config dir (${((seeded.ms ?? 0) / 1000).toFixed(1)} s), so no identity index existed yet: the first timed net-define built it from the ${many} files (the max of define.sy.engine), the later ones found it current.`,
  );
  await seedLibvirt(c, lvMany);
  await checkCounts(c, many, lvMany);

  const extraXml = natNetworkXml(EXTRA, EXTRA, '10.79.0');
  const extraFile = c.lv.writeXml(c.tmp, EXTRA, extraXml);
  c.log(`list: ${c.opts.listReps} reps of net-list --all and of one more net-define`);
  for (let r = 0; r < c.opts.listReps; r++) {
    c.cleanup.check();
    c.samples.add('list.sy.engine', (await c.sy.call({ op: 'list' })).ms ?? Number.NaN);
    c.samples.add('list.sy.cli', (await c.sy.call({ op: 'cli', args: ['net-list', '--all'] })).ms ?? 0);
    recordVirsh(c, 'list', await c.lv.virsh('net-list', '--all'));
    c.samples.add('define.sy.engine', (await c.sy.call({ op: 'define', xml: extraXml })).ms ?? Number.NaN);
    await c.sy.call({ op: 'undefine', name: EXTRA });
    c.samples.add('define.sy.cli', (await c.sy.call({ op: 'cli', args: ['net-define', extraFile] })).ms ?? 0);
    await c.sy.call({ op: 'undefine', name: EXTRA });
    recordVirsh(c, 'define', await c.lv.virsh('net-define', extraFile));
    await c.lv.virsh('net-undefine', EXTRA);
  }
  c.log(`list: undefining libvirt's ${lvMany} networks`);
  await c.lv.undefineAll();
}

async function seedLibvirt(c: BenchContext, count: number): Promise<void> {
  c.log(`list: defining ${count} libvirt networks through one virsh process`);
  const dir = join(c.tmp, 'lv-list');
  mkdirSync(dir, { recursive: true });
  const cmds: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = `${PREFIX}${i}`;
    cmds.push(`net-define ${c.lv.writeXml(dir, name, natNetworkXml(name, name, subnetPrefix(80, i)))}`);
  }
  const out = await c.lv.batch(cmds);
  c.notes.push(
    `net-list: libvirt's ${count} networks were defined by one virsh process reading ${count} net-define commands on stdin (${(out.ms / 1000).toFixed(1)} s).`,
  );
}

async function checkCounts(c: BenchContext, many: number, lvMany: number): Promise<void> {
  const syCount = (await c.sy.call({ op: 'list' })).count;
  const lvCount = (await c.lv.names()).all.length;
  if (syCount !== many || lvCount !== lvMany)
    throw new Error(
      `list: expected ${many} Switchyard and ${lvMany} libvirt networks, found ${syCount} and ${lvCount}`,
    );
}
