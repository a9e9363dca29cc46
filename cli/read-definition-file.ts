// The CLI's one way to read an input file (or standard input, '-'): net-validate,
// net-format, net-plan, net-define, net-create and net-edit all come here. Reading
// stops one byte past the limit, so /dev/zero or an endless pipe is refused after
// 4 MiB instead of growing the process until it runs out of memory.
import { closeSync, openSync, readSync } from 'node:fs';
import { readNetworkDefinition } from '../core/definition.js';
import type { NetworkDef } from '../core/model/index.js';
import { MAX_XML_BYTES } from '../core/xml/index.js';
import { fail } from './cli-error.js';

const CHUNK = 64 * 1024;

/** The bytes of PATH ('-' is standard input), or a one-line failure when it is larger than LIMIT bytes. */
export function readInputFile(path: string, limit = MAX_XML_BYTES): Uint8Array {
  let fd: number;
  try {
    fd = path === '-' ? 0 : openSync(path, 'r');
  } catch (err) {
    fail(cannotRead(path, err));
  }
  let bytes: Uint8Array | undefined;
  try {
    bytes = readAtMost(fd, limit);
  } catch (err) {
    fail(cannotRead(path, err));
  } finally {
    if (fd !== 0) closeSync(fd);
  }
  if (bytes === undefined)
    fail(
      `cannot read ${path}: it is larger than ${sizeText(limit)}, the most a network definition may be; stopped reading there`,
    );
  return bytes;
}

/** Reads, parses and validates a definition file; the message names the file on I/O errors. */
export function readDefinitionFile(path: string): NetworkDef {
  const result = readNetworkDefinition(readInputFile(path));
  if (!result.ok) fail(result.error.message);
  return result.value;
}

/** Everything FD holds, or undefined as soon as it holds more than LIMIT bytes. */
function readAtMost(fd: number, limit: number): Uint8Array | undefined {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(CHUNK, limit + 1 - total));
    const n = readSome(fd, chunk);
    if (n === 0) return Buffer.concat(chunks, total);
    chunks.push(chunk.subarray(0, n));
    total += n;
    if (total > limit) return undefined;
  }
}

/** One read; a non-blocking standard input that has nothing yet is waited for, not spun on. */
function readSome(fd: number, into: Buffer): number {
  for (;;) {
    try {
      return readSync(fd, into, 0, into.length, null);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
}

function cannotRead(path: string, err: unknown): string {
  return `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
}

function sizeText(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;
}
