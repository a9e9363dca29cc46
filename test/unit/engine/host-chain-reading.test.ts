// A start reads the host's iptables at most once per family per command: it takes what
// reconcile read (which began reading the start's families as it began), reads only
// the families still missing, and never takes a reading from another command.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const read = vi.hoisted(() => ({ families: [] as string[], fail: false }));
vi.mock('../../../host/exec/iptables.js', async (actual) => ({
  ...(await actual<typeof import('../../../host/exec/iptables.js')>()),
  // The iptables binaries are the host's; here only which families were read matters.
  readIptables: async (family: string) => {
    read.families.push(family);
    if (read.fail) throw new Error(`cannot list ${family}`);
    return undefined;
  },
}));

const { beginHostChainReading, readHostChainsInReconcile, takeHostChains } = await import(
  '../../../host/engine/host-chain-reading.js'
);
const { hostPaths } = await import('../../../host/paths.js');

const ctx = () => ({ paths: hostPaths({ SWITCHYARD_RUN_DIR: '/nonexistent/run' }), env: {} });

beforeEach(() => {
  read.families = [];
  read.fail = false;
});

describe("the start's iptables reading", () => {
  it("begins as reconcile begins, for the start's families, and is what the start takes", async () => {
    const c = ctx();
    beginHostChainReading(c, ['ipv4']);
    expect(read.families).toEqual(['ipv4']);
    await takeHostChains(c, ['ipv4']);
    expect(read.families).toEqual(['ipv4']);
  });

  it("is reconcile's when reconcile read both families for its own repairs", async () => {
    const c = ctx();
    beginHostChainReading(c, ['ipv4']);
    await readHostChainsInReconcile(c);
    await takeHostChains(c, ['ipv4', 'ipv6']);
    expect(read.families).toEqual(['ipv4', 'ipv6']);
  });

  it('reads only the families reconcile did not', async () => {
    const c = ctx();
    beginHostChainReading(c, ['ipv4']);
    await takeHostChains(c, ['ipv4', 'ipv6']);
    expect(read.families).toEqual(['ipv4', 'ipv6']);
  });

  it('reads nothing ahead for a start that needs no firewall', async () => {
    const c = ctx();
    beginHostChainReading(c, []);
    expect(read.families).toEqual([]);
  });

  it('is not kept when no start follows, nor taken twice', async () => {
    const c = ctx();
    beginHostChainReading(c);
    await readHostChainsInReconcile(c);
    await takeHostChains(c, ['ipv6']);
    beginHostChainReading(c, []);
    await readHostChainsInReconcile(c);
    await takeHostChains(c, ['ipv4']);
    await takeHostChains(c, ['ipv4']);
    expect(read.families).toEqual(['ipv4', 'ipv6', 'ipv6', 'ipv4', 'ipv6', 'ipv4']);
  });

  it('fails the start that takes a failed reading, and nothing else when none takes it', async () => {
    read.fail = true;
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      const c = ctx();
      beginHostChainReading(c, ['ipv4']);
      await expect(takeHostChains(c, ['ipv4'])).rejects.toThrow('cannot list ipv4');
      beginHostChainReading(c, ['ipv6']); // a start that fails before it plans
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });
});
