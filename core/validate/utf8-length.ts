// Kernel and file-system limits count bytes, not the UTF-16 units of a JS string.
// Counted by code point: contract/ shares this and has no TextEncoder declared.
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
