// Reconcile finds dnsmasq by the name the kernel keeps for each process: the addon
// answers exactly the PIDs with that /proc/PID/comm, the fallback every PID, and
// either way the process is among them.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nativeAddon } from '../../../host/exec/native-addon.js';
import { pidsMaybeNamed } from '../../../host/exec/proc.js';
import { exitOf } from '../../support/child-exit.js';

describe('the processes with a name', () => {
  it('are found by their executable name, and only they through the addon', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sy-comm-'));
    const probe = join(dir, 'sy-comm-probe');
    copyFileSync('/bin/sleep', probe);
    const child = spawn(probe, ['600'], { stdio: 'ignore' });
    const exited = exitOf(child);
    try {
      expect(pidsMaybeNamed('sy-comm-probe')).toContain(child.pid);
      const addon = nativeAddon();
      if (addon) {
        expect(Array.from(addon.pidsNamed('sy-comm-probe'))).toEqual([child.pid]);
        expect(addon.pidsNamed('sy-no-such-program')).toHaveLength(0);
      }
    } finally {
      child.kill('SIGKILL');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
