// Network XML -> NetworkDef, as libvirt's virNetworkDefParseXML reads it: the
// first of each single element counts, unknown elements and attributes are
// ignored, values are typed and addresses put in libvirt's spelling. Syntax,
// structure and value-type errors are reported here (code 'xml-parse'); whether
// the definition makes sense is core/validate's job.
import type { BridgeDef, DnsmasqOption, DomainDef, NetworkDef } from '../model/network.js';
import type { Problem, Result } from '../result.js';
import { enumValue, optionalText, optionalUnsigned, UINT32_MAX, yesNo } from './attribute-readers.js';
import { canonicalMac, canonicalUuid } from './canonical-values.js';
import { DNSMASQ_NAMESPACE } from './dnsmasq-namespace.js';
import { metadataBlock } from './metadata-block.js';
import { readDns } from './parse-dns.js';
import { ParseFailure, positionOf, ReadContext } from './parse-failure.js';
import { readForward } from './parse-forward.js';
import { readIp, readRoute } from './parse-ip.js';
import { readBandwidth, readPortgroup, readVirtualPort, readVlan } from './parse-netdev.js';
import { parseXml } from './xml-parser.js';
import { attribute, childElements, firstChild, textContent, type XmlElement } from './xml-tree.js';

export function parseNetworkXml(source: string | Uint8Array): Result<NetworkDef> {
  const tree = parseXml(source);
  if (!tree.ok) {
    const { line, col, message } = tree.error;
    const problem: Problem = {
      code: 'xml-parse',
      message: `XML syntax error (line ${line}:${col}): ${message}`,
      at: { line, col },
    };
    return { ok: false, error: problem };
  }
  try {
    return { ok: true, value: readNetwork(tree.root) };
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, error: e.problem };
    throw e;
  }
}

function readNetwork(root: XmlElement): NetworkDef {
  const anonymous = new ReadContext(undefined);
  if (root.local !== 'network') anonymous.fail(root, 'the root element must be <network>');
  const nameEl = firstChild(root, 'name');
  const name = nameEl ? textContent(nameEl) : '';
  if (name === '') anonymous.fail(nameEl ?? root, 'a network needs a non-empty <name>');
  const ctx = new ReadContext(name);
  const def: NetworkDef = { at: positionOf(root), name, ips: [], routes: [], portgroups: [] };
  readRootAttributes(ctx, root, def);
  readDescriptive(root, def);
  readLinkLayer(ctx, root, def);
  readNetworkServices(ctx, root, def);
  const forwardEl = firstChild(root, 'forward');
  const forward = forwardEl && readForward(ctx, forwardEl);
  if (forward) def.forward = forward;
  const options = readDnsmasqOptions(root);
  if (options.length > 0) def.dnsmasqOptions = options;
  return def;
}

function readRootAttributes(ctx: ReadContext, root: XmlElement, def: NetworkDef): void {
  if (root.nsDecls.length > 0) {
    def.xmlns = Object.fromEntries(root.nsDecls.map((d) => [d.prefix ?? '', d.uri]));
  }
  const ipv6 = enumValue(ctx, root, 'ipv6', ['yes', 'no'], optionalText(root, 'ipv6'));
  if (ipv6) def.ipv6 = ipv6;
  const trust = yesNo(ctx, root, 'trustGuestRxFilters');
  if (trust) def.trustGuestRxFilters = trust;
}

/** uuid, title, description and metadata: text libvirt keeps, in the order it prints them. */
function readDescriptive(root: XmlElement, def: NetworkDef): void {
  const text = (local: string): string | undefined => {
    const el = firstChild(root, local);
    const value = el && textContent(el);
    return value === '' ? undefined : value;
  };
  const uuid = text('uuid');
  if (uuid !== undefined) def.uuid = canonicalUuid(uuid);
  const title = text('title');
  if (title !== undefined) def.title = title;
  const description = text('description');
  if (description !== undefined) def.description = description;
  const metadataEl = firstChild(root, 'metadata');
  if (metadataEl) def.metadata = metadataBlock(metadataEl, root.nsDecls);
}

