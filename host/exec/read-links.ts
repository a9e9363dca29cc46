// The host's links, addresses and routes in one `ip -json -batch` call: the facts
// the planner checks collisions against, and the bridges reconcile looks at.
import type { HostRoute } from '../../core/plan/index.js';
import { runIpBatch } from './ip.js';

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
