// Name, UUID and bridge of every saved definition, kept in the config dir beside them
// so define checks its identities without parsing every other network's XML (at 1,000
// networks that parse cost ~50 ms per define). The index is only ever a cache of the
// XML files: each entry records the file's inode, size and mtime, and a file whose
// record does not match (hand-edited, replaced, new) is parsed again, a deleted one
// dropped. So a missing, damaged or stale index costs a parse, never a wrong answer.
// Only root, under the lock, writes it (save); readers use what they computed.
import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readdirSync,
  readSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { nameFromFileStem } from '../../core/names/index.js';
import { parseNetworkXml } from '../../core/xml/index.js';
import { definitionPath, type HostPaths } from '../paths.js';
import { atomicWrite } from './atomic-write.js';
import { type FileStat, statFiles, statOne } from './file-stats.js';
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
  /** When the entry was written: a file modified within the clock's granularity of that is re-read. */
  savedAtMs: number;
}

// The file is a journal, one JSON array per line, the last line for a file winning:
// [file, name, uuid, bridge, ino, size, mtimeMs, savedAtMs] records it, [file] forgets
// it. A define appends its one line instead of rewriting 1,000 entries (~4 ms of
// JSON.stringify on a small machine); the journal is rewritten compact once it holds
// more than twice as many lines as entries. Every line starts with a newline, so a
// line cut short by a crash is ended by the next one and only that line is lost.
type Line = [string, string, string | null, string | null, number, number, number, number] | [string];

export const IDENTITY_INDEX_FILE = '.identities.jsonl';
/** What an older Switchyard kept (one JSON object, rewritten whole): removed on compaction. */
const OLD_INDEX_FILE = '.identities.json';

/**
 * The kernel stamps mtimes from a coarse clock (a few ms). An entry recorded within
 * this long before the index was saved might hide a later edit with the same stamp
 * and size, so it is not trusted.
 */
const RACY_MS = 100;
const COMPACT_SLACK = 16;

export class IdentityIndex {
  private constructor(
    private readonly paths: HostPaths,
    private readonly entries: Map<string, Entry>,
    /** Files whose line is to be appended at save (recorded anew or forgotten). */
    private readonly dirty: Set<string>,
    /** Lines in the journal now; undefined when it is missing. */
    private lines: number | undefined,
  ) {}

  /** The index checked against the config dir: one readdir, and one stat per file in one call. */
  static read(paths: HostPaths): IdentityIndex {
    const stored = readJournal(paths);
    const entries = new Map<string, Entry>();
    const dirty = new Set<string>();
    const files = definitionFiles(paths.configDir);
    const stats = statFiles(paths.configDir, files);
    for (const [i, file] of files.entries()) {
      const kept = stored?.entries.get(file);
      const entry = currentEntry(paths.configDir, file, stats[i], kept);
      if (entry === undefined) continue;
      if (entry !== kept) dirty.add(file);
      entries.set(file, entry);
    }
    for (const file of stored?.entries.keys() ?? []) if (!entries.has(file)) dirty.add(file);
    return new IdentityIndex(paths, entries, dirty, stored?.lines);
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
      savedAtMs: 0,
    });
    this.dirty.add(file);
  }

  forget(name: string): void {
    const file = fileOf(this.paths, name);
    if (this.entries.delete(file)) this.dirty.add(file);
  }

  /** Writes what differs from the journal; call under the lock, as root. */
  save(): void {
    if (this.dirty.size === 0) return;
    const now = Date.now();
    const lineOf = (file: string): Line => {
      const e = this.entries.get(file);
      if (e === undefined) return [file];
      e.savedAtMs = now;
      return [file, e.name, e.uuid ?? null, e.bridge ?? null, e.ino, e.size, e.mtimeMs, now];
    };
    const path = join(this.paths.configDir, IDENTITY_INDEX_FILE);
    const added = this.dirty.size;
    if (this.lines === undefined || this.lines + added > 2 * this.entries.size + COMPACT_SLACK) {
      // Volatile (no fsync): after a power cut an old or empty index is re-checked
      // against the files like any stale one, so durability would buy nothing.
      atomicWrite(path, journalText([...this.entries.keys()].map(lineOf)), 0o644, 'volatile');
      rmSync(join(this.paths.configDir, OLD_INDEX_FILE), { force: true });
      this.lines = this.entries.size;
    } else {
      appendText(path, journalText([...this.dirty].map(lineOf)));
      this.lines += added;
    }
    this.dirty.clear();
    remember(path, { entries: this.entries, lines: this.lines });
  }
}

const journalText = (lines: Line[]): string => lines.map((l) => `\n${JSON.stringify(l)}`).join('');

