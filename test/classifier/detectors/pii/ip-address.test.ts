import assert from 'node:assert/strict';
import { ipAddressDetector, isIpv6, parseIpv4 } from '../../../../src/classifier/detectors/pii/ip-address.js';
import { expectFound } from './helpers.js';

describe('pii/ip-address', () => {
  const positives: Array<[string, string[]]> = [
    ['ssh into 203.0.113.54 tonight', ['203.0.113.54']],
    ['gateway (10.20.0.1), dns 8.8.4.4.', ['10.20.0.1', '8.8.4.4']],
    ['route 172.16.0.0/12 via vpn', ['172.16.0.0/12']],
    ['bind 192.168.7.2@eth1', ['192.168.7.2']],
    ['v6 2001:db8:85a3::8a2e:370:7334 is up', ['2001:db8:85a3::8a2e:370:7334']],
    ['full 2001:0db8:0000:0000:0000:ff00:0042:8329', ['2001:0db8:0000:0000:0000:ff00:0042:8329']],
    ['loopback ::1, link fe80::a1b2%en0', ['::1', 'fe80::a1b2%en0']],
    ['[2001:db8::7]:8443', ['2001:db8::7']],
    ['mapped ::ffff:198.51.100.7', ['::ffff:198.51.100.7']],
    ['prefix 2001:db8::/48.', ['2001:db8::/48']],
  ];
  for (const [text, values] of positives) {
    it(`finds ${values.join(', ')}`, () => {
      for (const h of expectFound(ipAddressDetector, text, values, 'ip-address')) assert.equal(h.severity, 'low');
    });
  }

  const negatives: Array<[string, string]> = [
    ['a dotted version with five parts', 'upgrade to 1.2.3.4.5'],
    ['a version word', 'Version 2.4.1.7 ships Friday'],
    ['an OID', 'oid 1.3.6.1.4.1.311'],
    ['a section number', 'see section 4.2.1.1 of the contract'],
    ['an octet over 255', '192.168.1.256'],
    ['three octets', 'subnet 10.0.0'],
    ['leading zeros', '010.001.002.003'],
    ['glued to letters', 'IP192.168.1.1text'],
    ['a clock time', 'Time 12:30:45'],
    ['a MAC address', 'MAC aa:bb:cc:dd:ee:ff'],
    ['the unspecified address alone', 'listen on ::'],
    ['C++ scope', 'std::cout and Foo::bar'],
    ['two double colons', '2001::db8::1'],
    ['a ratio', 'ratio 1:2:3:4'],
    ['a price list', '1.25 2.50 3.75'],
  ];
  for (const [name, text] of negatives) {
    it(`ignores ${name}`, () => expectFound(ipAddressDetector, text, []));
  }

  it('raises a public address tied to a person to medium, not a private one', () => {
    const a = expectFound(ipAddressDetector, 'my IP is 84.17.45.201 if you need to allow it', ['84.17.45.201']);
    assert.equal(a[0]!.severity, 'medium');
    const b = expectFound(ipAddressDetector, 'he logged in from 2a00:1450:4009::8a2e at 3am', ['2a00:1450:4009::8a2e']);
    assert.equal(b[0]!.severity, 'medium');
    const c = expectFound(ipAddressDetector, 'my IP is 192.168.1.20 on the office wifi', ['192.168.1.20']);
    assert.equal(c[0]!.severity, 'low');
  });

  it('parses and validates', () => {
    assert.deepEqual(parseIpv4('203.0.113.54'), [203, 0, 113, 54]);
    assert.equal(parseIpv4('1.2.3'), undefined);
    assert.equal(isIpv6('1:2:3:4:5:6:7:8'), true);
    assert.equal(isIpv6('1:2:3:4:5:6:7'), false);
    assert.equal(isIpv6('::'), false);
    assert.equal(isIpv6('64:ff9b::192.0.2.33'), true);
  });
});
