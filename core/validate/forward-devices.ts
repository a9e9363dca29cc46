// libvirt keeps <forward dev='x'> and the <interface> list as one pool: dev is
// the first entry, and a first <interface> with the same name is that entry.
import type { ForwardDef, Pos } from '../model/network.js';

export interface ForwardDevice {
  dev: string;
  at?: Pos;
}

export function forwardDevices(fwd: ForwardDef): ForwardDevice[] {
  const devices: ForwardDevice[] = fwd.interfaces.map((i) =>
    i.at ? { dev: i.dev, at: i.at } : { dev: i.dev },
  );
  if (fwd.dev === undefined) return devices;
  const own: ForwardDevice = fwd.at ? { dev: fwd.dev, at: fwd.at } : { dev: fwd.dev };
  return [own, ...devices.slice(1)];
}
