// <domain name=>: the DNS domain dnsmasq answers for and appends to guests' names.
// libvirt's schema allows letters, digits, '.' and '-' (its dnsName); its parser does
// not check, and a name with a space or a '!' would end up in dnsmasq's config where
// it breaks the line or makes dnsmasq refuse to start. Refused here instead, where the
// message can name the element.
import type { NetworkDef } from '../model/network.js';
import { element, quote, type Report } from './problem-text.js';

const DNS_NAME = /^[A-Za-z0-9.-]+$/;

export function checkDomain(def: NetworkDef, report: Report): void {
  const domain = def.domain;
  if (!domain) return;
  const what = element('domain', [['name', domain.name]]);
  if (domain.name === '') report(what, domain.at, 'has an empty name');
  else if (!DNS_NAME.test(domain.name))
    report(
      what,
      domain.at,
      `name ${quote(domain.name)} may contain only letters, digits, '.' and '-' (a DNS name like lab.example)`,
    );
}