/** bridge, mac, mtu, vlan, virtualport, bandwidth, port and portgroups. */
function readLinkLayer(ctx: ReadContext, root: XmlElement, def: NetworkDef): void {
  const bridgeEl = firstChild(root, 'bridge');
  if (bridgeEl) def.bridge = readBridge(ctx, bridgeEl);
  const macEl = firstChild(root, 'mac');
  const mac = macEl && optionalText(macEl, 'address');
  if (macEl && mac !== undefined) def.mac = { address: canonicalMac(mac), at: positionOf(macEl) };
  const mtuEl = firstChild(root, 'mtu');
  const mtu = mtuEl && optionalUnsigned(ctx, mtuEl, 'size', UINT32_MAX);
  if (mtuEl && mtu !== undefined) def.mtu = { size: mtu, at: positionOf(mtuEl) };
  const vlanEl = firstChild(root, 'vlan');
  if (vlanEl) def.vlan = readVlan(ctx, vlanEl);
  const portEl = firstChild(root, 'virtualport');
  if (portEl) def.virtualport = readVirtualPort(ctx, portEl);
  const bandwidthEl = firstChild(root, 'bandwidth');
  const bandwidth = bandwidthEl && readBandwidth(ctx, bandwidthEl);
  if (bandwidth) def.bandwidth = bandwidth;
  const isolationEl = firstChild(root, 'port');
  if (isolationEl) {
    const isolated = yesNo(ctx, isolationEl, 'isolated');
    def.port = isolated ? { isolated, at: positionOf(isolationEl) } : { at: positionOf(isolationEl) };
  }
  def.portgroups = childElements(root, 'portgroup').map((el) => readPortgroup(ctx, el));
}

function readBridge(ctx: ReadContext, el: XmlElement): BridgeDef {
  const bridge: BridgeDef = { at: positionOf(el) };
  const name = optionalText(el, 'name');
  if (name !== undefined) bridge.name = name;
  const zone = optionalText(el, 'zone');
  if (zone !== undefined) bridge.zone = zone;
  const stp = enumValue(ctx, el, 'stp', ['on', 'off'], optionalText(el, 'stp'));
  if (stp) bridge.stp = stp;
  const delay = optionalUnsigned(ctx, el, 'delay', Number.MAX_SAFE_INTEGER);
  if (delay !== undefined) bridge.delay = delay;
  const macTableManager = enumValue(
    ctx,
    el,
    'macTableManager',
    ['kernel', 'libvirt'],
    optionalText(el, 'macTableManager'),
  );
  if (macTableManager) bridge.macTableManager = macTableManager;
  return bridge;
}

/** domain, dns, ip and route. */
function readNetworkServices(ctx: ReadContext, root: XmlElement, def: NetworkDef): void {
  const domainEl = firstChild(root, 'domain');
  const domain = domainEl && readDomain(ctx, domainEl);
  if (domain) def.domain = domain;
  const dnsEl = firstChild(root, 'dns');
  if (dnsEl) def.dns = readDns(ctx, dnsEl);
  def.ips = childElements(root, 'ip').map((el) => readIp(ctx, el));
  def.routes = childElements(root, 'route').map((el) => readRoute(ctx, el));
}

/** A <domain> without name is dropped, as libvirt keeps nothing from it then. */
function readDomain(ctx: ReadContext, el: XmlElement): DomainDef | undefined {
  const localOnly = yesNo(ctx, el, 'localOnly');
  const register = yesNo(ctx, el, 'register');
  const name = attribute(el, 'name');
  if (name === undefined) return undefined;
  const domain: DomainDef = { at: positionOf(el), name };
  if (localOnly) domain.localOnly = localOnly;
  if (register) domain.register = register;
  return domain;
}

/** <dnsmasq:options><dnsmasq:option value='...'/>: options without a value are skipped. */
function readDnsmasqOptions(root: XmlElement): DnsmasqOption[] {
  const options: DnsmasqOption[] = [];
  for (const group of root.children) {
    if (group.kind !== 'element' || group.ns !== DNSMASQ_NAMESPACE || group.local !== 'options') continue;
    for (const option of group.children) {
      if (option.kind !== 'element' || option.ns !== DNSMASQ_NAMESPACE || option.local !== 'option') continue;
      const value = attribute(option, 'value');
      if (value !== undefined) options.push({ value, at: positionOf(option) });
    }
  }
  return options;
}
