// Proves the kernel's nft accepts every generated ruleset: load, re-apply (the
// script must replace its table), delete, and nothing left behind. Runs in a
// network namespace of its own, never in the machine's.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { firewallDeleteScript, firewallRuleset, tableNameFor } from '../../core/firewall/index.js';
import type { ForwardDef, NetworkDef } from '../../core/model/network.js';
import { parseNetworkXml } from '../../core/xml/parse-network.js';

const NFT = '/usr/sbin/nft';
const skipReason =
  process.getuid?.() !== 0
    ? 'needs root for network namespaces'
    : !existsSync(NFT)
      ? `nftables is not installed (${NFT} missing)`
      : undefined;

function run(cmd: string, args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(cmd, args, { timeout: 20_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} ${args.join(' ')}: ${stderr || err.message}`));
      else resolve(stdout);
    });
    // A command that reads no stdin may exit before we close it; that is not an error.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input);
  });
}

const ns = `sy-fw-${randomBytes(4).toString('hex')}`;
const nft = (script: string) => run('ip', ['netns', 'exec', ns, NFT, '-f', '-'], script);
const listRuleset = () => run('ip', ['netns', 'exec', ns, NFT, 'list', 'ruleset']);
const listTables = async () => (await run('ip', ['netns', 'exec', ns, NFT, 'list', 'tables'])).trim();

/** The name of the first chain in an `nft list` output. */
function firstChain(listing: string): string {
  const name = /^\s*chain (\S+) \{/m.exec(listing)?.[1];
  if (!name) throw new Error(`no chain in ${listing}`);
  return name;
}

function fwd(over: Partial<ForwardDef>): ForwardDef {
  return { interfaces: [], pfs: [], addresses: [], ...over };
}

/** The corpus inputs, plus what the corpus lacks: SNAT to an address range, a bridge name with '-'. */
function networks(): { label: string; def: NetworkDef; bridge: string }[] {
  const dirs = [
    new URL('../../../shared/conformance/libvirt/firewall/upstream-10.x/', import.meta.url),
    new URL('../../../shared/reference/libvirt-9.0/input/', import.meta.url),
  ];
  const out: { label: string; def: NetworkDef; bridge: string }[] = [];
  for (const dir of dirs) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.xml'))) {
      const parsed = parseNetworkXml(readFileSync(new URL(file, dir), 'utf8'));
      if (!parsed.ok) throw new Error(parsed.error.message);
      out.push({ label: file, def: parsed.value, bridge: parsed.value.bridge?.name ?? 'virbr1' });
    }
  }
  const base = { routes: [], portgroups: [] };
  out.push({
    label: 'snat + forward dev + ipv6 nat (hand-built)',
    bridge: 'sy-br_0',
    def: {
      ...base,
      name: 'snat "quoted" name',
      forward: fwd({
        mode: 'nat',
        dev: 'eth1',
        nat: {
          ipv6: 'yes',
          addressStart: '203.0.113.5',
          addressEnd: '203.0.113.9',
          portStart: 2000,
          portEnd: 3000,
        },
      }),
      ips: [
        { address: '10.20.0.1', prefix: 16, tftp: { root: '/srv/tftp' } },
        { family: 'ipv6', address: 'fd00:20::1', prefix: 64 },
      ],
    },
  });
  return out;
}

describe.skipIf(skipReason !== undefined)(
  `nft loads the generated rulesets${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    const cases = skipReason ? [] : networks();

    beforeAll(async () => {
      await run('ip', ['netns', 'add', ns]);
      for (const bridge of new Set(cases.map((c) => c.bridge))) {
        await run('ip', ['-n', ns, 'link', 'add', bridge, 'type', 'bridge']);
      }
    });

    afterAll(async () => {
      await run('ip', ['netns', 'del', ns]).catch(() => undefined);
    });

    test.each(cases.map((c) => [c.label, c] as const))('%s: load, re-apply, delete', async (_label, c) => {
      const script = firewallRuleset(c.def, { bridge: c.bridge });
      const table = tableNameFor(c.def, c.bridge);
      if (script === '') {
        expect(await listTables()).toBe('');
        return;
      }
      await nft(script);
      const first = await listRuleset();
      expect(first).toContain(`table inet ${table} {`);
      await nft(script);
      // Re-applying replaces the table: the same rules, not twice as many, and no other table.
      expect(await listRuleset()).toBe(first);
      // A start's form flushes instead of deleting: over a leftover that carries a
      // rule of its own, it leaves exactly the same table.
      await nft(`add rule inet ${table} ${firstChain(first)} counter comment "leftover"\n`);
      await nft(firewallRuleset(c.def, { bridge: c.bridge, empty: 'flush' }));
      expect(await listRuleset()).toBe(first);
      await nft(firewallDeleteScript(table));
      expect(await listTables()).toBe('');
      await nft(firewallRuleset(c.def, { bridge: c.bridge, empty: 'flush' }));
      expect(await listRuleset()).toBe(first);
      await nft(firewallDeleteScript(table));
      expect(await listTables()).toBe('');
      // Deleting what is already gone is not an error either.
      await nft(firewallDeleteScript(table));
    });

    test('tables of several networks coexist and go away one by one', async () => {
      const distinct = [...new Map(cases.map((c) => [c.bridge, c])).values()].filter(
        (c) => firewallRuleset(c.def, { bridge: c.bridge }) !== '',
      );
      for (const c of distinct) await nft(firewallRuleset(c.def, { bridge: c.bridge }));
      expect((await listTables()).split('\n')).toHaveLength(distinct.length);
      for (const c of distinct) await nft(firewallDeleteScript(tableNameFor(c.def, c.bridge)));
      expect(await listTables()).toBe('');
    });
  },
);
