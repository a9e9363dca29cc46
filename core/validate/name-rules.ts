// <name>, <uuid> and <title>. The name becomes a file name and appears in
// dnsmasq's config, so beyond libvirt's own checks ('/' and newline) we refuse
// what cannot be a file name.
import type { NetworkDef } from '../model/network.js';
import { fileStem, MAX_FILE_STEM } from '../names/file-stem.js';
import { element, type Finding, finding, quote, type Report } from './problem-text.js';
import { utf8Length } from './utf8-length.js';
import { isValidUuid } from './uuid-text.js';

/** Longest name in UTF-8 bytes (the helper's contract takes the same); its file names are checked on the stem. */
export const MAX_NAME_BYTES = 200;

/** What is wrong with a network name and which rule says so, or undefined. */
export function networkNameFinding(name: string): Finding | undefined {
  if (name === '') return finding('name.empty', 'is empty: a network needs a name');
  if (name.includes('/')) return finding('name.slash', "may not contain '/'");
  if (name.includes('\n')) return finding('name.control-character', 'may not contain a newline');
  if (/[\x00-\x1f\x7f-\x9f]/.test(name))
    return finding('name.control-character', 'may not contain control characters');
  if (name === '.' || name === '..') return finding('name.dot', `may not be '${name}'`);
  const bytes = utf8Length(name);
  if (bytes > MAX_NAME_BYTES)
    return finding(
      'name.too-long',
      `is ${bytes} bytes long; at most ${MAX_NAME_BYTES} bytes (UTF-8) are allowed`,
    );
  // Bytes other than letters, digits, '_', '+' and '-' take three characters in a file name.
  const stem = fileStem(name).length;
  if (stem > MAX_FILE_STEM)
    return finding(
      'name.file-name-too-long',
      `would need a file name of ${stem} characters (each byte other than a letter, digit, '_', '+' or '-' takes 3); at most ${MAX_FILE_STEM} fit`,
    );
  return undefined;
}

/** The same words without the rule: the contracts refuse names with them. */
export function networkNameProblem(name: string): string | undefined {
  return networkNameFinding(name)?.text;
}

export function checkNames(def: NetworkDef, report: Report): void {
  const problem = networkNameFinding(def.name);
  if (problem) report(problem.rule, element('name'), def.at, problem.text);
  if (def.uuid !== undefined && !isValidUuid(def.uuid)) {
    report('uuid.invalid', element('uuid'), def.at, `${quote(def.uuid)} is not a valid UUID (32 hex digits)`);
  }
  if (def.title?.includes('\n'))
    report('title.newline', element('title'), def.at, 'may not contain a newline');
}
