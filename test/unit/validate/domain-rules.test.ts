import { describe, expect, it } from 'vitest';
import { at, natMessages } from './network-fixture.js';

const withDomain = (name: string) => natMessages((d) => (d.domain = { at: at(11), name }));

describe('<domain>', () => {
  it('accepts a DNS name', () => {
    expect(withDomain('lab.example')).toEqual([]);
    expect(withDomain('my-net')).toEqual([]);
  });

  it('refuses a name dnsmasq could not use, saying what is allowed', () => {
    expect(withDomain('bad domain!')).toEqual([
      "network 'lab': <domain name='bad domain!'> (line 11:3) name 'bad domain!' may contain only letters, digits, '.' and '-' (a DNS name like lab.example)",
    ]);
    expect(withDomain('')).toEqual(["network 'lab': <domain name=''> (line 11:3) name '' is empty"]);
  });
});
