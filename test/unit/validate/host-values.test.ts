// Validation is the one gate: every value that reaches dnsmasq, nft, ip or a file
// name is checked here, so net-validate never says "valid" for a definition that
// net-start then fails on (each refused value below made net-start fail, or made
// dnsmasq read something other than what was written). The messages are the usual
// one line: network, element, value, line:column.
import { describe, expect, it } from 'vitest';
import { readNetworkDefinition } from '../../../core/definition.js';
import { MAX_FILE_STEM } from '../../../core/names/file-stem.js';

interface Parts {
  name?: string;
  forward?: string;
  bridge?: string;
  /** Elements after <bridge> (line 5 onwards). */
  top?: string;
  /** Inside <dhcp> after the range (line 8 onwards). */
  dhcp?: string;
  /** Inside <ip> after <dhcp>. */
  ip?: string;
}

function network(p: Parts = {}): string {
  return `<network>
  <name>${p.name ?? 'lab'}</name>
  ${p.forward ?? "<forward mode='nat'/>"}
  <bridge name='${p.bridge ?? 'virbr5'}'/>
${p.top ?? ''}  <ip address='10.0.0.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='10.0.0.2' end='10.0.0.254'/>
${p.dhcp ?? ''}    </dhcp>
${p.ip ?? ''}  </ip>
</network>
`;
}

function problem(p: Parts): string | undefined {
  const read = readNetworkDefinition(network(p));
  return read.ok ? undefined : read.error.message;
}

describe('values written into the dnsmasq config', () => {
  it.each<[string, Parts, string]>([
    [
      'a newline in a TXT value',
      { top: "  <dns><txt name='t' value='a&#10;b'/></dns>\n" },
      "network 'lab': <txt name='t' value='a\\nb'> (line 5:8) value 'a\\nb' may not contain a line break",
    ],
    [
      'a quote in a TXT value',
      { top: `  <dns><txt name='t' value='say "hi'/></dns>\n` },
      `network 'lab': <txt name='t' value='say "hi'> (line 5:8) value 'say "hi' may not contain '"': dnsmasq reads it as the start of a quoted string`,
    ],
    [
      "' #' in a TXT value",
      { top: "  <dns><txt name='t' value='a #b'/></dns>\n" },
      "network 'lab': <txt name='t' value='a #b'> (line 5:8) value 'a #b' may not contain '#' after a space: dnsmasq reads the rest as a comment",
    ],
    [
      'a quote in a TXT name',
      { top: `  <dns><txt name='t"' value='v'/></dns>\n` },
      `network 'lab': <txt name='t"' value='v'> (line 5:8) name 't"' may not contain '"': dnsmasq reads it as the start of a quoted string`,
    ],
    [
      'a newline in the domain name',
      { top: "  <domain name='a&#10;b'/>\n" },
      "network 'lab': <domain name='a\\nb'> (line 5:3) name 'a\\nb' may not contain a line break",
    ],
    [
      'a quote in the domain name',
      { top: `  <domain name='a"b'/>\n` },
      `network 'lab': <domain name='a"b'> (line 5:3) name 'a"b' may not contain '"': dnsmasq reads it as the start of a quoted string`,
    ],
    [
      'a domain label over 63 characters',
      { top: `  <domain name='${'a'.repeat(64)}.com'/>\n` },
      `network 'lab': <domain name='${'a'.repeat(64)}…'> (line 5:3) name '${'a'.repeat(64)}…' has a label of 64 characters; DNS allows at most 63`,
    ],
    [
      "a '/' in a forwarder domain (server=/domain/addr)",
      { top: "  <dns><forwarder domain='a/b' addr='10.0.0.53'/></dns>\n" },
      "network 'lab': <forwarder domain='a/b' addr='10.0.0.53'> (line 5:8) domain 'a/b' may not contain whitespace, ',', '/' or '#'",
    ],
    [
      'a quote in an SRV target',
      { top: `  <dns><srv service='s' protocol='tcp' target='t"x' port='1'/></dns>\n` },
      `network 'lab': <srv service='s' protocol='tcp' target='t"x' port='1'> (line 5:8) target 't"x' may not contain '"': dnsmasq reads it as the start of a quoted string`,
    ],
    [
      'a comma in a bootp file (dhcp-boot=FILE,…)',
      { dhcp: "      <bootp file='a,b'/>\n" },
      "network 'lab': <bootp file='a,b'> (line 8:7) file 'a,b' may not contain ',': dnsmasq reads what follows as another field",
    ],
    [
      'a comma in a TFTP root (tftp-root=DIR,…)',
      { ip: "    <tftp root='/srv/tftp,eth0'/>\n" },
      "network 'lab': <tftp root='/srv/tftp,eth0'> (line 9:5) root '/srv/tftp,eth0' may not contain ',': dnsmasq reads what follows as another field",
    ],
  ])('refuses %s', (_what, parts, message) => {
    expect(problem(parts)).toBe(message);
  });

  it('accepts what dnsmasq reads as written', () => {
    expect(
      problem({
        top: [
          "  <domain name='lab.example.com.' localOnly='yes'/>",
          "  <dns><txt name='t' value='some text, with a#hash and sym=bols'/>",
          "    <forwarder domain='corp.example' addr='10.0.0.53'/>",
          "    <host ip='10.0.0.9'><hostname>gw</hostname><hostname>gw.lab</hostname></host>",
          "    <srv service='ldap' protocol='tcp' domain='lab' target='dc1.lab' port='389'/></dns>",
          '',
        ].join('\n'),
        dhcp: "      <host mac='52:54:00:00:00:01' name='vm_1-a.lab' ip='10.0.0.10'/>\n      <bootp file='pxelinux.0'/>\n",
        ip: "    <tftp root='/srv/tftp'/>\n",
      }),
    ).toBeUndefined();
  });
});

