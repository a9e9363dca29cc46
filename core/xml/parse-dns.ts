// <dns> (libvirt's virNetworkDNSDefParseXML): forwarders, hosts, SRV and TXT
// records. Required attributes and numbers are checked here; the rules about
// what a record may contain are validation's.
import type { DnsDef, DnsForwarder, DnsHost, DnsSrv, DnsTxt } from '../model/network.js';
import { optionalUnsigned, requiredText, UINT32_MAX, yesNo } from './attribute-readers.js';
import { canonicalIp } from './canonical-values.js';
import { positionOf, type ReadContext } from './parse-failure.js';
import { attribute, childElements, textContent, type XmlElement } from './xml-tree.js';

export function readDns(ctx: ReadContext, el: XmlElement): DnsDef {
  const dns: DnsDef = {
    at: positionOf(el),
    forwarders: childElements(el, 'forwarder').map(readForwarder),
    txts: [],
    hosts: [],
    srvs: [],
  };
  const enable = yesNo(ctx, el, 'enable');
  if (enable) dns.enable = enable;
  const plain = yesNo(ctx, el, 'forwardPlainNames');
  if (plain) dns.forwardPlainNames = plain;
  dns.hosts = childElements(el, 'host').map((h) => readHost(ctx, h));
  dns.srvs = childElements(el, 'srv').map((s) => readSrv(ctx, s));
  dns.txts = childElements(el, 'txt').map((t) => readTxt(ctx, t));
  return dns;
}

function readForwarder(el: XmlElement): DnsForwarder {
  const forwarder: DnsForwarder = { at: positionOf(el) };
  const domain = attribute(el, 'domain');
  if (domain !== undefined) forwarder.domain = domain;
  const addr = attribute(el, 'addr');
  if (addr !== undefined) forwarder.addr = canonicalIp(addr);
  return forwarder;
}

function readHost(ctx: ReadContext, el: XmlElement): DnsHost {
  const ip = canonicalIp(requiredText(ctx, el, 'ip'));
  return { at: positionOf(el), ip, hostnames: childElements(el, 'hostname').map(textContent) };
}

const SRV_TEXT = ['service', 'protocol', 'domain', 'target'] as const;
const SRV_NUMBERS = ['port', 'priority', 'weight'] as const;

function readSrv(ctx: ReadContext, el: XmlElement): DnsSrv {
  const srv: DnsSrv = { at: positionOf(el) };
  for (const name of SRV_TEXT) {
    const value = attribute(el, name);
    if (value !== undefined) srv[name] = value;
  }
  for (const name of SRV_NUMBERS) {
    const value = optionalUnsigned(ctx, el, name, UINT32_MAX);
    if (value !== undefined) srv[name] = value;
  }
  return srv;
}

function readTxt(ctx: ReadContext, el: XmlElement): DnsTxt {
  const name = requiredText(ctx, el, 'name');
  return { at: positionOf(el), name, value: requiredText(ctx, el, 'value') };
}
