import { describe, expect, it } from 'vitest';
import {
  attachedText,
  deletePlan,
  interruptPlan,
} from '../../../renderer/src/features/networks/delete-plan.js';

describe('what stop, restart and delete say before they act', () => {
  it('counts the attached VMs and names their ports', () => {
    expect(attachedText([])).toBe('');
    expect(attachedText(['vnet0'])).toBe('1 VM is attached (vnet0)');
    expect(attachedText(['a', 'b', 'c', 'd', 'e'])).toBe('5 VMs are attached (a, b, c, d, …)');
  });
  it('stop and restart ask only when a VM would be cut off', () => {
    const row = { name: 'lab', persistent: true };
    expect(interruptPlan('stop', row, [])).toBeUndefined();
    expect(interruptPlan('restart', row, [])).toBeUndefined();
    expect(interruptPlan('stop', row, ['vnet0', 'vnet1'])?.body).toMatch(
      /^2 VMs are attached \(vnet0, vnet1\) to lab\. /,
    );
    expect(interruptPlan('restart', row, ['vnet0'])).toMatchObject({
      title: 'Restart lab?',
      confirmLabel: 'Restart',
    });
  });
  it('promises on restart that the VMs are plugged back in', () => {
    const body = interruptPlan('restart', { name: 'lab', persistent: true }, ['vnet0', 'vnet1'])?.body;
    expect(body).toMatch(/^2 VMs are attached \(vnet0, vnet1\) to lab\. /);
    expect(body).toContain('then Switchyard plugs them back in, with the same addresses');
  });
  it('says a running network is stopped before it is deleted, with its VMs', () => {
    const p = deletePlan({ name: 'a', active: true, persistent: true }, ['vnet3']);
    expect(p.confirmLabel).toBe('Stop and delete');
    expect(p.body).toContain('1 VM is attached (vnet3): it loses its network.');
  });
  it('says a transient one is gone once stopped', () => {
    const p = deletePlan({ name: 't', active: true, persistent: false });
    expect(p.confirmLabel).toBe('Stop and remove');
    expect(p.body).toMatch(/transient/);
  });
  it('only deletes the definition of a stopped one', () => {
    expect(deletePlan({ name: 'a', active: false, persistent: true }).confirmLabel).toBe('Delete');
  });
});
