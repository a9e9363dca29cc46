// Addresses are printed the way libvirt prints them (inet_ntop form), whatever
// spelling the definition used.
import { formatIp, parseIp } from '../addr/ip.js';

export function canonicalIp(text: string): string {
  const parsed = parseIp(text);
  return parsed ? formatIp(parsed) : text;
}
