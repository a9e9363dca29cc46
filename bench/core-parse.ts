// How long reading and printing a large definition takes: the editor lints on
// every keystroke, so parse + validate of a network with 5,000 DHCP hosts and
// 1,000 DNS hosts should stay well under 15 ms (median). Prints figures only.
import { performance } from 'node:perf_hooks';
import { readNetworkDefinition } from '../core/definition.js';
import { formatNetworkXml } from '../core/xml/format-network.js';

const DHCP_HOSTS = 5000;
const DNS_HOSTS = 1000;
const RUNS = 50;
const WARMUP = 10;

function hostAddress(i: number): string {
  return `10.20.${Math.floor(i / 250)}.${(i % 250) + 2}`;
}

function mac(i: number): string {
  return `52:54:00:${[(i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff].map((b) => b.toString(16).padStart(2, '0')).join(':')}`;
}

export function largeNetworkXml(): string {
  const dhcpHosts: string[] = [];
  for (let i = 0; i < DHCP_HOSTS; i++) {
    dhcpHosts.push(`      <host mac='${mac(i)}' name='guest${i}' ip='${hostAddress(i)}'/>`);
  }
  const dnsHosts: string[] = [];
  for (let i = 0; i < DNS_HOSTS; i++) {
    dnsHosts.push(
      `    <host ip='10.21.${Math.floor(i / 250)}.${(i % 250) + 1}'>\n      <hostname>svc${i}</hostname>\n    </host>`,
    );
  }
  return `<network>
  <name>big</name>
  <uuid>81ff0d90-c91e-6742-64da-4a736edb9a9b</uuid>
  <forward mode='nat'/>
  <bridge name='virbr9' stp='on' delay='0'/>
  <mac address='52:54:00:aa:bb:cc'/>
  <dns>
${dnsHosts.join('\n')}
  </dns>
  <ip address='10.20.0.1' netmask='255.255.0.0'>
    <dhcp>
      <range start='10.20.100.1' end='10.20.200.254'/>
${dhcpHosts.join('\n')}
    </dhcp>
  </ip>
</network>
`;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function time(fn: () => void): number[] {
  for (let i = 0; i < WARMUP; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

function main(): void {
  const xml = largeNetworkXml();
  const first = readNetworkDefinition(xml);
  if (!first.ok) throw new Error(`benchmark input refused: ${first.error.message}`);
  const def = first.value;
  const parse = time(() => {
    const r = readNetworkDefinition(xml);
    if (!r.ok) throw new Error(r.error.message);
  });
  const format = time(() => formatNetworkXml(def));
  const kib = (new TextEncoder().encode(xml).length / 1024).toFixed(0);
  console.log(`network with ${DHCP_HOSTS} DHCP hosts and ${DNS_HOSTS} DNS hosts (${kib} KiB), ${RUNS} runs`);
  console.log(`parse+validate: median ${median(parse).toFixed(2)} ms (target < 15 ms)`);
  console.log(`format:         median ${median(format).toFixed(2)} ms`);
}

if (process.argv[1]?.endsWith('core-parse.js')) main();
