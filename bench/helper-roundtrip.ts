// Figures for the privilege boundary: how long the first change waits for the helper
// (launcher — pkexec when installed — plus `ready` and the hello handshake), and the
// median round trip of a request once it runs. Prints one JSON line.
//
//   node dist/bench/helper-roundtrip.js [NET] [ROUNDS]
//
// With NET (a defined network), each round toggles its autostart flag and back: a real
// change under the host lock. Without it, rounds ask to start a network that does not
// exist: the protocol and lookup alone. The launcher and helper come from
// SWITCHYARD_HELPER_LAUNCHER / SWITCHYARD_HELPER_PATH, as for the CLI.
import { HelperClient, helperCommandFromEnv } from '../host/helper-client/index.js';
import { HostError } from '../host/host-error.js';

const [net, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg ?? 200);

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

async function timeOne(client: HelperClient, i: number): Promise<number> {
  const t0 = performance.now();
  if (net) await client.setAutostart(net, i % 2 === 0);
  else
    await client.start(`no-such-network-${i}`).catch((err: unknown) => {
      if (!(err instanceof HostError) || err.code !== 'not-found') throw err;
    });
  return performance.now() - t0;
}

const client = new HelperClient({ command: helperCommandFromEnv(process.env) });
try {
  const t0 = performance.now();
  await client.call('hello', { protocol: 1 }).catch(() => {});
  // The first call includes spawning, authorization, reconcile, `ready` and the handshake.
  const startMs = performance.now() - t0;
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) times.push(await timeOne(client, i));
  if (net && rounds % 2 === 1) await client.setAutostart(net, false);
  const result = {
    startMs: Number(startMs.toFixed(1)),
    rounds,
    kind: net ? 'autostart toggle' : 'not-found lookup',
    medianMs: Number(median(times).toFixed(2)),
    p95Ms: Number(([...times].sort((a, b) => a - b)[Math.floor(times.length * 0.95)] ?? 0).toFixed(2)),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await client.close();
}
