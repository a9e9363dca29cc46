// Where the kernel would send a packet for an address (`ip route get`): the one
// answer that takes policy routing (VPN tables, `ip rule`) into account, so a route
// that steals a guest subnet shows up wherever it was added.
import { runIp } from './ip.js';

export interface RouteAnswer {
  dev?: string;
  /** The route as ip prints it, for evidence. */
  text: string;
}

export async function routeGet(address: string): Promise<RouteAnswer | undefined> {
  try {
    const [json, text] = await Promise.all([
      runIp(['-j', 'route', 'get', address]),
      runIp(['route', 'get', address]),
    ]);
    const first = (JSON.parse(json) as { dev?: string }[])[0];
    return { ...(first?.dev ? { dev: first.dev } : {}), text: text.split('\n')[0]?.trim() ?? '' };
  } catch {
    // No route at all: nothing steals the subnet, and the bridge check reports a missing bridge.
    return undefined;
  }
}
