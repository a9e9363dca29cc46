// Section "memory": what one more active network costs in resident memory. Switchyard
// keeps no daemon (the CLI and the helper exit), so its cost is the network's dnsmasq;
// libvirt's is its dnsmasq (two processes: dnsmasq forks a root helper for the
// --dhcp-script lease helper) plus whatever libvirtd grows by.
import type { BenchContext } from './engine-context.js';
import { cmdlineOf, memoryOf, processesIn } from './engine-memory.js';
import { natNetworkXml, subnetPrefix } from './engine-xml.js';

const PREFIX = 'sym';

export async function benchMemory(c: BenchContext): Promise<void> {
  const k = c.opts.memNets;
  const names = Array.from({ length: k }, (_, i) => `${PREFIX}${i}`);
  const xmlOf = (i: number): string => natNetworkXml(`${PREFIX}${i}`, `${PREFIX}${i}`, subnetPrefix(90, i));
  c.log(`memory: ${k} active NAT networks on each side`);

  for (const [i, name] of names.entries()) {
    await c.sy.call({ op: 'define', xml: xmlOf(i) });
    await c.sy.call({ op: 'start', name });
  }
  // Only dnsmasq processes of this run: their --conf-file lies in our temp dir.
  const sy = memoryOf(processesIn(c.syNetns, 'dnsmasq').filter((p) => cmdlineOf(p).includes(c.tmp)));
  for (const name of names) {
    await c.sy.call({ op: 'destroy', name });
    await c.sy.call({ op: 'undefine', name });
  }

  const files = names.map((name, i) => c.lv.writeXml(c.tmp, name, xmlOf(i)));
  await c.lv.batch(files.map((f) => `net-define ${f}`));
  const daemonBefore = c.lv.daemonRssKb();
  for (const name of names) await c.lv.virsh('net-start', name);
  const daemonAfter = c.lv.daemonRssKb();
  const lv = memoryOf(processesIn(c.lvNetns, 'dnsmasq'));
  await c.lv.batch([...names.map((n) => `net-destroy ${n}`), ...names.map((n) => `net-undefine ${n}`)]);

  const add = (key: string, v: number): void => c.samples.add(key, v);
  add('mem.sy.procs', sy.processes / k);
  add('mem.sy.rss', sy.rssKb / k);
  add('mem.sy.pss', sy.pssKb / k);
  add('mem.sy.daemon', 0);
  add('mem.sy.total', sy.rssKb / k);
  add('mem.lv.procs', lv.processes / k);
  add('mem.lv.rss', lv.rssKb / k);
  add('mem.lv.pss', lv.pssKb / k);
  add('mem.lv.daemon', daemonAfter);
  add('mem.lv.growth', (daemonAfter - daemonBefore) / k);
  add('mem.lv.total', (lv.rssKb + Math.max(0, daemonAfter - daemonBefore)) / k);
  c.notes.push(
    `memory: ${k} NAT networks active at once on each side; per network = total / ${k}. libvirtd RSS went ${daemonBefore} → ${daemonAfter} kB while they started (${k} defined before and after). Switchyard runs no resident engine: the CLI (and the app's helper) exit when done.`,
  );
}
