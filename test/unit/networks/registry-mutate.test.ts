// Every change of the Registry runs under its one mutate: the lock, one reconcile,
// then the change, with the network looked at under the lock. Reserve and net-update
// are changes like the others.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { definitionPath } from '../../../host/paths.js';
import { registryInTempRoot, type TestRegistry } from './recording-engine.js';

const made: TestRegistry[] = [];
afterEach(() => {
  for (const r of made.splice(0)) r.remove();
});

const LAB = `<network>
  <name>lab</name>
  <forward mode='nat'/>
  <bridge name='virbr61'/>
  <ip address='192.168.61.1' netmask='255.255.255.0'>
    <dhcp><range start='192.168.61.2' end='192.168.61.254'/></dhcp>
  </ip>
</network>
`;

describe('changes under one mutate', () => {
  it('reconciles once for Reserve and once for net-update, and saves what they add', async () => {
    const r = registryInTempRoot('root', 'sy-mutate-');
    made.push(r);
    await r.registry.define(LAB);
    expect(r.reconciles.count).toBe(1);
    await r.registry.reserve('lab', { mac: '52:54:00:aa:00:01', ip: '192.168.61.9' });
    expect(r.reconciles.count).toBe(2);
    const host = "<host mac='52:54:00:aa:00:02' ip='192.168.61.10'/>";
    await r.registry.update(
      'lab',
      { command: 'add-last', section: 'ip-dhcp-host', xml: host },
      { config: true },
    );
    expect(r.reconciles.count).toBe(3);
    const saved = readFileSync(definitionPath(r.paths, 'lab'), 'utf8');
    expect(saved).toContain("<host mac='52:54:00:aa:00:01' ip='192.168.61.9'/>");
    expect(saved).toContain(host);
  });

  it('tells reconcile what follows: a start it can read ahead for, a stop whose network it leaves alone', async () => {
    const r = registryInTempRoot('root', 'sy-mutate-');
    made.push(r);
    await r.registry.define(LAB);
    await r.registry.start('lab');
    await r.registry.destroy('lab').catch(() => undefined);
    await r.registry.defineAndStart(LAB.replace('lab', 'lab2').replace(/61/g, '62'), {
      start: true,
      autostart: false,
    });
    await r.registry.defineAndStart(LAB.replace('lab', 'lab3').replace(/61/g, '63'), {
      start: false,
      autostart: false,
    });
    expect(r.reconciles.next).toEqual([undefined, 'start', { stop: 'lab' }, 'start', undefined]);
    // A stop named by UUID is told by name; one naming nothing tells nothing.
    const uuid = r.registry.uuidOf('lab2') as string;
    await r.registry.destroy(uuid.toUpperCase()).catch(() => undefined);
    await r.registry.destroy('nonesuch').catch(() => undefined);
    expect(r.reconciles.next.slice(5)).toEqual([{ stop: 'lab2' }, undefined]);
  });
});