function appendText(path: string, text: string): void {
  const fd = openSync(path, constants.O_WRONLY | constants.O_APPEND | constants.O_NOFOLLOW);
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
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
): Entry | undefined {
  if (st === undefined) return undefined;
  // The journal only ever holds the name decoded from its own file's name (record
  // writes the file from the name), so a matching entry needs no decoding again.
  const same =
    kept !== undefined &&
    kept.ino === st.ino &&
    kept.size === st.size &&
    kept.mtimeMs === st.mtimeMs &&
    kept.savedAtMs - st.mtimeMs > RACY_MS;
  if (same) return kept;
  const name = nameFromFileStem(basename(file, '.xml'));
  if (name === undefined) return undefined;
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
    savedAtMs: 0,
  };
}

interface Journal {
  entries: Map<string, Entry>;
  lines: number;
}

/** What read() gets: it only looks entries up, so the cached journal itself will do. */
type JournalView = { readonly entries: ReadonlyMap<string, Entry>; readonly lines: number };

/**
 * The journal as this process last read or wrote it, by path, with the file's stat
 * then. Only appends (the size grows) and rewrites (a new inode) change it, so an
 * unchanged stat means unchanged lines, and a grown one means lines to add: a
 * long-lived process (the helper, the app) reads only what another process appended.
 * Every entry is still checked against its file.
 */
const lastSeen = new Map<string, { stat: FileStat; journal: Journal }>();

function readJournal(paths: HostPaths): JournalView | undefined {
  const path = join(paths.configDir, IDENTITY_INDEX_FILE);
  const stat = statOne(path);
  if (stat === undefined) return undefined;
  const seen = lastSeen.get(path);
  if (seen && sameFile(seen.stat, stat)) return seen.journal;
  const appended = seen && seen.stat.ino === stat.ino ? readFrom(path, seen.stat.size) : undefined;
  // What we saw ended where a line began: the rest is whole lines to replay on top
  // (of a copy: the cached journal may be in a reader's hands).
  const journal = appended?.startsWith('\n')
    ? replay(appended, copyOf(seen?.journal ?? { entries: new Map(), lines: 0 }))
    : replayFile(path);
  if (journal === undefined) return undefined;
  lastSeen.set(path, { stat, journal });
  return journal;
}

function replayFile(path: string): Journal | undefined {
  const text = readText(path);
  return text === undefined ? undefined : replay(text, { entries: new Map(), lines: 0 });
}

/** The file from byte OFFSET on; undefined when it is shorter than that or gone. */
function readFrom(path: string, offset: number): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch {
    return undefined;
  }
  try {
    const size = fstatSync(fd).size;
    if (size <= offset) return undefined;
    const buf = Buffer.alloc(size - offset);
    const n = readSync(fd, buf, 0, buf.length, offset);
    return buf.toString('utf8', 0, n);
  } finally {
    closeSync(fd);
  }
}

/** After a save: a copy, since the index that saved goes on changing its own entries. */
function remember(path: string, journal: Journal): void {
  const stat = statOne(path);
  if (stat) lastSeen.set(path, { stat, journal: copyOf(journal) });
}

const copyOf = (j: Journal): Journal => ({ entries: new Map(j.entries), lines: j.lines });
const sameFile = (a: FileStat, b: FileStat): boolean =>
  a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;

/**
 * TEXT's lines replayed onto INTO, the last line for each file winning; lines that do
 * not parse (one cut short by a crash) are skipped.
 */
function replay(text: string, into: Journal): Journal {
  const { entries } = into;
  const raws = text.split('\n').filter((raw) => raw !== '');
  for (const line of parseLines(raws)) {
    if (line === undefined) continue;
    if (line.length === 1) entries.delete(line[0]);
    else {
      const [file, name, uuid, bridge, ino, size, mtimeMs, savedAtMs] = line;
      entries.set(file, {
        name,
        uuid: uuid ?? undefined,
        bridge: bridge ?? undefined,
        ino,
        size,
        mtimeMs,
        savedAtMs,
      });
    }
  }
  return { entries, lines: into.lines + raws.length };
}

/** One JSON.parse for the whole journal (JSON text has no raw newline); line by line if that fails. */
function parseLines(raws: string[]): (Line | undefined)[] {
  try {
    const all = JSON.parse(`[${raws.join(',')}]`) as unknown[];
    if (all.length === raws.length) return all.map((v) => (isLine(v) ? v : undefined));
  } catch {
    // A damaged line: find it below.
  }
  return raws.map(parseLine);
}

function parseLine(raw: string): Line | undefined {
  try {
    const v = JSON.parse(raw) as unknown;
    return isLine(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

function isLine(v: unknown): v is Line {
  if (!Array.isArray(v) || typeof v[0] !== 'string') return false;
  if (v.length === 1) return true;
  const optionalString = (x: unknown) => x === null || typeof x === 'string';
  return (
    v.length === 8 &&
    typeof v[1] === 'string' &&
    optionalString(v[2]) &&
    optionalString(v[3]) &&
    v.slice(4).every((n) => typeof n === 'number')
  );
}
