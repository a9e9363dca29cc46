// Network names become file names (definition, status, pid, dnsmasq files). libvirt
// accepts names with quotes, spaces and ';', so every path goes through this map:
// safe characters pass, everything else is percent-encoded byte by byte. It is
// injective, so two networks never share a file, and never yields '.' or '..'.

const SAFE = /^[A-Za-z0-9_+-]$/;

export function fileStem(name: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(name)) {
    const ch = String.fromCharCode(byte);
    out += byte < 0x80 && SAFE.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export function nameFromFileStem(stem: string): string | undefined {
  try {
    const bytes: number[] = [];
    for (let i = 0; i < stem.length; i++) {
      if (stem[i] === '%') {
        bytes.push(Number.parseInt(stem.slice(i + 1, i + 3), 16));
        i += 2;
      } else bytes.push(stem.charCodeAt(i));
    }
    if (bytes.some((b) => Number.isNaN(b))) return undefined;
    return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    return undefined;
  }
}
