// <route>: libvirt's virNetDevIPRouteCreate checks, then the parser's rule that
// the gateway be directly reachable, i.e. inside one of the network's own <ip>
// subnets. Ours: a route netmask must be contiguous.
import { cidrContains, prefixFromNetmask } from '../addr/cidr.js';
import { familyBits, type IpAddress, parseIp } from '../addr/ip.js';
import { ipDefCidr } from '../addr/ip-def.js';
import type { NetworkDef, RouteDef } from '../model/network.js';
import { element, type Finding, finding, quote, type Report } from './problem-text.js';

function routeElement(route: RouteDef): string {
  return element('route', [
    ['family', route.family],
    ['address', route.address],
    ['netmask', route.netmask],
    ['prefix', route.prefix],
    ['gateway', route.gateway],
    ['metric', route.metric],
  ]);
}

export function checkRoutes(def: NetworkDef, report: Report): void {
  for (const route of def.routes) {
    const problem = routeProblem(route) ?? gatewayProblem(def, route);
    if (problem) report(problem.rule, routeElement(route), route.at, problem.text);
  }
}

function routeProblem(route: RouteDef): Finding | undefined {
  if (route.address === '') return finding('route.address-missing', 'has no address attribute');
  if (route.gateway === '') return finding('route.gateway-missing', 'has no gateway attribute');
  const address = parseIp(route.address);
  const gateway = parseIp(route.gateway);
  if (!address)
    return finding('route.address-invalid', `address ${quote(route.address)} is not a valid IP address`);
  if (!gateway)
    return finding('route.gateway-invalid', `gateway ${quote(route.gateway)} is not a valid IP address`);
  const family = route.family === 'ipv6' ? 6 : 4;
  const familyText =
    route.family === undefined ? "without family='ipv6'" : `with family=${quote(route.family)}`;
  if (address.family !== family)
    return finding(
      'route.family-mismatch',
      `address ${quote(route.address)} is not IPv${family} ${familyText}`,
    );
  if (gateway.family !== family)
    return finding(
      'route.family-mismatch',
      `gateway ${quote(route.gateway)} is not IPv${family} ${familyText}`,
    );
  if (route.metric !== undefined && route.metric <= 0)
    return finding('route.metric-invalid', `metric ${quote(route.metric)} must be at least 1`);
  return family === 4 ? ipv4MaskProblem(route, address) : ipv6MaskProblem(route, address);
}

function ipv4MaskProblem(route: RouteDef, address: IpAddress): Finding | undefined {
  if (route.netmask === undefined) return prefixProblem(route, address);
  const mask = parseIp(route.netmask);
  if (!mask)
    return finding('route.netmask-invalid', `netmask ${quote(route.netmask)} is not a valid IPv4 netmask`);
  if (mask.family !== 4)
    return finding('route.netmask-invalid', `netmask ${quote(route.netmask)} must be IPv4 like the address`);
  if (route.prefix !== undefined)
    return finding('route.netmask-and-prefix', 'may have a netmask or a prefix, not both');
  const prefix = prefixFromNetmask(mask);
  if (prefix === undefined)
    return finding(
      'route.netmask-invalid',
      `netmask ${quote(route.netmask)} is not contiguous (its one bits must come first)`,
    );
  return networkAddressProblem(route, address, prefix);
}

function ipv6MaskProblem(route: RouteDef, address: IpAddress): Finding | undefined {
  if (route.netmask !== undefined)
    return finding('route.netmask-invalid', 'may not have a netmask: IPv6 uses prefix');
  return prefixProblem(route, address);
}

function prefixProblem(route: RouteDef, address: IpAddress): Finding | undefined {
  const bits = familyBits(address.family);
  // libvirt masks with prefix 0 when none is given, so only 0.0.0.0 or :: pass then.
  const prefix = route.prefix ?? 0;
  if (prefix > bits)
    return finding(
      'route.prefix-out-of-range',
      `prefix ${prefix} is out of range (0-${bits} for IPv${address.family})`,
    );
  return networkAddressProblem(route, address, prefix);
}

function networkAddressProblem(route: RouteDef, address: IpAddress, prefix: number): Finding | undefined {
  const hostBits = BigInt(familyBits(address.family) - prefix);
  if (address.value & ((1n << hostBits) - 1n)) {
    return finding(
      'route.address-not-network',
      `address ${quote(route.address)} is not a network address for prefix ${prefix}`,
    );
  }
  return undefined;
}

function gatewayProblem(def: NetworkDef, route: RouteDef): Finding | undefined {
  const gateway = parseIp(route.gateway);
  if (!gateway) return undefined;
  const reachable = def.ips.some((ip) => {
    const subnet = ipDefCidr(ip);
    return subnet !== undefined && cidrContains(subnet, gateway);
  });
  return reachable
    ? undefined
    : finding(
        'route.gateway-unreachable',
        `gateway ${quote(route.gateway)} has no matching ip address: it is not inside any of the network's <ip> subnets`,
      );
}
