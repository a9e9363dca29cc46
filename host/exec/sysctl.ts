// sysctls are written straight to /proc/sys (what `sysctl -w` does, minus a process).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HostError } from '../host-error.js';

export const PROC_SYS = '/proc/sys';

export function writeSysctl(path: string, value: string, ifExists = false): void {
  if (path.split('/').some((seg) => seg === '..' || seg === '')) {
    throw new HostError('internal', `sysctl path '${path}' is not a plain path under ${PROC_SYS}`);
  }
  try {
    writeFileSync(join(PROC_SYS, path), `${value}\n`, { flag: 'r+' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (ifExists && code === 'ENOENT') return;
    throw new HostError(
      'host-op-failed',
      `sysctl ${path.replaceAll('/', '.')}=${value} failed: ${code ?? (err as Error).message}`,
    );
  }
}

/** The value of /proc/sys/PATH without its newline; undefined when there is no such file. */
export function readSysctl(path: string): string | undefined {
  try {
    return readFileSync(join(PROC_SYS, path), 'utf8').trim();
  } catch {
    return undefined;
  }
}
