// The `switchyard` command a terminal user would type for each action of the window,
// shown beside the action and copyable: the app teaches the CLI instead of hiding it.
// Arguments are quoted for a POSIX shell only when they need it.

export type CliAction =
  | { kind: 'start' | 'stop' | 'delete' | 'undefine' | 'info' | 'dumpxml'; name: string }
  | { kind: 'autostart'; name: string; on: boolean }
  | { kind: 'reserve'; name: string; mac: string; ip: string; hostname?: string };

export function cliCommand(action: CliAction): string {
  const n = shellQuote(action.name);
  switch (action.kind) {
    case 'start':
      return `switchyard net-start ${n}`;
    case 'stop':
      return `switchyard net-destroy ${n}`;
    case 'delete':
      return `switchyard net-destroy ${n} && switchyard net-undefine ${n}`;
    case 'undefine':
      return `switchyard net-undefine ${n}`;
    case 'info':
      return `switchyard net-info ${n}`;
    case 'dumpxml':
      return `switchyard net-dumpxml ${n}`;
    case 'autostart':
      return `switchyard net-autostart ${n}${action.on ? '' : ' --disable'}`;
    case 'reserve':
      return `switchyard net-update ${n} add ip-dhcp-host ${shellQuote(hostElement(action))} --live --config`;
  }
}

/** The <host> element Reserve adds (the host side may drop a hostname another host already has). */
export function hostElement(h: { mac: string; ip: string; hostname?: string }): string {
  const name = h.hostname && /^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(h.hostname) ? ` name='${h.hostname}'` : '';
  return `<host mac='${h.mac}'${name} ip='${h.ip}'/>`;
}

/** Double quotes as in libvirt's docs when there are no characters special inside them, else single. */
export function shellQuote(arg: string): string {
  if (/^[A-Za-z0-9_.,:=+@%/-]+$/.test(arg)) return arg;
  if (!/["$`\\!]/.test(arg)) return `"${arg}"`;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}
