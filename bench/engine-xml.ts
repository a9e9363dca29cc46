// Throw-away networks for the engine benchmark, the same XML for Switchyard and libvirt
// (the shape of libvirt-baseline's net_xml: NAT, a named bridge, DHCP on a /24).

/** Network number i (0..) as the third and second octets of 10.x.y.0/24, from base x. */
export function subnetPrefix(base: number, i: number): string {
  return `10.${base + Math.floor(i / 256)}.${i % 256}`;
}

export function natNetworkXml(name: string, bridge: string, prefix: string, stp?: 'on' | 'off'): string {
  const bridgeAttrs = stp ? ` stp='${stp}' delay='0'` : '';
  return [
    '<network>',
    `  <name>${name}</name>`,
    "  <forward mode='nat'/>",
    `  <bridge name='${bridge}'${bridgeAttrs}/>`,
    `  <ip address='${prefix}.1' netmask='255.255.255.0'>`,
    `    <dhcp><range start='${prefix}.10' end='${prefix}.250'/></dhcp>`,
    '  </ip>',
    '</network>',
    '',
  ].join('\n');
}

/** libvirt's stock default.xml with STP turned off and nothing else changed. */
export function withStpOff(stockXml: string): string {
  const out = stockXml.replace(/<bridge\b([^>]*?)\s*\/>/, (_m, attrs: string) => {
    const kept = attrs.replace(/\s+stp=(['"])[^'"]*\1/, '');
    return `<bridge${kept} stp='off'/>`;
  });
  if (out === stockXml) throw new Error("stock default.xml has no <bridge …/> element to set stp='off' on");
  return out;
}
