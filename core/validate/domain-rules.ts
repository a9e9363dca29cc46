// <domain name=>: the DNS domain dnsmasq answers for and appends to guests' names.
// libvirt's schema allows letters, digits, '.' and '-' (its dnsName); its parser does
// not check, and a name with a space or a '!' would end up in dnsmasq's config where
// it breaks the line or makes dnsmasq refuse to start. Refused here instead, where the
// message can name the element (what breaks a config line is named first); then the
// rules of every DNS name (labels, length).
import { configTextProblem, dnsNameProblem } from './dnsmasq-text.js';

const DNS_NAME = /^[A-Za-z0-9.-]+$/;

/** Why NAME cannot be the network's <domain>, or undefined. */
export function domainNameProblem(name: string): string | undefined {
  const text = configTextProblem(name);
  if (text) return text;
  if (name !== '' && !DNS_NAME.test(name))
    return "may contain only letters, digits, '.' and '-' (a DNS name like lab.example)";
  return dnsNameProblem(name);
}
