// The details tab a menu command opens (View → Overview … XML in the Electron shell).
import type { AppCommand } from '../../../contract/ipc.js';
import { DETAILS_TABS, type DetailsTab } from '../features/networks/details-tabs.js';

export type TabCommand = Extract<AppCommand, `tab-${string}`>;

export function commandTab(command: TabCommand): DetailsTab {
  const tab = DETAILS_TABS.find((t) => `tab-${t.id}` === command);
  if (!tab) throw new Error(`no details tab for ${command}`);
  return tab.id;
}
