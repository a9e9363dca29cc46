// The identity index is a cache of the definitions' name, UUID and bridge: define
// reads it instead of parsing every other network's XML. Whatever happens to the
// XML files behind its back (hand edits, deletions, a lost or damaged index), the
// answer must be the files' own.
import {
  appendFileSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HostError } from '../../../host/host-error.js';
import { definitionPath, type HostPaths } from '../../../host/paths.js';
import { IDENTITY_INDEX_FILE, IdentityIndex } from '../../../host/state/identity-index.js';
import { writeDefinitionXml } from '../../../host/state/state-store.js';
import { registryInTempRoot, type TestRegistry } from './recording-engine.js';

const made: TestRegistry[] = [];
afterEach(() => {
  for (const r of made.splice(0)) r.remove();
});

function root(): TestRegistry {
  const r = registryInTempRoot('root', 'sy-index-');
  made.push(r);
  return r;
}

const uuidOf = (n: number): string => `0a1b2c3d-0000-4000-8000-${String(n).padStart(12, '0')}`;
const networkXml = (name: string, n: number, bridge = `br${n}`): string =>
  `<network>
  <name>${name}</name>
  <uuid>${uuidOf(n)}</uuid>
  <bridge name='${bridge}'/>
  <ip address='10.${n}.0.1' netmask='255.255.255.0'/>
</network>
`;

const indexPath = (p: HostPaths): string => join(p.configDir, IDENTITY_INDEX_FILE);
/** The journal's lines that parse (a line cut short by a crash does not). */
const journalLines = (p: HostPaths): unknown[][] =>
  readFileSync(indexPath(p), 'utf8')
    .split('\n')
    .flatMap((l) => {
      try {
        return [JSON.parse(l)];
      } catch {
        return [];
      }
    });
/** The journal replayed as the index reads it: file -> its last line. */
const journal = (p: HostPaths): Map<string, unknown[]> => {
  const last = new Map<string, unknown[]>();
  for (const line of journalLines(p)) {
    if (line.length === 1) last.delete(String(line[0]));
    else last.set(String(line[0]), line);
  }
  return last;
};
const byName = (p: HostPaths) =>
  Object.fromEntries(
    IdentityIndex.read(p)
      .identities()
      .map((i) => [i.name, [i.uuid, i.bridge]]),
  );

async function conflict(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof HostError) || err.code !== 'conflict')
    throw new Error(`expected a conflict, got ${err}`);
  return err.message;
}

describe('identity index of the saved definitions', () => {
  it('is built from the XML files when there is none, and saved', () => {
    const { paths } = root();
    writeDefinitionXml(paths, 'a', networkXml('a', 1));
    writeDefinitionXml(paths, 'b c', networkXml('b c', 2));
    const index = IdentityIndex.read(paths);
    expect(byName(paths)).toEqual({ a: [uuidOf(1), 'br1'], 'b c': [uuidOf(2), 'br2'] });
    index.save();
    expect([...journal(paths).keys()].sort()).toEqual(['a.xml', 'b%20c.xml']);
    expect(statSync(indexPath(paths)).mode & 0o777).toBe(0o644);
  });

  it('answers from an entry that still matches its file, without reading the XML', () => {
    const { paths } = root();
    writeDefinitionXml(paths, 'a', networkXml('a', 1));
    IdentityIndex.read(paths).save();
    // An entry whose file is unchanged since long before the save is trusted as it is:
    // give it an identity the XML does not have, to see which one is answered.
    const [file, name, , bridge, ino, size, mtimeMs] = journal(paths).get('a.xml') ?? [];
    const trusted = [file, name, 'from-the-index', bridge, ino, size, mtimeMs, Number(mtimeMs) + 60_000];
    writeFileSync(indexPath(paths), `\n${JSON.stringify(trusted)}`);
    expect(byName(paths)).toEqual({ a: ['from-the-index', 'br1'] });
  });

  it('re-reads a file edited by hand after the index was saved, even in the same clock tick', () => {
    const { paths } = root();
    writeDefinitionXml(paths, 'a', networkXml('a', 1));
    IdentityIndex.read(paths).save();
    // Same size, written in place (same inode): only the content differs.
    writeFileSync(definitionPath(paths, 'a'), networkXml('a', 7, 'br1'));
    expect(byName(paths)).toEqual({ a: [uuidOf(7), 'br1'] });
  });

  it('drops a definition whose file was deleted, and adds one written behind its back', () => {
    const { paths } = root();
    writeDefinitionXml(paths, 'a', networkXml('a', 1));
    writeDefinitionXml(paths, 'b', networkXml('b', 2));
    IdentityIndex.read(paths).save();
    rmSync(definitionPath(paths, 'a'));
    writeDefinitionXml(paths, 'c', networkXml('c', 3));
    expect(byName(paths)).toEqual({ b: [uuidOf(2), 'br2'], c: [uuidOf(3), 'br3'] });
  });

  it('is rebuilt from the files when the index is damaged', () => {
    const { paths } = root();
    writeDefinitionXml(paths, 'a', networkXml('a', 1));
    writeFileSync(indexPath(paths), '["a.xml","a",');
    expect(byName(paths)).toEqual({ a: [uuidOf(1), 'br1'] });
    writeFileSync(indexPath(paths), '\n["a.xml","a","wrong",null,"not a number",1,2,3]\n{"version":1}');
    expect(byName(paths)).toEqual({ a: [uuidOf(1), 'br1'] });
  });

  it('loses only the line a crash cut short: the next line starts on its own', () => {
    const { paths } = root();
    writeDefinitionXml(paths, 'a', networkXml('a', 1));
    IdentityIndex.read(paths).save();
    writeFileSync(indexPath(paths), `${readFileSync(indexPath(paths), 'utf8')}\n["b.xml","b",`);
    writeDefinitionXml(paths, 'c', networkXml('c', 3));
    IdentityIndex.read(paths).save();
    expect([...journal(paths).keys()].sort()).toEqual(['a.xml', 'c.xml']);
    expect(byName(paths)).toEqual({ a: [uuidOf(1), 'br1'], c: [uuidOf(3), 'br3'] });
  });

  it('takes in the lines another process appended after this one read it, and a rewrite in full', () => {
    const { paths } = root();
    const anHourAgo = Date.now() / 1000 - 3600;
    for (const [name, n] of [
      ['a', 1],
      ['b', 2],
    ] as const) {
      writeDefinitionXml(paths, name, networkXml(name, n));
      utimesSync(definitionPath(paths, name), anHourAgo, anHourAgo);
    }
    IdentityIndex.read(paths).save();
    expect(byName(paths)).toEqual({ a: [uuidOf(1), 'br1'], b: [uuidOf(2), 'br2'] });
    // Another process's append: an entry this process can only know from the file.
    const [file, name, , bridge, ino, size, mtimeMs, savedAtMs] = journal(paths).get('b.xml') ?? [];
    appendFileSync(
      indexPath(paths),
      `\n${JSON.stringify([file, name, 'appended', bridge, ino, size, mtimeMs, savedAtMs])}`,
    );
    expect(byName(paths)).toEqual({ a: [uuidOf(1), 'br1'], b: ['appended', 'br2'] });
    // A rewrite (a new file renamed over it) is read whole.
    const rewritten = `${indexPath(paths)}.new`;
    writeFileSync(
      rewritten,
      `\n${JSON.stringify([file, name, 'rewritten', bridge, ino, size, mtimeMs, savedAtMs])}`,
    );
    renameSync(rewritten, indexPath(paths));
    expect(byName(paths)).toEqual({ a: [uuidOf(1), 'br1'], b: ['rewritten', 'br2'] });
  });

  it('keeps the name of a file that no longer parses, with no UUID or bridge', () => {
    const { paths } = root();
    writeDefinitionXml(paths, 'a', '<network><name>a</name>');
    expect(byName(paths)).toEqual({ a: [undefined, undefined] });
  });
});

