// Turns what the caller has (file bytes or an editor's string) into the text the
// parser reads: size-limited, strictly decoded UTF-8 without a byte-order mark,
// with line ends normalised to '\n' as XML 1.0 section 2.11 requires.

/** The largest definition accepted; libvirt's own files are a few KiB. */
export const MAX_XML_BYTES = 4 * 1024 * 1024;

export type DecodedSource =
  | { ok: true; text: string; fromBytes: boolean }
  | { ok: false; message: string; line: number; col: number };

const BOM = '\uFEFF';

export function decodeSource(source: string | Uint8Array): DecodedSource {
  if (source.length > MAX_XML_BYTES) {
    const unit = typeof source === 'string' ? 'characters' : 'bytes';
    return { ok: false, message: `input is ${source.length} ${unit}; the limit is 4 MiB`, line: 1, col: 1 };
  }
  let text: string;
  if (typeof source === 'string') {
    text = source;
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(source);
    } catch {
      const offset = badUtf8Offset(source);
      const byte = (source[offset] ?? 0).toString(16).padStart(2, '0');
      return {
        ok: false,
        message: `input is not valid UTF-8 (byte 0x${byte})`,
        ...bytePosition(source, offset),
      };
    }
  }
  if (text.startsWith(BOM)) text = text.slice(1);
  // A lone CR or CR LF is one line end; later stages only ever see '\n'.
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  return { ok: true, text, fromBytes: typeof source !== 'string' };
}

/** Line and column (in bytes) of a byte offset, for errors found before decoding. */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: offset - lineStart + 1 };
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function badUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const length = utf8SequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return bytes.length;
}

function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] ?? 0;
  if (b0 < 0x80) return 1;
  let length: number;
  let min: number;
  if (b0 >= 0xc2 && b0 <= 0xdf) [length, min] = [2, 0x80];
  else if (b0 >= 0xe0 && b0 <= 0xef) [length, min] = [3, 0x800];
  else if (b0 >= 0xf0 && b0 <= 0xf4) [length, min] = [4, 0x10000];
  else return 0;
  let code = b0 & (0xff >> (length + 1));
  for (let k = 1; k < length; k++) {
    const b = bytes[i + k];
    if (b === undefined || (b & 0xc0) !== 0x80) return 0;
    code = (code << 6) | (b & 0x3f);
  }
  const surrogate = code >= 0xd800 && code <= 0xdfff;
  return code < min || code > 0x10ffff || surrogate ? 0 : length;
}
