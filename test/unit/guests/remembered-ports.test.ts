import { describe, expect, it } from 'vitest';
import { formatRememberedPorts, parseRememberedPorts } from '../../../core/guests/index.js';

describe('the ports a stopped network remembers', () => {
  const record = {
    bridge: 'virbr7',
    ports: [
      { name: 'vnet3', mac: 'fe:54:00:12:34:56', isolated: true },
      { name: 'tap0', mac: 'fe:a4:91:26:53:4b', isolated: false },
    ],
  };

  it('round-trips through the run dir file', () => {
    expect(parseRememberedPorts(formatRememberedPorts(record))).toEqual(record);
  });

  it('ignores a damaged file and entries that are not ports', () => {
    expect(parseRememberedPorts('{"bridge": "virbr7", "ports": [')).toBeUndefined();
    expect(parseRememberedPorts(undefined)).toBeUndefined();
    const text = JSON.stringify({
      bridge: 'virbr7',
      ports: [
        { name: '../etc', mac: 'fe:54:00:12:34:56', isolated: false },
        { name: 'vnet0', mac: 'nope', isolated: false },
        null,
        record.ports[0],
      ],
    });
    expect(parseRememberedPorts(text)).toEqual({ bridge: 'virbr7', ports: [record.ports[0]] });
  });
});
