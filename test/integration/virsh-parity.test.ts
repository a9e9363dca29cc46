// Scripts written for virsh 9.0 see what virsh prints. fixtures/virsh-parity/
// holds the steps (scenario.json) and what virsh 9.0 printed for each of them on
// the same files (virsh-9.0.json, made by capture.sh against the libvirt baseline
// in its own network namespace). Here the same steps run through switchyard in a
// private host namespace, and each case below pins one row of the parity list:
// stdout byte for byte; for a failure, exit 1 and one `error:` line that carries
// libvirt's own message (virsh prints two lines; the libvirt error class
// "internal error:" or "operation failed:" is left out, as it says nothing here).
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from './harness/engine-client.js';
import { skipReason } from './harness/preconditions.js';
import type { RunResult } from './harness/run.js';
import { createTopology, type Topology } from './harness/topology.js';

const here = fileURLToPath(new URL('fixtures/virsh-parity/', import.meta.url));
const cli = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const corpus = fileURLToPath(new URL('../../../shared/conformance/libvirt/xml2xml/in/', import.meta.url));

interface Step {
  row: string;
  args: string[];
  /** dnsmasq must be restarted (its configuration changed). */
  restarts?: boolean;
  /** libvirt 9.0 refuses this; newer libvirt, and switchyard, do it. */
  newer?: boolean;
}

interface Printed {
  rc: number;
  stdout: string;
  stderr: string;
  dnsmasqRestarted: boolean;
}

const read = <T>(file: string): T => JSON.parse(readFileSync(join(here, file), 'utf8')) as T;
const scenario = read<{ steps: Step[] }>('scenario.json').steps;
const virsh = read<{ virsh: string; steps: Printed[]; leases: string }>('virsh-9.0.json');

/** The libvirt message inside virsh's last error line. */
const libvirtMessage = (stderr: string): string =>
  (stderr.trimEnd().split('\n').at(-1) ?? '')
    .replace(/^error: /, '')
    .replace(/^(internal error|operation failed): /, '');

const expiryFree = (table: string): string => table.replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/g, 'EXPIRY');

