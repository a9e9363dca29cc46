// Name, UUID and bridge of every saved definition, kept in the config dir beside them
// so define checks its identities without parsing every other network's XML (at 1,000
// networks that parse cost ~50 ms per define). The index is only ever a cache of the
// XML files: each entry records the file's inode, size and mtime, and a file whose
// record does not match (hand-edited, replaced, new) is parsed again, a deleted one
// dropped. So a missing, damaged or stale index costs a parse, never a wrong answer.
// Only root, under the lock, writes it (save); readers use what they computed.
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { nameFromFileStem } from '../../core/names/index.js';
import { parseNetworkXml } from '../../core/xml/index.js';
import { definitionPath, type HostPaths } from '../paths.js';
import { atomicWrite } from './atomic-write.js';
import { type FileStat, statFiles } from './file-stats.js';
import { readText } from './state-store.js';

export interface DefinedIdentity {
  name: string;
  /** Lower case, as define compares them. */
  uuid: string | undefined;
  bridge: string | undefined;
}

interface Entry extends DefinedIdentity {
  ino: number;
  size: number;
  mtimeMs: number;
}

interface IndexFile {
  version: 1;
  /** When it was written: a file modified within the clock's granularity of that is re-read. */
  savedAtMs: number;
  entries: Record<string, Entry>;
}

export const IDENTITY_INDEX_FILE = '.identities.json';

/**
 * The kernel stamps mtimes from a coarse clock (a few ms). An entry recorded within
 * this long before the index was saved might hide a later edit with the same stamp
 * and size, so it is not trusted.
 */
const RACY_MS = 100;

export class IdentityIndex {
  private constructor(
    private readonly paths: HostPaths,
    private readonly entries: Map<string, Entry>,
    private changed: boolean,
  ) {}

  /** The index checked against the config dir: one readdir, and one stat per file in one call. */
  static read(paths: HostPaths): IdentityIndex {
    const stored = readIndexFile(paths);
    const entries = new Map<string, Entry>();
    let changed = stored === undefined;
    const files = definitionFiles(paths.configDir);
    const stats = statFiles(paths.configDir, files);
    for (const [i, file] of files.entries()) {
      const kept = stored?.entries[file];
      const entry = currentEntry(paths.configDir, file, stats[i], kept, stored?.savedAtMs ?? 0);
      if (entry === undefined) continue;
      if (entry !== kept) changed = true;
      entries.set(file, entry);
    }
    if (stored && Object.keys(stored.entries).some((file) => !entries.has(file))) changed = true;
    return new IdentityIndex(paths, entries, changed);
  }

  identities(): DefinedIdentity[] {
    return [...this.entries.values()].map(({ name, uuid, bridge }) => ({ name, uuid, bridge }));
  }

  /** After NAME.xml was written with this identity: no need to parse what we just formatted. */
  record(name: string, identity: { uuid?: string; bridge?: { name?: string } }): void {
    const file = fileOf(this.paths, name);
    const st = statSync(join(this.paths.configDir, file));
    this.entries.set(file, {
      name,
      uuid: identity.uuid?.toLowerCase(),
      bridge: identity.bridge?.name,
      ino: st.ino,
      size: st.size,
      mtimeMs: st.mtimeMs,
    });
    this.changed = true;
  }

  forget(name: string): void {
    if (this.entries.delete(fileOf(this.paths, name))) this.changed = true;
  }

  /** Writes the index if anything differs from the file; call under the lock, as root. */
  save(): void {
    if (!this.changed) return;
    const content: IndexFile = {
      version: 1,
      savedAtMs: Date.now(),
      entries: Object.fromEntries(this.entries),
    };
    // Volatile (no fsync): after a power cut an old or empty index is re-checked
    // against the files like any stale one, so durability would buy nothing.
    atomicWrite(
      join(this.paths.configDir, IDENTITY_INDEX_FILE),
      `${JSON.stringify(content)}\n`,
      0o644,
      'volatile',
    );
    this.changed = false;
  }
}

const fileOf = (paths: HostPaths, name: string): string => basename(definitionPath(paths, name));

function definitionFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.xml') && !f.startsWith('.'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/** KEPT when the file is still the one it describes, a fresh entry when not, undefined when gone. */
function currentEntry(
  dir: string,
  file: string,
  st: FileStat | undefined,
  kept: Entry | undefined,
  savedAtMs: number,
): Entry | undefined {
  const name = nameFromFileStem(basename(file, '.xml'));
  if (name === undefined || st === undefined) return undefined;
  const same =
    kept !== undefined &&
    kept.name === name &&
    kept.ino === st.ino &&
    kept.size === st.size &&
    kept.mtimeMs === st.mtimeMs &&
    savedAtMs - st.mtimeMs > RACY_MS;
  if (same) return kept;
  const xml = readText(join(dir, file));
  if (xml === undefined) return undefined;
  // Not validated: it was when it was saved, and a hand-broken file still has its name.
  const parsed = parseNetworkXml(xml);
  const def = parsed.ok ? parsed.value : undefined;
  return {
    name,
    uuid: def?.uuid?.toLowerCase(),
    bridge: def?.bridge?.name,
    ino: st.ino,
    size: st.size,
    mtimeMs: st.mtimeMs,
  };
}

function readIndexFile(paths: HostPaths): IndexFile | undefined {
  const text = readText(join(paths.configDir, IDENTITY_INDEX_FILE));
  if (text === undefined) return undefined;
  try {
    const v = JSON.parse(text) as Partial<IndexFile> | null;
    if (v?.version !== 1 || typeof v.savedAtMs !== 'number' || typeof v.entries !== 'object')
      return undefined;
    if (v.entries === null || !Object.values(v.entries).every(isEntry)) return undefined;
    return v as IndexFile;
  } catch {
    return undefined;
  }
}

function isEntry(e: unknown): e is Entry {
  const v = e as Partial<Entry> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.name === 'string' &&
    (v.uuid === undefined || typeof v.uuid === 'string') &&
    (v.bridge === undefined || typeof v.bridge === 'string') &&
    typeof v.ino === 'number' &&
    typeof v.size === 'number' &&
    typeof v.mtimeMs === 'number'
  );
}
