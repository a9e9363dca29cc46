// IPv4/IPv6 addresses and CIDRs: parsing, formatting, arithmetic and free-subnet search.

export {
  addOffset,
  type Cidr,
  cidrContains,
  cidrsOverlap,
  formatCidr,
  networkOf,
  parseCidr,
} from './cidr.js';
export { generateUlaPrefix, suggestFreeSubnet } from './free-subnet.js';
export { formatIp, ipEquals, parseIp } from './ip.js';
export { ipDefCidr, ipDefInterface, ipDefPrefix } from './ip-def.js';
