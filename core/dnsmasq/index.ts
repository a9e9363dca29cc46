// The dnsmasq generators: config, hosts files, file names, and the run decision.
export { dnsmasqAddnHosts } from './addn-hosts.js';
export { type DnsmasqConfigOptions, dnsmasqConfig } from './dnsmasq-config.js';
export { type DnsmasqPaths, dnsmasqPaths, safeFileStem } from './file-stem.js';
export { dnsmasqHostsfile } from './hostsfile.js';
export { shouldRunDnsmasq } from './should-run.js';
