// Reads and writes the state files (ARCHITECTURE.md, "State on the host"). World-readable (0644) so the app
// lists networks without root; only the root engine writes.
import { existsSync, lstatSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { basename } from 'node:path';
import { nameFromFileStem } from '../../core/names/index.js';
import type { Intent } from '../../core/plan/index.js';
import {
  autostartLinkPath,
  definitionPath,
  dnsmasqFilePath,
  type HostPaths,
  intentPath,
  pidFilePath,
  statusJsonPath,
  statusXmlPath,
} from '../paths.js';
import { atomicWrite } from './atomic-write.js';
import { ensureDir } from './ensure-dir.js';
import { areHostRules, isGuestObjects, type NetworkStatus, parseStatus } from './status.js';

export function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

function namesIn(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext) && !f.startsWith('.'))
    .map((f) => nameFromFileStem(basename(f, ext)))
    .filter((n): n is string => n !== undefined);
}

export const listDefinedNames = (p: HostPaths): string[] => namesIn(p.configDir, '.xml');
export const listActiveNames = (p: HostPaths): string[] => namesIn(p.runDir, '.json');

export const readDefinitionXml = (p: HostPaths, name: string): string | undefined =>
  readText(definitionPath(p, name));

export const hasDefinition = (p: HostPaths, name: string): boolean => existsSync(definitionPath(p, name));

/** A status JSON exists (it may still be damaged: readStatusRecord says). */
export const hasStatus = (p: HostPaths, name: string): boolean => existsSync(statusJsonPath(p, name));

export function writeDefinitionXml(p: HostPaths, name: string, xml: string): void {
  atomicWrite(definitionPath(p, name), xml);
}

export function removeDefinition(p: HostPaths, name: string): void {
  rmSync(autostartLinkPath(p, name), { force: true });
  rmSync(definitionPath(p, name), { force: true });
}

export function isAutostart(p: HostPaths, name: string): boolean {
  try {
    return lstatSync(autostartLinkPath(p, name)).isSymbolicLink() && existsSync(autostartLinkPath(p, name));
  } catch {
    return false;
  }
}

export function setAutostart(p: HostPaths, name: string, on: boolean): void {
  const link = autostartLinkPath(p, name);
  rmSync(link, { force: true });
  if (!on) return;
  ensureDir(p.autostartDir, 0o755);
  symlinkSync(definitionPath(p, name), link);
}

export interface ActiveRecord {
  xml: string;
  status: NetworkStatus;
}

/** The live record, or undefined when there is none or it is damaged (see readStatusRecord). */
export function readActive(p: HostPaths, name: string): ActiveRecord | undefined {
  return readStatusRecord(p, name).record;
}

/**
 * The live record in one reading of its two files, or why an active-looking network
 * (its JSON exists) cannot use it, for listing it honestly. Reconcile repairs both.
 */
export function readStatusRecord(p: HostPaths, name: string): { record?: ActiveRecord; damage?: string } {
  const json = readText(statusJsonPath(p, name));
  if (json === undefined) return {};
  const status = parseStatus(json);
  if (!status) return { damage: `status file ${statusJsonPath(p, name)} is unreadable` };
  const xml = readText(statusXmlPath(p, name));
  if (xml === undefined) return { damage: `live XML ${statusXmlPath(p, name)} is missing` };
  return { record: { xml, status } };
}

/** The live XML goes first so a reader that sees the JSON always finds the XML too. */
export function writeActive(p: HostPaths, name: string, record: ActiveRecord): void {
  atomicWrite(statusXmlPath(p, name), record.xml, 0o644, 'volatile');
  atomicWrite(statusJsonPath(p, name), `${JSON.stringify(record.status, null, 2)}\n`, 0o644, 'volatile');
}

export function removeLeases(p: HostPaths, name: string): void {
  rmSync(dnsmasqFilePath(p, name, 'leases'), { force: true });
}

export function removeActive(p: HostPaths, name: string): void {
  rmSync(statusJsonPath(p, name), { force: true });
  rmSync(statusXmlPath(p, name), { force: true });
  rmSync(pidFilePath(p, name), { force: true });
}

export function writeIntent(p: HostPaths, intent: Intent): void {
  atomicWrite(intentPath(p, intent.name), `${JSON.stringify(intent)}\n`, 0o644, 'volatile');
}

export function removeIntent(p: HostPaths, name: string): void {
  rmSync(intentPath(p, name), { force: true });
}

export interface IntentEntry {
  /** From the file name, so a damaged record can still be removed. */
  name: string;
  intent?: Intent;
}

export function listIntents(p: HostPaths): IntentEntry[] {
  return namesIn(p.runDir, '.intent').map((name) => {
    const intent = parseIntent(readText(intentPath(p, name)));
    return intent && intent.name === name ? { name, intent } : { name };
  });
}

function parseIntent(text: string | undefined): Intent | undefined {
  try {
    const v = JSON.parse(text ?? '') as Partial<Intent>;
    const ok =
      (v.action === 'start' || v.action === 'stop' || v.action === 'update') &&
      typeof v.name === 'string' &&
      typeof v.bridge === 'string' &&
      (v.table === undefined || typeof v.table === 'string') &&
      (v.hostRules === undefined || areHostRules(v.hostRules)) &&
      (v.guests === undefined || isGuestObjects(v.guests));
    return ok ? (v as Intent) : undefined;
  } catch {
    return undefined;
  }
}