describe.skipIf(skipReason !== undefined)('scripts written for virsh 9.0 see what virsh prints', () => {
  let topo: Topology;
  const ours: Printed[] = [];
  let leases = '';
  const env = (extra: NodeJS.ProcessEnv = {}) => ({ ...topo.env, SWITCHYARD_NO_DEFAULT: '1', ...extra });
  const sy = (args: string[], extra: NodeJS.ProcessEnv = {}): Promise<RunResult> =>
    topo.runInHost(process.execPath, [cli, ...args], { env: env(extra) });
  const fileArg = (arg: string): string => (/^[a-z]+\.xml$/.test(arg) ? join(here, arg) : arg);
  const dnsmasqPid = (): number | undefined => {
    const status = join(topo.dirs.run, 'vpa.json');
    return existsSync(status) ? (JSON.parse(readFileSync(status, 'utf8')).dnsmasqPid as number) : undefined;
  };
  const dhcp = async (guest: string, hostname: string) => {
    const script = join(topo.dirs.root, 'udhcpc.sh');
    const args = [
      'udhcpc',
      '-f',
      '-i',
      'eth0',
      '-n',
      '-q',
      '-t',
      '10',
      '-T',
      '1',
      '-x',
      `hostname:${hostname}`,
    ];
    const r = await topo.runIn(guest, 'busybox', [...args, '-s', script]);
    return /lease ip=(\S+)/.exec(r.stdout)?.[1];
  };

  beforeAll(async () => {
    await ensureBuilt();
    topo = await createTopology({ guests: 2 });
    for (const step of scenario) {
      const before = dnsmasqPid();
      const r = await sy(step.args.map(fileArg));
      ours.push({
        rc: r.code,
        stdout: r.stdout,
        stderr: r.stderr,
        dnsmasqRestarted: before !== dnsmasqPid(),
      });
    }
    // Two guests take leases. dnsmasq writes the newest lease first, so taking them
    // as aa, then bb leaves its lease file out of MAC order.
    const [first, second] = topo.guests as [string, string];
    await topo.plugGuest(first, 'vpbr0', { mac: '52:54:00:00:00:bb' });
    await topo.plugGuest(second, 'vpbr0', { mac: '52:54:00:00:00:aa' });
    expect(await dhcp(second, 'alpha')).toBe('10.77.0.90');
    expect(await dhcp(first, 'zeta')).toBe('10.77.0.16');
    const file = readFileSync(join(topo.dirs.state, 'vpa.leases'), 'utf8');
    expect(file.indexOf('52:54:00:00:00:bb')).toBeLessThan(file.indexOf('52:54:00:00:00:aa'));
    leases = (await sy(['net-dhcp-leases', 'vpa'])).stdout;
  });

  afterAll(async () => {
    await topo?.cleanup();
  });

  /** Steps of one row, each compared with what virsh printed for it. */
  function expectRowLikeVirsh(row: string): void {
    const steps = scenario.map((step, i) => ({ step, i })).filter(({ step }) => step.row === row);
    expect(steps.length).toBeGreaterThan(0);
    for (const { step, i } of steps) expectLikeVirsh(step, virsh.steps[i] as Printed, ours[i] as Printed);
  }

  function expectLikeVirsh(step: Step, theirs: Printed, mine: Printed): void {
    const command = `switchyard ${step.args.join(' ')}`;
    if (step.newer) {
      expect(theirs.rc, `virsh 9.0 refuses ${command}`).toBe(1);
      expect(mine, command).toMatchObject({ rc: 0, stdout: 'Updated network vpa live state\n' });
    } else if (theirs.rc === 0) {
      const files = step.args.filter((a) => fileArg(a) !== a);
      const stdout = files.reduce(
        (text, f) => text.replace(`from ${f}`, `from ${fileArg(f)}`),
        theirs.stdout,
      );
      expect({ rc: mine.rc, stdout: mine.stdout }, command).toEqual({ rc: 0, stdout });
      // Notes about what the running network did may follow on stderr, never an error.
      expect(mine.stderr, command).not.toMatch(/^error:/m);
    } else {
      expect(mine.rc, command).toBe(1);
      expect(mine.stderr, command).toMatch(/^error: [^\n]*\n$/);
      const lines = theirs.stderr.trimEnd().split('\n');
      if (lines.length === 1) expect(mine.stderr, command).toBe(theirs.stderr);
      else expect(mine.stderr, command).toContain(libvirtMessage(theirs.stderr));
    }
    if (step.args[0] === 'net-update') {
      const restarted = step.restarts ?? theirs.dnsmasqRestarted;
      expect(mine.dnsmasqRestarted, `${command} restarts dnsmasq`).toBe(restarted);
    }
  }

  it('compares with virsh 9.0 itself, step for step', () => {
    expect(virsh.virsh).toBe('9.0.0');
    expect(virsh.steps).toHaveLength(scenario.length);
    expectRowLikeVirsh('setup');
  });

  it('1. refuses extra positional arguments on every verb, changing nothing', () => {
    expectRowLikeVirsh('1');
    // The last step of the row lists all four networks: net-undefine vpa extra undefined nothing.
    expect(ours.at(scenario.findIndex((s) => s.row === '1' && s.args[1] === '--all'))?.stdout).toContain(
      ' vpa     active ',
    );
  });

  it('2. net-dumpxml --xpath [--wrap] prints the selected nodes', () => {
    expectRowLikeVirsh('2');
  });

  it('3. net-list takes --autostart, --no-autostart, --persistent, --transient and --table', () => {
    expectRowLikeVirsh('3');
  });

  it('4. applies ip-dhcp-range, dns-txt, dns-srv and forward-interface live, and modifies DNS records', async () => {
    expectRowLikeVirsh('4');
    const restarts = scenario.map((s, i) => ({ s, i })).filter(({ s }) => s.row === '4' && s.restarts);
    for (const { s, i } of restarts) {
      const note =
        /^restarted dnsmasq of network vpa .*\(pid \d+ -> pid \d+, (\d+) ms\); DHCP leases are kept\n$/;
      const ms = Number(note.exec(ours[i]?.stderr ?? '')?.[1] ?? Number.NaN);
      expect(ms, `switchyard ${s.args.join(' ')} says it restarted dnsmasq`).toBeLessThan(1000);
    }
    // The restarted dnsmasq answers the modified records.
    const guest = topo.guests[0] as string;
    const host = await topo.runIn(guest, 'busybox', ['nslookup', 'h45', '10.77.0.1']);
    expect(host.stdout).toMatch(/Address:\s+10\.77\.0\.44/);
    const txt = await topo.runIn(guest, 'busybox', ['nslookup', '-type=txt', 't1', '10.77.0.1']);
    expect(txt.stdout).toContain('"v2"');
    // A restart keeps every lease, and a guest renewing keeps its address.
    const pid = dnsmasqPid();
    const r = await sy(['net-update', 'vpa', 'delete', 'dns-txt', "<txt name='t1'/>", '--live']);
    expect(r).toMatchObject({ code: 0, stdout: 'Updated network vpa live state\n' });
    expect(dnsmasqPid()).not.toBe(pid);
    expect(expiryFree((await sy(['net-dhcp-leases', 'vpa'])).stdout)).toBe(expiryFree(leases));
    expect(await dhcp(guest, 'zeta')).toBe('10.77.0.16');
  });

  it('5. prints no blank line after "Updated network X ..."', () => {
    expectRowLikeVirsh('5');
  });

  it('6. lists DHCP leases by MAC address', () => {
    expect(expiryFree(leases)).toBe(expiryFree(virsh.leases));
  });

  it('7. echoes the network argument of net-start and net-destroy as typed', () => {
    expectRowLikeVirsh('7');
  });

  it('8. leaves out the Bridge line of net-info for a network without a bridge', () => {
    expectRowLikeVirsh('8');
  });

  it('9. refuses at define a bridge name another network has', () => {
    expectRowLikeVirsh('9');
  });

  it("10. uses libvirt's wording for lookups and state errors", () => {
    expectRowLikeVirsh('10');
  });

  it("11. the live XML of a NAT network has libvirt's <nat><port start='1024' end='65535'/>", () => {
    expectRowLikeVirsh('11');
  });

  it('12. net-edit removes its temporary directory when the edit is refused, and says where the edit is', async () => {
    const tmp = mkdtempSync(join(topo.dirs.root, 'tmp-'));
    const state = mkdtempSync(join(topo.dirs.root, 'state-home-'));
    const editor = join(topo.dirs.root, 'bad-editor.sh');
    writeFileSync(editor, '#!/bin/sh\nsed -i "s/start=\'10.77.0.10\'/start=\'10.99.0.10\'/" "$1"\n', {
      mode: 0o755,
    });
    const saved = (await sy(['net-dumpxml', 'vpa', '--inactive'])).stdout;
    const r = await sy(['net-edit', 'vpa'], {
      EDITOR: editor,
      VISUAL: '',
      TMPDIR: tmp,
      XDG_STATE_HOME: state,
    });
    expect(r.code).toBe(1);
    const kept =
      /^error: network 'vpa': <range start='10\.99\.0\.10'[^\n]*; your edit is saved in (\S+)\n$/.exec(
        r.stderr,
      );
    expect(kept, r.stderr).not.toBeNull();
    const path = kept?.[1] ?? '';
    expect(path.startsWith(join(state, 'switchyard', 'rejected-edits'))).toBe(true);
    expect(readFileSync(path, 'utf8')).toContain("<range start='10.99.0.10'");
    expect(readdirSync(tmp)).toEqual([]);
    expect((await sy(['net-dumpxml', 'vpa', '--inactive'])).stdout).toBe(saved);
  });

  it('net-validate refuses what libvirt >= 10 validation refuses (libvirt 9.0 refuses it at define)', async () => {
    const pf = await sy(['net-validate', join(corpus, 'passthrough-pf.xml')]);
    expect(pf).toMatchObject({ code: 1 });
    expect(pf.stderr).toMatch(
      /^error: network 'local': <ip address='192\.168\.122\.1'> \(line 7:3\) is not supported with <forward mode='passthrough'>/,
    );
    const pci = await sy(['net-validate', join(corpus, 'passthrough-address-crash.xml')]);
    expect(pci).toMatchObject({ code: 1 });
    expect(pci.stderr).toMatch(/lists a device by PCI address, which only <forward mode='hostdev'> pools do/);
  });
});
