// What Switchyard left in a topology's host namespace: the assertions of "a stopped
// or failed network leaves nothing behind" compare these against empty.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mustRun } from './run.js';
import { pidsInNamespaces, type Topology } from './topology.js';

export interface HostSnapshot {
  /** Links the topology did not make itself (lo, uplink*, the guests' vgN ends excluded); IFBs count. */
  links: string[];
  /** nft tables as 'family name'. */
  tables: string[];
  /** PIDs of dnsmasq processes in the host namespace. */
  dnsmasq: number[];
  /**
   * Files in the run and state directories, except what outlives a stop on purpose:
   * lease files, the records of a stopped network's ports, and the host lock's file.
   */
  files: string[];
}

export async function snapshot(topo: Topology): Promise<HostSnapshot> {
  const links = JSON.parse(await mustRun('ip', ['-n', topo.host, '-json', 'link', 'show'])) as {
    ifname: string;
  }[];
  const nft = await mustRun('ip', ['netns', 'exec', topo.host, 'nft', 'list', 'tables']);
  return {
    links: links
      .map((l) => l.ifname)
      .filter((n) => n !== 'lo' && !n.startsWith('uplink') && !/^vg\d+$/.test(n)),
    tables: nft
      .split('\n')
      .filter((l) => l.startsWith('table '))
      .map((l) => l.slice('table '.length)),
    dnsmasq: dnsmasqPids(topo),
    files: [topo.dirs.run, topo.dirs.state].flatMap((d) =>
      existsSync(d)
        ? readdirSync(d)
            .filter((f) => !f.endsWith('.leases') && !f.endsWith('.ports') && f !== '.lock')
            .map((f) => `${d}/${f}`)
        : [],
    ),
  };
}

export function dnsmasqPids(topo: Topology): number[] {
  return pidsInNamespaces([topo.host]).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'dnsmasq';
    } catch {
      return false;
    }
  });
}

export const EMPTY: HostSnapshot = { links: [], tables: [], dnsmasq: [], files: [] };