describe('define and undefine keep the index with the files', () => {
  it('appends a line per define instead of rewriting every entry, and compacts a long journal', async () => {
    const { registry, paths } = root();
    // Thirty definitions from an hour ago: their entries are trusted as they are.
    const anHourAgo = Date.now() / 1000 - 3600;
    for (let n = 1; n <= 30; n++) {
      writeDefinitionXml(paths, `n${n}`, networkXml(`n${n}`, n));
      utimesSync(definitionPath(paths, `n${n}`), anHourAgo, anHourAgo);
    }
    IdentityIndex.read(paths).save();
    expect(journalLines(paths)).toHaveLength(30);
    await registry.define(networkXml('n31', 31));
    expect(journalLines(paths)).toHaveLength(31);
    expect(journalLines(paths)[30]?.[0]).toBe('n31.xml');
    // Each redefinition appends n31's line; past 2 x 31 + 16 lines the journal is rewritten.
    for (let round = 0; round < 60; round++) await registry.define(networkXml('n31', 31, `br${100 + round}`));
    expect(journalLines(paths).length).toBeLessThan(31 + 60);
    expect(journalLines(paths).length).toBeLessThanOrEqual(2 * 31 + 16 + 1);
    expect(journal(paths).get('n31.xml')?.[3]).toBe('br159');
    expect(journal(paths).size).toBe(31);
  });

  it('records a defined network and forgets an undefined one', async () => {
    const { registry, paths } = root();
    await registry.define(networkXml('a', 1));
    await registry.define(networkXml('b', 2));
    const entries = () => [...journal(paths).keys()].sort();
    expect(entries()).toEqual(['a.xml', 'b.xml']);
    await registry.undefine('a');
    expect(entries()).toEqual(['b.xml']);
  });

  it('refuses a UUID or bridge that a hand-edited definition took after the index was saved', async () => {
    const { registry, paths } = root();
    await registry.define(networkXml('a', 1));
    writeFileSync(definitionPath(paths, 'a'), networkXml('a', 2, 'br9'));
    expect(await conflict(registry.define(networkXml('b', 2)))).toBe(
      `network 'a' is already defined with uuid ${uuidOf(2)}`,
    );
    expect(await conflict(registry.define(networkXml('b', 3, 'br9')))).toBe(
      "Failed to define network b: bridge name 'br9' already in use.",
    );
  });

  it('lets a bridge or UUID go again once the definition holding it was deleted by hand', async () => {
    const { registry, paths } = root();
    await registry.define(networkXml('a', 1));
    rmSync(definitionPath(paths, 'a'));
    await registry.define(networkXml('b', 1, 'br1'));
    expect(byName(paths)).toEqual({ b: [uuidOf(1), 'br1'] });
  });
});
