// The access list of qemu-bridge-helper, which attaches the VMs of unprivileged users
// (GNOME Boxes, qemu:///session, a user's own qemu) to a bridge only when its
// bridge.conf says `allow BRIDGE`. Switchyard never edits the user's lines: it owns
// one file of its own, holding only `allow <bridge>` lines of its networks, and adds
// one `include` of that file to bridge.conf, once. The helper runs as root for
// anyone, so every name written here is checked again, whatever checked it before:
// a plain interface name, never `all` (which would open every bridge on the host).

export const BRIDGE_CONF = 'bridge.conf';

/**
 * Our file, beside bridge.conf: switchyard.conf for the installed state root, a file
 * per root id for any other (tests, the playground, a second install), so no root
 * ever rewrites another's lines.
 */
export function aclFileName(rootId: string, installed: boolean): string {
  return installed ? 'switchyard.conf' : `switchyard-${rootId}.conf`;
}

const HEADER =
  '# Written by Switchyard: the bridges of its networks that VMs of unprivileged users\n' +
  '# may attach to ("VMs of unprivileged users may attach"). Edit the setting, not this file.\n';

const ACL_SAFE = /^[A-Za-z0-9_.+-]{1,15}$/;

/** Why a bridge name may not go into the access list, or undefined when it may. */
export function aclNameProblem(bridge: string): string | undefined {
  if (!ACL_SAFE.test(bridge))
    return `bridge name ${JSON.stringify(bridge)} is not a plain interface name (letters, digits, _ . + -, at most 15)`;
  // qemu-bridge-helper reads `allow all` as every bridge.
  if (bridge.toLowerCase() === 'all') return "bridge name 'all' means every bridge to qemu-bridge-helper";
  return undefined;
}

/** The whole content of our file for these bridges (sorted, each once). */
export function aclFileText(bridges: Iterable<string>): string {
  const names = [...new Set(bridges)].sort();
  for (const name of names) {
    const problem = aclNameProblem(name);
    if (problem) throw new Error(`qemu bridge ACL: ${problem}`);
  }
  return HEADER + names.map((n) => `allow ${n}\n`).join('');
}

/** The bridges our file allows (lines we did not write are ignored). */
export function aclFileBridges(text: string): string[] {
  return text
    .split('\n')
    .map((l) => /^allow\s+(\S+)\s*$/.exec(l.trim())?.[1])
    .filter((n): n is string => n !== undefined && aclNameProblem(n) === undefined);
}

export function includeLine(ourFile: string): string {
  return `include ${ourFile}`;
}

/**
 * bridge.conf with our include line appended, or undefined when it is already there.
 * The user's text is kept byte for byte (a missing final newline is supplied).
 */
export function withInclude(bridgeConf: string, ourFile: string): string | undefined {
  const line = includeLine(ourFile);
  if (bridgeConf.split('\n').some((l) => l.trim() === line)) return undefined;
  const sep = bridgeConf === '' || bridgeConf.endsWith('\n') ? '' : '\n';
  return `${bridgeConf}${sep}# Added by Switchyard: bridges of its networks open to unprivileged users' VMs\n${line}\n`;
}
