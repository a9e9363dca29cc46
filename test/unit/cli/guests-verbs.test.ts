import { describe, expect, it } from 'vitest';
import { CliError } from '../../../cli/cli-error.js';
import { netConnectInfo, netPorts, netUserAttach } from '../../../cli/verbs/guests.js';
import { verbs } from '../../../cli/verbs/index.js';

const io = { out: () => {}, err: () => {}, env: {} };

describe('the guest verbs', () => {
  it('are listed, and report the host (root reconciles first)', () => {
    for (const v of [netConnectInfo, netPorts, netUserAttach]) {
      expect(verbs).toContain(v);
      expect(v.readsHost).toBe(true);
    }
  });

  it('net-user-attach takes --on or --off, not both', async () => {
    await expect(netUserAttach.run(['lab', '--on', '--off'], io)).rejects.toThrow(
      new CliError('net-user-attach: --on and --off exclude each other'),
    );
  });

  it('refuse unknown options and a missing network, as virsh does', async () => {
    await expect(netPorts.run(['lab', '--all'], io)).rejects.toThrow('net-ports: unknown option --all');
    await expect(netConnectInfo.run([], io)).rejects.toThrow('net-connect-info: missing network operand');
    await expect(netUserAttach.run(['--on'], io)).rejects.toThrow('net-user-attach: missing network operand');
  });
});
