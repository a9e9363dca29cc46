// The host's links, addresses and routes: the facts the planner checks collisions
// against, and the bridges reconcile looks at. Read over rtnetlink by the native addon
// when it was built, else in one `ip -json -batch` call; both give the same LinkState
// (test/integration/read-links.test.ts).
import type { HostRoute } from '../../core/plan/index.js';
import { HostError } from '../host-error.js';
import { runIpBatch } from './ip.js';
import { type NativeAddon, type NativeLinkState, nativeAddon } from './native-addon.js';

export interface LinkInfo {
  name: string;
  alias?: string;
  up: boolean;
}

export interface LinkState {
  links: LinkInfo[];
  /** Addresses with their prefix, and main-table routes, as 'ADDRESS/PREFIX' + device. */
  routes: HostRoute[];
}

interface IpAddrJson {
  ifname?: string;
  ifalias?: string;
  flags?: string[];
  addr_info?: { family?: string; local?: string; prefixlen?: number }[];
}

interface IpRouteJson {
  type?: string;
  dst?: string;
  dev?: string;
  table?: string;
}

export async function readLinkState(): Promise<LinkState> {
  const addon = nativeAddon();
  return addon ? linkStateOf(readOverNetlink(addon)) : readLinkStateWithIp();
}

function readOverNetlink(addon: NativeAddon): NativeLinkState {
  try {
    return addon.readLinkState();
  } catch (err) {
    throw new HostError('host-op-failed', `reading links over rtnetlink failed: ${(err as Error).message}`);
  }
}

const RT_TABLE_MAIN = 254;
/** rtnetlink's route types as ip names them; unicast, the usual one, it does not name. */
const ROUTE_TYPES: Record<number, string> = {
  2: 'local',
  3: 'broadcast',
  4: 'anycast',
  5: 'multicast',
  6: 'blackhole',
  7: 'unreachable',
  8: 'prohibit',
  9: 'throw',
  10: 'nat',
};

export function linkStateOf(raw: NativeLinkState): LinkState {
  const names = new Map(raw.links.map((l) => [l.index, l.name]));
  const links = raw.links
    .filter((l) => l.name)
    .map((l) => ({ name: l.name ?? '', up: l.up, ...(l.alias ? { alias: l.alias } : {}) }));
  const addressRoutes = raw.addrs.map((a) => ({
    cidr: `${a.local}/${a.prefixlen}`,
    dev: names.get(a.index) ?? '?',
  }));
  const routes = raw.routes
    .filter((r) => r.table === RT_TABLE_MAIN && r.dst !== undefined)
    .map((r) => ({
      cidr: `${r.dst}/${r.dstLen}`,
      dev: (r.index !== undefined ? names.get(r.index) : undefined) ?? `(${ROUTE_TYPES[r.type] ?? 'route'})`,
    }));
  return { links, routes: [...addressRoutes, ...routes] };
}

export async function readLinkStateWithIp(): Promise<LinkState> {
  // `addr show` omits the alias, hence `link show` too; `route show table all` is the
  // one route listing that covers IPv4 and IPv6 together.
  const out = await runIpBatch(
    [
      ['link', 'show'],
      ['addr', 'show'],
      ['route', 'show', 'table', 'all'],
    ],
    ['-json'],
  );
  const [linkDoc, addrDoc, routeDoc] = out
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as unknown[]);
  const addrs = (addrDoc ?? []) as IpAddrJson[];
  const links = ((linkDoc ?? []) as IpAddrJson[])
    .filter((a) => a.ifname)
    .map((a) => ({
      name: a.ifname ?? '',
      up: a.flags?.includes('UP') ?? false,
      ...(a.ifalias ? { alias: a.ifalias } : {}),
    }));
  const addressRoutes = addrs.flatMap((a) =>
    (a.addr_info ?? [])
      .filter((i) => i.local && i.prefixlen !== undefined)
      .map((i) => ({ cidr: `${i.local}/${i.prefixlen}`, dev: a.ifname ?? '?' })),
  );
  return { links, routes: [...addressRoutes, ...mainRoutes((routeDoc ?? []) as IpRouteJson[])] };
}

function mainRoutes(routes: IpRouteJson[]): HostRoute[] {
  return routes
    .filter((r) => (r.table === undefined || r.table === 'main') && r.dst && r.dst !== 'default')
    .map((r) => ({
      cidr: r.dst?.includes('/') ? (r.dst ?? '') : `${r.dst}/${r.dst?.includes(':') ? 128 : 32}`,
      dev: r.dev ?? `(${r.type ?? 'route'})`,
    }));
}
