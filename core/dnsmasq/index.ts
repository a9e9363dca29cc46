// The dnsmasq generators: config, hosts files, file names, and the run decision; and
// which <dnsmasq:option> lines a caller without root may set.
export { dnsmasqAddnHosts } from './addn-hosts.js';
export { type DnsmasqConfigOptions, dnsmasqConfig } from './dnsmasq-config.js';
export { type DnsmasqPaths, dnsmasqPaths, safeFileStem } from './file-stem.js';
export { dnsmasqHostsfile } from './hostsfile.js';
export { unprivilegedOptionProblems } from './option-allowlist.js';
export { shouldRunDnsmasq } from './should-run.js';
