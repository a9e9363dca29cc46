// Whether NetworkManager's keyfile configuration leaves a bridge alone, read the way
// NetworkManager reads it: the conf.d snippets of /usr/lib and /run (unless /etc's
// conf.d has a file of the same name), then NetworkManager.conf, then /etc's conf.d,
// each directory in name order. A later `unmanaged-devices=` replaces the list, `+=`
// appends and `-=` removes, so an admin's snippet sorted after ours can undo our entry
// even though our file is intact. The parsing is pure; readNmKeyfiles does the I/O.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEFAULT_NM_CONF_DIR } from '../exec/network-manager.js';

export interface NmConfFile {
  path: string;
  text: string;
}

/** The last line that decided the bridge's fate, or undefined when no file mentions the key. */
export interface UnmanagedVerdict {
  unmanaged: boolean;
  /** `path:line: text` of the assignment that settled it last. */
  decidedBy?: string;
}

const SYSTEM_CONF_DIRS = ['/usr/lib/NetworkManager/conf.d', '/run/NetworkManager/conf.d'];

/** The files in reading order; the system directories only for the real /etc one. */
export function readNmKeyfiles(confDir: string): NmConfFile[] {
  const own = confFiles(confDir);
  const shadowed = new Set(own.map((p) => p.slice(confDir.length + 1)));
  const system = confDir === DEFAULT_NM_CONF_DIR ? SYSTEM_CONF_DIRS : [];
  const early = system.flatMap(confFiles).filter((p) => !shadowed.has(p.slice(p.lastIndexOf('/') + 1)));
  const paths = [...early, join(dirname(confDir), 'NetworkManager.conf'), ...own];
  return paths.flatMap((path) => {
    try {
      return [{ path, text: readFileSync(path, 'utf8') }];
    } catch {
      return [];
    }
  });
}

function confFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => n.endsWith('.conf') && !n.startsWith('.'))
      .sort()
      .map((n) => join(dir, n));
  } catch {
    return [];
  }
}

export function unmanagedVerdict(files: readonly NmConfFile[], device: string): UnmanagedVerdict {
  let specs: string[] = [];
  let verdict: UnmanagedVerdict = { unmanaged: false };
  for (const a of files.flatMap(keyfileAssignments)) {
    const before = specs.some((s) => specMatches(s, device));
    specs = apply(specs, a);
    const after = specs.some((s) => specMatches(s, device));
    const mentions = a.values.some((s) => specMatches(s, device));
    if (before !== after || mentions || a.op === '=') verdict = { unmanaged: after, decidedBy: a.where };
  }
  return verdict;
}

interface Assignment {
  op: '=' | '+=' | '-=';
  values: string[];
  where: string;
}

function apply(specs: string[], a: Assignment): string[] {
  switch (a.op) {
    case '=':
      return [...a.values];
    case '+=':
      return [...specs, ...a.values];
    case '-=':
      return specs.filter((s) => !a.values.includes(s));
  }
}

/** `unmanaged-devices` lines of the [keyfile] sections, in order. */
function keyfileAssignments(file: NmConfFile): Assignment[] {
  const out: Assignment[] = [];
  let section = '';
  file.text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) return;
    const header = /^\[(.*)\]$/.exec(line);
    if (header) {
      section = header[1]?.trim() ?? '';
      return;
    }
    const m = /^unmanaged-devices\s*([+-]?=)\s*(.*)$/.exec(line);
    if (section !== 'keyfile' || !m) return;
    const values = (m[2] ?? '')
      .split(/[;,]/)
      .map((v) => v.trim())
      .filter(Boolean);
    out.push({ op: m[1] as Assignment['op'], values, where: `${file.path}:${i + 1}: ${line}` });
  });
  return out;
}

/** NetworkManager's device specs that name an interface: `*`, `interface-name:[=~]GLOB`. */
function specMatches(spec: string, device: string): boolean {
  if (spec === '*') return true;
  const m = /^interface-name:([=~]?)(.*)$/.exec(spec);
  if (!m) return false;
  const pattern = m[2] ?? '';
  if (m[1] === '=') return pattern === device;
  return globToRegExp(pattern).test(device);
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replaceAll('*', '.*')
    .replaceAll('?', '.');
  return new RegExp(`^${body}$`);
}
