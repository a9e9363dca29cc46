// <name>, <uuid> and <title>. The name becomes a file name and appears in
// dnsmasq's config, so beyond libvirt's own checks ('/' and newline) we refuse
// what cannot be a file name.
import type { NetworkDef } from '../model/network.js';
import { element, quote, type Report } from './problem-text.js';
import { isValidUuid } from './uuid-text.js';

/** Longest name in UTF-8 bytes: NAME.xml, NAME.conf, NAME.hostsfile must fit in 255. */
export const MAX_NAME_BYTES = 200;

function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

function nameProblem(name: string): string | undefined {
  if (name === '') return 'is empty: a network needs a name';
  if (name.includes('/')) return "may not contain '/'";
  if (name.includes('\n')) return 'may not contain a newline';
  if (/[\x00-\x1f\x7f-\x9f]/.test(name)) return 'may not contain control characters';
  if (name === '.' || name === '..') return `may not be '${name}'`;
  const bytes = utf8Length(name);
  if (bytes > MAX_NAME_BYTES)
    return `is ${bytes} bytes long; at most ${MAX_NAME_BYTES} bytes (UTF-8) are allowed`;
  return undefined;
}

export function checkNames(def: NetworkDef, report: Report): void {
  const problem = nameProblem(def.name);
  if (problem) report(element('name'), def.at, problem);
  if (def.uuid !== undefined && !isValidUuid(def.uuid)) {
    report(element('uuid'), def.at, `${quote(def.uuid)} is not a valid UUID (32 hex digits)`);
  }
  if (def.title?.includes('\n')) report(element('title'), def.at, 'may not contain a newline');
}
