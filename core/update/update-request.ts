// The request of libvirt's net-update (virNetworkUpdate): what to do, to which part
// of the definition, with which XML snippet. Names are virsh's.

export const UPDATE_COMMANDS = ['add', 'add-first', 'add-last', 'modify', 'delete'] as const;
export type UpdateCommand = (typeof UPDATE_COMMANDS)[number];

export const UPDATE_SECTIONS = [
  'bridge',
  'domain',
  'ip',
  'ip-dhcp-host',
  'ip-dhcp-range',
  'forward',
  'forward-interface',
  'forward-pf',
  'portgroup',
  'dns-host',
  'dns-txt',
  'dns-srv',
] as const;
export type UpdateSection = (typeof UPDATE_SECTIONS)[number];

export interface NetworkUpdateRequest {
  command: UpdateCommand;
  section: UpdateSection;
  /**
   * Which <ip> (counting all families) the ip-dhcp-* sections change. Absent (virsh's
   * -1) means the one that already serves DHCP, else the first IPv4, else the first IPv6.
   */
  parentIndex?: number;
  /** One element: <host>, <range>, <interface>, <portgroup>, <txt> or <srv>. */
  xml: string;
}

/** 'add' is libvirt's alias of 'add-last'. */
export type EffectiveCommand = Exclude<UpdateCommand, 'add'>;

export function effectiveCommand(command: UpdateCommand): EffectiveCommand {
  return command === 'add' ? 'add-last' : command;
}

export const isAdd = (c: EffectiveCommand): boolean => c === 'add-first' || c === 'add-last';

/** Inserts at the front for add-first, at the end for add-last. */
export function inserted<T>(list: readonly T[], item: T, command: EffectiveCommand): T[] {
  return command === 'add-first' ? [item, ...list] : [...list, item];
}

export const isUpdateCommand = (s: string): s is UpdateCommand =>
  (UPDATE_COMMANDS as readonly string[]).includes(s);
export const isUpdateSection = (s: string): s is UpdateSection =>
  (UPDATE_SECTIONS as readonly string[]).includes(s);
