// The CLI's input files are read only up to the definition size limit: /dev/zero
// (or an endless pipe) is refused after 4 MiB with one line, instead of growing the
// process past a gigabyte.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../../cli/cli-error.js';
import { readDefinitionFile, readInputFile } from '../../../cli/read-definition-file.js';
import { MAX_XML_BYTES } from '../../../core/xml/decode-source.js';

const TOO_LARGE =
  'cannot read /dev/zero: it is larger than 4 MiB, the most a network definition may be; stopped reading there';

describe('reading an input file', () => {
  it('stops at the size limit on an endless device, holding no more than that', () => {
    const before = process.memoryUsage().arrayBuffers;
    expect(() => readInputFile('/dev/zero')).toThrow(new CliError(TOO_LARGE));
    expect(() => readDefinitionFile('/dev/zero')).toThrow(new CliError(TOO_LARGE));
    // Two reads of at most 4 MiB (+ one chunk) each, whatever the garbage collector kept.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(3 * MAX_XML_BYTES);
  });

  it('reads a file of exactly the limit, and refuses one byte more', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sy-read-'));
    try {
      const exact = join(dir, 'exact.xml');
      const over = join(dir, 'over.xml');
      writeFileSync(exact, Buffer.alloc(MAX_XML_BYTES, 0x20));
      writeFileSync(over, Buffer.alloc(MAX_XML_BYTES + 1, 0x20));
      expect(readInputFile(exact).length).toBe(MAX_XML_BYTES);
      expect(() => readInputFile(over)).toThrow(
        `cannot read ${over}: it is larger than 4 MiB, the most a network definition may be; stopped reading there`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the file and the error when it cannot be read', () => {
    expect(() => readInputFile('/nonexistent/lab.xml')).toThrow(
      new CliError('cannot read /nonexistent/lab.xml: ENOENT'),
    );
    expect(() => readInputFile('/')).toThrow(new CliError('cannot read /: EISDIR'));
  });
});
