// How each forward mode is named in the list and the details.
import type { NetworkMode } from '../../../../contract/ipc.js';

export const modeLabel: Record<NetworkMode, string> = {
  nat: 'NAT',
  route: 'Routed',
  open: 'Open',
  isolated: 'Isolated',
  bridge: 'Bridge',
  private: 'Private',
  vepa: 'VEPA',
  passthrough: 'Passthrough',
  hostdev: 'Hostdev',
};
