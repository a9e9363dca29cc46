import { describe, expect, it } from 'vitest';
import { appCommands } from '../../../contract/ipc.js';
import { commandTab, type TabCommand } from '../../../renderer/src/app/command-tab.js';
import { DETAILS_TABS } from '../../../renderer/src/features/networks/details-tabs.js';

describe('menu commands that open a details tab', () => {
  it('exist for every tab, and each opens its own', () => {
    const tabCommands = appCommands.filter((c): c is TabCommand => c.startsWith('tab-'));
    expect(tabCommands.map(commandTab)).toEqual(DETAILS_TABS.map((t) => t.id));
  });
});
