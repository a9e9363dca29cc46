// The host programs Switchyard runs (ip, nft, iptables, dnsmasq, ...), each behind one function.

export { type LinkState, readLinkState } from './read-links.js';
