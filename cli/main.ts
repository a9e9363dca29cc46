// `switchyard VERB …`: virsh-compatible verbs. Exit 0 on success; on failure exit 1
// with exactly one `error: …` line on stderr.
import { HostError } from '../host/host-error.js';
import { CliError } from './cli-error.js';
import { prepareHost } from './open-registry.js';
import { verbs } from './verbs/index.js';

function usage(): string {
  const lines = verbs.map((v) => `  ${v.usage.padEnd(58)} ${v.summary}`);
  return `usage: switchyard VERB [ARGS]\n\nverbs:\n${lines.join('\n')}\n`;
}

async function main(argv: string[]): Promise<number> {
  // As root the engine creates state files and starts dnsmasq, which inherits the
  // umask for its lease file: both must stay readable by every user (and by dnsmasq
  // itself once it runs as 'nobody'), whatever umask the caller had.
  if (process.geteuid?.() === 0) process.umask(0o022);
  const [verbName, ...rest] = argv;
  if (verbName === undefined || verbName === 'help' || verbName === '--help') {
    process.stdout.write(usage());
    return verbName === undefined ? 1 : 0;
  }
  const verb = verbs.find((v) => v.name === verbName);
  if (!verb) throw new CliError(`unknown verb '${verbName}' (try 'switchyard help')`);
  if (!verb.pure && !verb.diagnoses) await prepareHost(process.env, { reconcile: verb.readsHost === true });
  const code = await verb.run(rest, {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    env: process.env,
  });
  return code ?? 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const message =
      err instanceof CliError || err instanceof HostError ? oneLine(err) : `internal error: ${oneLine(err)}`;
    process.stderr.write(`error: ${message}\n`);
    process.exitCode = 1;
  },
);

function oneLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).replace(/\s*\n\s*/g, ' ');
}
