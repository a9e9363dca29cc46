// Network names become file names (definition, status, pid, dnsmasq files). libvirt
// accepts names with quotes, spaces and ';', so every path goes through this map:
// safe characters pass, everything else is percent-encoded byte by byte. It is
// injective, so two networks never share a file, and never yields '.' or '..'.

const SAFE = /^[A-Za-z0-9_+-]$/;

/** NAME_MAX: the longest file name Linux file systems take, in bytes. */
const FILE_NAME_MAX = 255;
/** The longest suffix a network's files add to the stem ('.addnhosts', '.hostsfile'). */
const LONGEST_SUFFIX = '.addnhosts'.length;
/**
 * What an atomic write adds beside the file while it writes it: a leading '.' and
 * '.PID.MILLISECONDS.tmp' (host/state/atomic-write.ts), at most 1 + 27, with room to spare.
 */
const TEMP_FILE_ROOM = 30;

/**
 * The longest stem every file of a network can be built from; validation refuses longer
 * ones. The bridge's alias ('switchyard:' + stem) stays within the kernel's 255 bytes too.
 */
export const MAX_FILE_STEM = FILE_NAME_MAX - LONGEST_SUFFIX - TEMP_FILE_ROOM;

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
