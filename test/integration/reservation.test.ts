// "Reserve" for real: a guest leases an address from a running network,
// the lease is reserved (net-update add ip-dhcp-host, live and saved), the guest
// releases it and renews, and gets the same address. Since dnsmasq tends to give a
// client its old address anyway, a second step moves the reservation to another
// address (net-update modify, live): the guest's next request gets that one, which
// proves the running dnsmasq re-read its hosts file. dnsmasq was signalled, never
// restarted: its PID is the same throughout. The updates run in the host
// namespace, as the engine does, from the compiled dist/.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngineReply, engine, ensureBuilt, writeXml } from './harness/engine-client.js';
import { netXml } from './harness/network-xml.js';
import { skipReason } from './harness/preconditions.js';
import { createTopology, type Topology } from './harness/topology.js';
import { type Lease, parseLease, UDHCPC_SCRIPT } from './harness/udhcpc-script.js';

const NAME = 'resv';
const BRIDGE = 'syresv0';
const NET = '192.168.160';
const MAC_A = '52:54:00:16:00:0a';
const MAC_B = '52:54:00:16:00:0b';
const dist = new URL('../../dist/', import.meta.url).href;

/** execFile without a stdin pipe; resolves with the output whatever the exit status. */
function exec(
  cmd: string,
  args: string[],
  env?: NodeJS.ProcessEnv,
): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: 60_000, env: env ?? process.env }, (e, out, err) => {
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : 1) : 0, out, err });
    }).stdin?.destroy();
  });
}

describe.skipIf(skipReason !== undefined)(
  `reserve a lease${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    let topo: Topology;
    let script: string;

    /** busybox udhcpc in a guest; extra flags e.g. -r IP (ask for it), -R (release on exit). */
    async function udhcpc(guest: string, ...extra: string[]): Promise<Lease | undefined> {
      const args = ['-f', '-i', 'eth0', '-n', '-q', '-t', '5', '-T', '1', '-s', script, ...extra];
      const r = await exec('ip', ['netns', 'exec', guest, 'busybox', 'udhcpc', ...args]);
      return r.code === 0 ? parseLease(r.out, 0) : undefined;
    }

    const status = () =>
      JSON.parse(readFileSync(join(topo.dirs.run, `${NAME}.json`), 'utf8')) as {
        dnsmasqPid?: number;
        bridge: string;
      };

    beforeAll(async () => {
      await ensureBuilt();
      topo = await createTopology({ guests: 2 });
      script = join(topo.dirs.root, 'udhcpc-resv.sh');
      writeFileSync(script, UDHCPC_SCRIPT, { mode: 0o755 });
      const xml = netXml({ name: NAME, bridge: BRIDGE, net: NET, mode: 'nat' });
      const started = await engine(topo, ['start', writeXml(topo, NAME, xml)]);
      if (!started.ok) throw new Error(`start failed: ${(started as EngineReply).error?.message}`);
      // Persistent: the saved definition is what net-define would have written.
      mkdirSync(topo.dirs.config, { recursive: true });
      writeFileSync(join(topo.dirs.config, `${NAME}.xml`), xml);
      await topo.plugGuest(topo.guests[0] ?? '', BRIDGE, { mac: MAC_A });
      await topo.plugGuest(topo.guests[1] ?? '', BRIDGE, { mac: MAC_B });
    });

    afterAll(async () => {
      if (topo) await engine(topo, ['stop', NAME]).catch(() => undefined);
      await topo?.cleanup();
    });

    it('keeps the address for the guest after release and renew, without restarting dnsmasq', async () => {
      const [a, b] = topo.guests as [string, string];
      const first = await udhcpc(a);
      expect(first?.ip).toMatch(new RegExp(`^${NET.replace(/\./g, '\\.')}\\.`));
      const address = first?.ip ?? '';
      const pid = status().dnsmasqPid;
      expect(pid).toBeGreaterThan(0);

      const reserve = [
        `const { reserveLease } = await import('${dist}host/live-update/reserve-lease.js');`,
        `const { hostPaths } = await import('${dist}host/paths.js');`,
        `const out = await reserveLease(hostPaths(process.env), '${NAME}', { mac: '${MAC_A}', ip: '${address}', hostname: 'guest-a' });`,
        'process.stdout.write(JSON.stringify(out));',
      ].join('\n');
      const r = await exec(
        'ip',
        ['netns', 'exec', topo.host, process.execPath, '--input-type=module', '-e', reserve],
        topo.env,
      );
      expect(r.err).toBe('');
      expect(JSON.parse(r.out)).toEqual({ name: NAME, live: true, config: true, signalledPid: pid });

      const host = `<host mac='${MAC_A}' name='guest-a' ip='${address}'/>`;
      expect(readFileSync(join(topo.dirs.run, `${NAME}.xml`), 'utf8')).toContain(host);
      expect(readFileSync(join(topo.dirs.config, `${NAME}.xml`), 'utf8')).toContain(host);
      expect(readFileSync(join(topo.dirs.state, `${NAME}.hostsfile`), 'utf8')).toBe(
        `${MAC_A},${address},guest-a\n`,
      );

      // Release (ask once more and give it back on exit), then renew.
      expect((await udhcpc(a, '-r', address, '-R'))?.ip).toBe(address);
      expect((await udhcpc(a))?.ip).toBe(address);

      const moved = `${NET}.222`;
      const modify = [
        `const { updateNetwork } = await import('${dist}host/live-update/update-network.js');`,
        `const { hostPaths } = await import('${dist}host/paths.js');`,
        `const xml = "<host mac='${MAC_A}' name='guest-a' ip='${moved}'/>";`,
        `const out = await updateNetwork(hostPaths(process.env), '${NAME}', { command: 'modify', section: 'ip-dhcp-host', xml }, { live: true });`,
        'process.stdout.write(JSON.stringify(out));',
      ].join('\n');
      const m = await exec(
        'ip',
        ['netns', 'exec', topo.host, process.execPath, '--input-type=module', '-e', modify],
        topo.env,
      );
      expect(m.err).toBe('');
      expect(JSON.parse(m.out)).toEqual({ name: NAME, live: true, config: false, signalledPid: pid });
      expect((await udhcpc(a))?.ip).toBe(moved);
      // The guest without a reservation still gets an address from the range.
      expect((await udhcpc(b))?.ip).toMatch(new RegExp(`^${NET.replace(/\./g, '\\.')}\\.`));
      expect(status().dnsmasqPid).toBe(pid);
      expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8')).toContain('dnsmasq');
    });
  },
);
