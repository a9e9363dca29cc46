// Which VM a port belongs to, where the host can tell, without privileges beyond
// what the reader has (root sees everyone's, a user their own):
//  - libvirt's domain status files (/run/libvirt/qemu/NAME.xml for qemu:///system,
//    /run/user/UID/libvirt/qemu/run/NAME.xml for sessions) list each running
//    domain's interfaces with their tap (<target dev>) and MAC;
//  - a QEMU process holds its tap open: /proc/PID/fdinfo of a /dev/net/tun fd names
//    the interface ("iff:"), which also covers taps made by qemu-bridge-helper, and
//    its command line gives the VM's name (-name) and NIC MACs (mac=).
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  attribute,
  childElements,
  firstChild,
  parseXml,
  textContent,
  type XmlElement,
} from '../../core/xml/index.js';

export interface VmOwner {
  name: string;
  source: 'libvirt' | 'qemu';
  pid?: number;
  /** The guest's MAC on this port, when the VM's configuration says. */
  mac?: string;
}

export const LIBVIRT_STATUS_DIRS = ['/run/libvirt/qemu'];

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function readFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The system dir and every session's, as far as the reader may look. */
export function libvirtStatusDirs(): string[] {
  const sessions = listDir('/run/user').map((uid) => join('/run/user', uid, 'libvirt/qemu/run'));
  return [...LIBVIRT_STATUS_DIRS, ...sessions];
}

/** tap name -> owner, from libvirt's status files in DIRS. */
export function libvirtOwners(dirs: string[] = libvirtStatusDirs()): Map<string, VmOwner> {
  const owners = new Map<string, VmOwner>();
  for (const dir of dirs) {
    for (const file of listDir(dir).filter((f) => f.endsWith('.xml'))) {
      const tree = parseXml(readFile(join(dir, file)) ?? '');
      if (!tree.ok) continue;
      const domain = tree.root.local === 'domain' ? tree.root : firstChild(tree.root, 'domain');
      if (domain) addDomain(owners, domain, Number(attribute(tree.root, 'pid')));
    }
  }
  return owners;
}

function addDomain(owners: Map<string, VmOwner>, domain: XmlElement, pid: number): void {
  const name = textContent(firstChild(domain, 'name') ?? domain).trim();
  const devices = firstChild(domain, 'devices');
  for (const nic of devices ? childElements(devices, 'interface') : []) {
    const tap = attribute(firstChild(nic, 'target') ?? nic, 'dev');
    const mac = attribute(firstChild(nic, 'mac') ?? nic, 'address')?.toLowerCase();
    if (!tap) continue;
    owners.set(tap, { name, source: 'libvirt', ...(pid > 0 ? { pid } : {}), ...(mac ? { mac } : {}) });
  }
}

/** tap name -> owner, from the QEMU processes the reader can see. */
export function qemuOwners(proc = '/proc'): Map<string, VmOwner> {
  const owners = new Map<string, VmOwner>();
  for (const entry of listDir(proc)) {
    if (!/^\d+$/.test(entry)) continue;
    const comm = readFile(join(proc, entry, 'comm'))?.trim() ?? '';
    if (!comm.startsWith('qemu')) continue;
    const argv = (readFile(join(proc, entry, 'cmdline')) ?? '').split('\0');
    const taps = tunInterfaces(join(proc, entry));
    const macs = argv.flatMap((a) =>
      [...a.matchAll(/(?:^|,)mac=([0-9A-Fa-f:]{17})/g)].map((m) => (m[1] ?? '').toLowerCase()),
    );
    const name = vmName(argv) ?? `qemu pid ${entry}`;
    // With one NIC the MAC is the tap's; with several their order is not the fds'.
    const mac = taps.length === 1 && macs.length === 1 ? macs[0] : undefined;
    for (const tap of taps)
      owners.set(tap, { name, source: 'qemu', pid: Number(entry), ...(mac ? { mac } : {}) });
  }
  return owners;
}

function tunInterfaces(procDir: string): string[] {
  const out: string[] = [];
  for (const fd of listDir(join(procDir, 'fd'))) {
    let target = '';
    try {
      target = readlinkSync(join(procDir, 'fd', fd));
    } catch {
      continue;
    }
    if (target !== '/dev/net/tun') continue;
    const iff = /^iff:\s*(\S+)/m.exec(readFile(join(procDir, 'fdinfo', fd)) ?? '')?.[1];
    if (iff) out.push(iff);
  }
  return out;
}

/** `-name foo` or `-name guest=foo,debug-threads=on`; else the disk image's name. */
function vmName(argv: string[]): string | undefined {
  const i = argv.indexOf('-name');
  const value = i >= 0 ? argv[i + 1] : undefined;
  if (value) return /(?:^|,)guest=([^,]+)/.exec(value)?.[1] ?? value.split(',')[0];
  const drive = argv.find((a) => /(?:^|,)file=/.test(a));
  const file = drive && /(?:^|,)file=([^,]+)/.exec(drive)?.[1];
  return file ? basename(file) : undefined;
}