describe('<dnsmasq:option> lines, which dnsmasq takes verbatim', () => {
  const withOptions = (values: string[], parts: Parts = {}) =>
    readNetworkDefinition(
      network(parts)
        .replace('<network>', "<network xmlns:dnsmasq='http://libvirt.org/schemas/network/dnsmasq/1.0'>")
        .replace(
          '</network>',
          `  <dnsmasq:options>\n${values.map((v) => `    <dnsmasq:option value='${v}'/>\n`).join('')}  </dnsmasq:options>\n</network>`,
        ),
    );
  const messageOf = (read: ReturnType<typeof withOptions>) => (read.ok ? undefined : read.error.message);
  const ruleOf = (read: ReturnType<typeof withOptions>) => (read.ok ? undefined : read.error.rule);

  it('refuses an option dnsmasq takes once that Switchyard already writes (dhcp-lease-max with a range)', () => {
    expect(messageOf(withOptions(['dhcp-lease-max=50']))).toBe(
      "network 'lab': <dnsmasq:option value='dhcp-lease-max=50'> (line 11:5) sets 'dhcp-lease-max', which Switchyard already sets for this network; dnsmasq takes it only once",
    );
    // pid-file and user are written for every network dnsmasq serves.
    expect(ruleOf(withOptions(['user=root']))).toBe('dnsmasq.option-set-by-switchyard');
  });

  it('refuses a once-only option given twice', () => {
    expect(messageOf(withOptions(['cache-size=100', 'no-ping', 'cache-size=200']))).toBe(
      "network 'lab': <dnsmasq:option value='cache-size=200'> (line 13:5) sets 'cache-size' a second time; dnsmasq takes it only once",
    );
  });

  it('accepts repeatable options twice, and a once-only one Switchyard does not write', () => {
    expect(
      withOptions(['no-ping', 'no-ping', 'dhcp-option=3', 'dhcp-option=6,10.0.0.1', 'cache-size=10']).ok,
    ).toBe(true);
  });
});

