// The one-element snippets net-update takes for the settings form's static and DNS
// hosts, with attribute values escaped, so what the user types reaches core intact
// (core then judges it with the CLI's messages).
function attr(name: string, value: string): string {
  const v = value.trim();
  if (v === '') return '';
  const escaped = v
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/'/g, '&apos;')
    .replace(/"/g, '&quot;');
  return ` ${name}='${escaped}'`;
}

const text = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export interface StaticHostFields {
  mac: string;
  ip: string;
  name: string;
}

export function dhcpHostXml(h: StaticHostFields): string {
  return `<host${attr('mac', h.mac)}${attr('name', h.name)}${attr('ip', h.ip)}/>`;
}

export interface DnsHostFields {
  ip: string;
  /** Space- or comma-separated. */
  hostnames: string;
}

export function hostnamesOf(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

export function dnsHostXml(h: DnsHostFields): string {
  const names = hostnamesOf(h.hostnames)
    .map((n) => `<hostname>${text(n)}</hostname>`)
    .join('');
  return `<host${attr('ip', h.ip)}>${names}</host>`;
}
