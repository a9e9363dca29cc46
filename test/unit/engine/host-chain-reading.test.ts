// A start reads the host's iptables at most once per command: it takes the reading
// reconcile made when one follows, reads only its guests' families otherwise, and never
// takes a reading from another command.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const read = vi.hoisted(() => ({ families: [] as string[] }));
vi.mock('../../../host/exec/iptables.js', async (actual) => ({
  ...(await actual<typeof import('../../../host/exec/iptables.js')>()),
  // The iptables binaries are the host's; here only which families were read matters.
  readIptables: async (family: string) => {
    read.families.push(family);
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
});

describe("the start's iptables reading", () => {
  it("is reconcile's when reconcile read for a start in this command", async () => {
    const c = ctx();
    beginHostChainReading(c, true);
    const inReconcile = readHostChainsInReconcile(c);
    expect(takeHostChains(c, ['ipv4'])).toBe(inReconcile);
    await inReconcile;
    expect(read.families).toEqual(['ipv4', 'ipv6']);
  });

  it('is read fresh, for its families only, when reconcile read nothing', async () => {
    const c = ctx();
    beginHostChainReading(c, true);
    await takeHostChains(c, ['ipv4']);
    expect(read.families).toEqual(['ipv4']);
  });

  it('is not kept when no start follows, nor taken twice', async () => {
    const c = ctx();
    beginHostChainReading(c, false);
    await readHostChainsInReconcile(c);
    await takeHostChains(c, ['ipv6']);
    beginHostChainReading(c, true);
    await readHostChainsInReconcile(c);
    await takeHostChains(c, ['ipv4']);
    await takeHostChains(c, ['ipv4']);
    expect(read.families).toEqual(['ipv4', 'ipv6', 'ipv6', 'ipv4', 'ipv6', 'ipv4']);
  });
});
