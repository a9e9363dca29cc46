// <dns>: forwarders, hosts, SRV and TXT records (libvirt's virNetworkDNSDefParseXML),
// and <domain>. Every name and text here is written into dnsmasq's config or its
// addn-hosts file, so beyond libvirt's checks each must read back as written
// (dnsmasq-text.ts).
import { isIpAddress, parseIp } from '../addr/ip.js';
import type { DnsDef, DnsForwarder, DnsHost, DnsSrv, DnsTxt, NetworkDef } from '../model/network.js';
import { configTextProblem, dnsNameProblem } from './dnsmasq-text.js';
import { domainNameProblem } from './domain-rules.js';
import { element, type Finding, finding, quote, type Report } from './problem-text.js';

/** RFC 2782's 512-byte limit less the record's overhead, as libvirt counts it. */
const SRV_SERVICE_MAX = 512 - 30;
const SERVICE_CHARS = /^[A-Za-z0-9_\-+/*]*$/;
// '.' is excluded because it separates the service and protocol labels of the record.
const PROTOCOL_CHARS = /^[A-Za-z0-9\-+/]*$/;

export function checkDns(def: NetworkDef, report: Report): void {
  checkDomain(def, report);
  const dns = def.dns;
  if (!dns) return;
  checkDisabledDns(dns, report);
  for (const forwarder of dns.forwarders) checkForwarder(forwarder, report);
  for (const host of dns.hosts) checkHost(host, report);
  for (const srv of dns.srvs) checkSrv(srv, report);
  for (const txt of dns.txts) checkTxt(txt, report);
}

function checkDomain(def: NetworkDef, report: Report): void {
  const domain = def.domain;
  const problem = domain && domainNameProblem(domain.name);
  if (domain && problem) {
    report(
      'domain.invalid',
      element('domain', [['name', domain.name]]),
      domain.at,
      `name ${quote(domain.name)} ${problem}`,
    );
  }
}

function checkDisabledDns(dns: DnsDef, report: Report): void {
  const records = dns.forwarders.length + dns.hosts.length + dns.srvs.length + dns.txts.length;
  if (dns.enable === 'no' && records > 0) {
    report(
      'dns.records-while-disabled',
      element('dns', [['enable', dns.enable]]),
      dns.at,
      'may not contain <forwarder>, <host>, <srv> or <txt> elements: DNS is disabled',
    );
  }
}

function checkForwarder(forwarder: DnsForwarder, report: Report): void {
  const what = element('forwarder', [
    ['domain', forwarder.domain],
    ['addr', forwarder.addr],
  ]);
  const domainProblem = forwarder.domain === undefined ? undefined : dnsNameProblem(forwarder.domain);
  if (forwarder.addr !== undefined && !parseIp(forwarder.addr)) {
    report(
      'dns.forwarder-addr-invalid',
      what,
      forwarder.at,
      `addr ${quote(forwarder.addr)} is not a valid IP address`,
    );
  } else if (domainProblem) {
    report(
      'dns.forwarder-domain-invalid',
      what,
      forwarder.at,
      `domain ${quote(forwarder.domain ?? '')} ${domainProblem}`,
    );
  } else if (forwarder.addr === undefined && forwarder.domain === undefined) {
    report('dns.forwarder-empty', what, forwarder.at, 'needs an addr or a domain attribute');
  }
}

function checkHost(host: DnsHost, report: Report): void {
  const problem = dnsHostProblem(host);
  // The element text is built only for a problem: this runs once per DNS host.
  if (problem) report(problem.rule, element('host', [['ip', host.ip]]), host.at, problem.text);
}

function dnsHostProblem(host: DnsHost): Finding | undefined {
  if (host.ip === '') return finding('dns.host-ip-missing', 'has no ip attribute');
  if (!isIpAddress(host.ip))
    return finding('dns.host-ip-invalid', `ip ${quote(host.ip)} is not a valid IP address`);
  if (host.hostnames.length === 0)
    return finding('dns.host-hostname-missing', 'needs at least one <hostname>');
  if (host.hostnames.some((name) => name === ''))
    return finding('dns.host-hostname-missing', 'has an empty <hostname>');
  for (const name of host.hostnames) {
    const problem = dnsNameProblem(name);
    if (problem) return finding('dns.host-hostname-invalid', `<hostname> ${quote(name)} ${problem}`);
  }
  return undefined;
}

function srvElement(srv: DnsSrv): string {
  return element('srv', [
    ['service', srv.service],
    ['protocol', srv.protocol],
    ['domain', srv.domain],
    ['target', srv.target],
    ['port', srv.port],
    ['priority', srv.priority],
    ['weight', srv.weight],
  ]);
}

function checkSrv(srv: DnsSrv, report: Report): void {
  const problem = srvNameProblem(srv) ?? srvNumberProblem(srv);
  if (problem) report(problem.rule, srvElement(srv), srv.at, problem.text);
}

function srvNameProblem(srv: DnsSrv): Finding | undefined {
  if (srv.service === undefined) return finding('dns.srv-service-invalid', 'needs a service attribute');
  if (srv.service.length > SRV_SERVICE_MAX)
    return finding('dns.srv-service-invalid', `service is longer than ${SRV_SERVICE_MAX} characters`);
  if (!SERVICE_CHARS.test(srv.service)) {
    return finding(
      'dns.srv-service-invalid',
      `service ${quote(srv.service)} may contain only letters, digits and _ - + / *`,
    );
  }
  if (srv.protocol === undefined)
    return finding('dns.srv-protocol-invalid', "needs a protocol attribute (e.g. 'tcp' or 'udp')");
  if (!PROTOCOL_CHARS.test(srv.protocol)) {
    return finding(
      'dns.srv-protocol-invalid',
      `protocol ${quote(srv.protocol)} may contain only letters, digits and - + /`,
    );
  }
  const domain = srv.domain ? dnsNameProblem(srv.domain) : undefined;
  if (domain) return finding('dns.srv-domain-invalid', `domain ${quote(srv.domain ?? '')} ${domain}`);
  // '.' is SRV's "no such service", not a name.
  const target = srv.target && srv.target !== '.' ? dnsNameProblem(srv.target) : undefined;
  if (target) return finding('dns.srv-target-invalid', `target ${quote(srv.target ?? '')} ${target}`);
  return undefined;
}

function srvNumberProblem(srv: DnsSrv): Finding | undefined {
  const numbers: [string, number | undefined, number][] = [
    ['port', srv.port, 1],
    ['priority', srv.priority, 0],
    ['weight', srv.weight, 0],
  ];
  for (const [name, value, min] of numbers) {
    if (value === undefined) continue;
    if (srv.target === undefined)
      return finding('dns.srv-number-without-target', `may not have ${name} without a target`);
    if (!Number.isInteger(value) || value < min || value > 65535) {
      return finding('dns.srv-number-out-of-range', `${name} ${quote(value)} is out of range (${min}-65535)`);
    }
  }
  return undefined;
}

function checkTxt(txt: DnsTxt, report: Report): void {
  const what = element('txt', [
    ['name', txt.name],
    ['value', txt.value],
  ]);
  const nameProblem = configTextProblem(txt.name);
  const valueProblem = configTextProblem(txt.value);
  if (txt.name === '') report('dns.txt-name-missing', what, txt.at, 'needs a name attribute');
  else if (/[ ,]/.test(txt.name))
    report('dns.txt-name-invalid', what, txt.at, `name ${quote(txt.name)} may not contain spaces or commas`);
  else if (nameProblem)
    report('dns.txt-name-invalid', what, txt.at, `name ${quote(txt.name)} ${nameProblem}`);
  else if (valueProblem)
    report('dns.txt-value-invalid', what, txt.at, `value ${quote(txt.value)} ${valueProblem}`);
}