describe('values written into dnsmasq hosts files', () => {
  it.each<[string, Parts, string]>([
    [
      'a newline in a DNS host name (addn-hosts line)',
      { top: "  <dns><host ip='10.0.0.9'><hostname>a&#10;b</hostname></host></dns>\n" },
      "network 'lab': <host ip='10.0.0.9'> (line 5:8) <hostname> 'a\\nb' may not contain a line break",
    ],
    [
      'a space in a DNS host name (two names on the addn-hosts line)',
      { top: "  <dns><host ip='10.0.0.9'><hostname>a b</hostname></host></dns>\n" },
      "network 'lab': <host ip='10.0.0.9'> (line 5:8) <hostname> 'a b' may not contain whitespace, ',', '/' or '#'",
    ],
    [
      'a comma in a DHCP host name (adds fields to the dhcp-hostsfile line)',
      { dhcp: "      <host mac='52:54:00:00:00:01' name='vm,1' ip='10.0.0.10'/>\n" },
      "network 'lab': <host mac='52:54:00:00:00:01' name='vm,1' ip='10.0.0.10'> (line 8:7) name 'vm,1' may contain only letters, digits, '-', '_' and '.'",
    ],
    [
      'a quote in a DHCP host name',
      { dhcp: `      <host mac='52:54:00:00:00:01' name='vm"x' ip='10.0.0.10'/>\n` },
      `network 'lab': <host mac='52:54:00:00:00:01' name='vm"x' ip='10.0.0.10'> (line 8:7) name 'vm"x' may contain only letters, digits, '-', '_' and '.'`,
    ],
  ])('refuses %s', (_what, parts, message) => {
    expect(problem(parts)).toBe(message);
  });
});

describe('bridge and uplink names (ip link, nft rules, sysctl paths)', () => {
  it.each<[string, string]>([
    [
      'br#1',
      "name 'br#1' may contain only letters, digits and '_' '.' '+' '@' '-' (nft rules carry no other characters)",
    ],
    [
      'br%x',
      "name 'br%x' may contain only letters, digits and '_' '.' '+' '@' '-' (nft rules carry no other characters)",
    ],
    [
      "br'q",
      "name 'br\\'q' may contain only letters, digits and '_' '.' '+' '@' '-' (nft rules carry no other characters)",
    ],
    [
      'br%d%d',
      "name 'br%d%d' may contain only letters, digits and '_' '.' '+' '@' '-' (nft rules carry no other characters)",
    ],
    // 9 characters in UTF-16, 16 bytes for the kernel.
    ['brééééééé', "name 'brééééééé' is 16 bytes long; the kernel allows at most 15"],
  ])('refuses bridge %j for a network Switchyard runs', (bridge, text) => {
    const escaped = bridge.replace("'", '&apos;');
    const shown = bridge.replace("'", "\\'");
    expect(problem({ bridge: escaped })).toBe(`network 'lab': <bridge name='${shown}'> (line 4:3) ${text}`);
  });

  it('accepts every character nft can carry, 15 bytes, and a template', () => {
    for (const bridge of ['a.b_c+d@e-f0123', 'virbr%d', 'lab%d-x'])
      expect(problem({ bridge })).toBeUndefined();
  });

  it("leaves a host bridge's name to the kernel's rules (mode='bridge' writes no nft rule)", () => {
    const bridged = (bridge: string) =>
      readNetworkDefinition(
        `<network>\n  <name>lan</name>\n  <forward mode='bridge'/>\n  <bridge name='${bridge}'/>\n</network>\n`,
      );
    expect(bridged('br#1').ok).toBe(true);
    const tooLong = bridged('brééééééé');
    expect(tooLong.ok ? '' : tooLong.error.message).toBe(
      "network 'lan': <bridge name='brééééééé'> (line 4:3) name 'brééééééé' is 16 bytes long; the kernel allows at most 15",
    );
  });

  it('refuses an uplink the firewall rules cannot name', () => {
    expect(problem({ forward: "<forward mode='nat' dev='e#0'/>" })).toBe(
      "network 'lab': <forward mode='nat' dev='e#0'> (line 3:3) dev 'e#0' may contain only letters, digits and '_' '.' '+' '@' '-' (nft rules carry no other characters)",
    );
  });
});

describe('network names as file names', () => {
  it('refuses a name whose encoded file name would exceed the file system limit', () => {
    // 74 spaces and 4 letters: 78 bytes, but 226 characters once each space is %20.
    const name = `${' '.repeat(74)}abcd`;
    expect(problem({ name })).toBe(
      `network '${' '.repeat(64)}…': <name> (line 1:1) would need a file name of 226 characters (each byte other than a letter, digit, '_', '+' or '-' takes 3); at most ${MAX_FILE_STEM} fit`,
    );
  });

  it('accepts the longest names that fit', () => {
    expect(problem({ name: 'n'.repeat(200) })).toBeUndefined();
    // 71 spaces = 213 characters, and 2 letters.
    expect(problem({ name: `${' '.repeat(71)}ab` })).toBeUndefined();
  });
});
