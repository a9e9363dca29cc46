// Which of the two ways of isolating ports (core/plan/isolation-step.ts) this kernel
// offers. `nft -c` sends the probe table to the kernel and aborts the transaction,
// so nothing is created; the answer is kept for the life of the process.

import { existsSync } from 'node:fs';
import type { KernelFacts } from '../../core/plan/index.js';
import { nftCheck } from '../exec/nft.js';

const PROBE = [
  'table bridge switchyard_probe {',
  '  chain forward {',
  '    type filter hook forward priority 0;',
  '    meta ibrname "lo" drop',
  '  }',
  '}',
  '',
].join('\n');

let cached: Promise<KernelFacts> | undefined;

export function readKernelFacts(): Promise<KernelFacts> {
  cached ??= (async () => ({
    bridgeMeta: await nftCheck(PROBE),
    // Per network namespace: `ip netns exec` shows the namespace's own /proc/sys/net.
    brNetfilter: existsSync('/proc/sys/net/bridge/bridge-nf-call-iptables'),
  }))();
  return cached;
}
