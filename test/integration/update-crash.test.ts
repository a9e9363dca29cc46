// A live net-update killed -9 at each of its points (SWITCHYARD_PAUSE_AT): the
// update records its intent and writes the new live XML before it touches the host,
// so the next command as root finishes it. Afterwards the live and saved definitions
// carry the update, dnsmasq's files say what the live XML says and it serves them
// (a guest gets its reserved address), exactly one dnsmasq of the network runs and
// the status names it, and no intent record is left.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dnsmasqPaths } from '../../core/dnsmasq/index.js';
import { cliRunner } from './harness/cli-runner.js';
import { ensureBuilt, writeXml } from './harness/engine-client.js';
import { killAtPause, spawnCliPaused } from './harness/engine-pause.js';
import { EMPTY, snapshot } from './harness/inspect.js';
import { netXml } from './harness/network-xml.js';
import { skipReason } from './harness/preconditions.js';
import { createTopology, type Topology } from './harness/topology.js';

const MAC = '52:54:00:aa:bb:07';

/** A reservation: only the hosts file changes, dnsmasq re-reads it on SIGHUP. */
const RESERVE = ['add', 'ip-dhcp-host', `<host mac='${MAC}' ip='192.168.158.7'/>`];
/** A new range: the config changes, which dnsmasq only reads when it starts. */
const NEW_RANGE = ['add', 'ip-dhcp-range', "<range start='192.168.158.220' end='192.168.158.230'/>"];

const CASES: { what: string; args: string[]; points: string[]; changed: (text: Files) => boolean }[] = [
  {
    what: 'a reservation',
    args: RESERVE,
    points: ['update-intent', 'update-write-file'],
    changed: (f) => f.hostsfile.includes(MAC),
  },
  {
    what: 'a new DHCP range (dnsmasq restart)',
    args: NEW_RANGE,
    points: ['update-intent', 'update-dnsmasq-stop', 'update-write-file', 'update-dnsmasq-start'],
    changed: (f) => f.conf.includes('192.168.158.230'),
  },
];

interface Files {
  conf: string;
  hostsfile: string;
}

describe.skipIf(skipReason !== undefined)('net-update killed -9 part way', () => {
  let topo: Topology;
  const { ok } = cliRunner(() => topo);
  const files = (): Files => {
    const p = dnsmasqPaths(topo.dirs.state, 'upd');
    const read = (f: string) => (existsSync(f) ? readFileSync(f, 'utf8') : '');
    return { conf: read(p.conf), hostsfile: read(p.hostsfile) };
  };
  const statusPid = () =>
    (JSON.parse(readFileSync(join(topo.dirs.run, 'upd.json'), 'utf8')) as { dnsmasqPid?: number }).dnsmasqPid;

  beforeAll(async () => {
    await ensureBuilt();
    topo = await createTopology({ guests: 1 });
  });
  afterAll(async () => {
    await topo?.cleanup();
  });

  const points = CASES.flatMap((c) => c.points.map((point) => ({ ...c, point })));

  it.each(points)('finishes $what killed right after $point', async ({ args, point, changed }) => {
    const xml = netXml({ name: 'upd', bridge: 'syupd0', net: '192.168.158', mode: 'nat' }).replace(
      "end='192.168.158.250'",
      "end='192.168.158.200'",
    );
    await ok(['net-define', writeXml(topo, 'upd', xml)]);
    await ok(['net-start', 'upd']);
    const before = (await snapshot(topo)).dnsmasq;

    const update = spawnCliPaused(topo, ['net-update', 'upd', ...args, '--live', '--config'], {
      SWITCHYARD_PAUSE_AT: point,
    });
    await killAtPause(update);

    // Any command as root reconciles first.
    await ok(['net-list', '--all']);
    expect(existsSync(join(topo.dirs.run, 'upd.intent'))).toBe(false);
    const live = await ok(['net-dumpxml', 'upd']);
    const saved = await ok(['net-dumpxml', 'upd', '--inactive']);
    for (const text of [live, saved]) expect(text).toMatch(args === RESERVE ? MAC : "end='192.168.158.230'");
    expect(changed(files())).toBe(true);
    const running = (await snapshot(topo)).dnsmasq;
    expect(running).toHaveLength(1);
    expect(running).toEqual([statusPid()]);
    if (args === RESERVE) {
      expect(running).toEqual(before);
      // .7 is outside the range: only a dnsmasq that re-read its hosts file offers it.
      const [g] = topo.guests as [string];
      await topo.plugGuest(g, 'syupd0', { mac: MAC });
      expect((await topo.dhcp(g))?.ip).toBe('192.168.158.7');
      await topo.unplugGuest(g);
    }

    await ok(['net-destroy', 'upd']);
    await ok(['net-undefine', 'upd']);
    expect(await snapshot(topo)).toEqual(EMPTY);
  });
});
