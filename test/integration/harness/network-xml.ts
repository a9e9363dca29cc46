// Network XML for the integration tests: one /24 with a DHCP range .10-.250 and the
// bridge address .1; STP off so guests' ports forward at once.
export interface NetXmlOptions {
  name: string;
  bridge: string;
  /** First three octets, e.g. '192.168.100'. */
  net: string;
  /** 'isolated' writes no <forward>. */
  mode: 'nat' | 'route' | 'open' | 'isolated';
  dev?: string;
  stp?: 'on' | 'off';
  /** Extra XML inside <ip> (e.g. static <host>s go into <dhcp> via dhcpHosts). */
  dhcpHosts?: string;
  /** Extra XML inside <network> after <ip> (e.g. <dns>, <domain>, <route>, IPv6 <ip>). */
  extra?: string;
  /** <dnsmasq:option value='no-ping'/>: offer addresses without dnsmasq's ~3 s ping check. */
  noPing?: boolean;
}

export function netXml(o: NetXmlOptions): string {
  const forward =
    o.mode === 'isolated' ? '' : `  <forward mode='${o.mode}'${o.dev ? ` dev='${o.dev}'` : ''}/>\n`;
  const ns = o.noPing ? " xmlns:dnsmasq='http://libvirt.org/schemas/network/dnsmasq/1.0'" : '';
  const noPing = o.noPing
    ? "  <dnsmasq:options>\n    <dnsmasq:option value='no-ping'/>\n  </dnsmasq:options>\n"
    : '';
  return `<network${ns}>
  <name>${o.name}</name>
${forward}  <bridge name='${o.bridge}' stp='${o.stp ?? 'off'}' delay='0'/>
  <ip address='${o.net}.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='${o.net}.10' end='${o.net}.250'/>
${o.dhcpHosts ?? ''}    </dhcp>
  </ip>
${o.extra ?? ''}${noPing}</network>
`;
}
