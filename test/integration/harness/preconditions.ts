// Namespace tests need root, iproute2, nft, dnsmasq and busybox. When something is
// missing the suites skip and say exactly why, instead of failing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

function missingTool(): string | undefined {
  for (const [tool, args] of [
    ['ip', ['-V']],
    ['nft', ['--version']],
    ['busybox', ['true']],
  ] as const) {
    try {
      execFileSync(tool, [...args], { stdio: 'ignore' });
    } catch {
      return `'${tool}' is not installed`;
    }
  }
  return existsSync('/usr/sbin/dnsmasq') ? undefined : '/usr/sbin/dnsmasq is not installed';
}

function reason(): string | undefined {
  if (process.platform !== 'linux') return 'network namespaces need Linux';
  if (process.getuid?.() !== 0)
    return 'namespace integration tests must run as root (they create network namespaces)';
  return missingTool();
}

/** Why the integration tests cannot run here, or undefined when they can. */
export const skipReason: string | undefined = reason();

if (skipReason) console.warn(`skipping namespace integration tests: ${skipReason}`);
