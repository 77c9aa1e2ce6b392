import assert from 'node:assert/strict';
import { privateKeyDetector as d, PRIVATE_KEY_KINDS } from '../../../../src/classifier/detectors/secret/private-key.js';
import { checkSpanProperty, expectNothing, expectSecret, fakeGen, ALNUM, UPPER, DIGITS } from './helpers.js';

const g = fakeGen(7);
const B64 = ALNUM + '+/';
const body = (lines: number): string => Array.from({ length: lines }, () => g(64, B64)).join('\n');
const block = (label: string, lines = 4, suffix = ''): string =>
  `-----BEGIN ${label}PRIVATE KEY${suffix}-----\n${body(lines)}\n-----END ${label}PRIVATE KEY${suffix}-----`;

describe('secret/private-key', () => {
  for (const { label } of PRIVATE_KEY_KINDS) {
    it(`finds a whole ${label || 'PKCS#8 '}block`, () => {
      const key = block(label);
      expectSecret(d, `Pasting it here:\n\n${key}\n\nthanks`, key, 'private-key', 'high');
    });
  }

  it('finds a PGP private key block with its BLOCK suffix and armor checksum', () => {
    const key = `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${body(3)}\n=${g(4, B64)}\n-----END PGP PRIVATE KEY BLOCK-----`;
    expectSecret(d, key + '\n', key, 'private-key');
  });

  it('reports a truncated block up to the end of the text (trailing whitespace excluded)', () => {
    const head = `-----BEGIN RSA PRIVATE KEY-----\n${body(2)}`;
    expectSecret(d, `key:\n${head}\n\n`, head, 'private-key');
  });

  it('stops a truncated block at the next BEGIN line', () => {
    const first = `-----BEGIN EC PRIVATE KEY-----\n${body(2)}`;
    const second = block('EC ');
    const text = `${first}\n${second}`;
    const hits = d.detect(text);
    assert.deepEqual(hits.map((h) => text.slice(h.start, h.end)), [first, second]);
  });

  it('finds an age secret key', () => {
    const key = 'AGE-SECRET-KEY-1' + g(58, UPPER + DIGITS);
    expectSecret(d, `# created: today\n${key}\n`, key, 'private-key', 'high');
  });

  const negatives: [string, string][] = [
    ['a public key', `-----BEGIN PUBLIC KEY-----\n${body(3)}\n-----END PUBLIC KEY-----`],
    ['an SSH public key line', `ssh-ed25519 ${g(68, B64)} me@laptop`],
    ['a certificate', `-----BEGIN CERTIFICATE-----\n${body(5)}\n-----END CERTIFICATE-----`],
    ['an empty template block', '-----BEGIN OPENSSH PRIVATE KEY----------END OPENSSH PRIVATE KEY-----'],
    ['a template with a word for a body', '-----BEGIN PRIVATE KEY-----\n<paste your key here>\n-----END PRIVATE KEY-----'],
    ['talk about private keys', 'Private keys should never leave the HSM; request a CSR through the portal.'],
    ['an age public key', 'age1' + g(58, 'qpzry9x8gf2tvdw0s3jn54khce6mua7l')],
    ['an age key one character short', 'AGE-SECRET-KEY-1' + g(57, UPPER + DIGITS)],
  ];
  for (const [name, text] of negatives) {
    it(`ignores ${name}`, () => expectNothing(d, text));
  }

  it('stays linear-safe on many BEGIN lines without END (each reported once at most)', () => {
    const text = `-----BEGIN RSA PRIVATE KEY-----\n${g(40, B64)}\n`.repeat(200);
    const hits = d.detect(text);
    assert.equal(hits.length, 200);
    for (let i = 1; i < hits.length; i++) assert.ok(hits[i]!.start >= hits[i - 1]!.end);
  });

  it('never throws and keeps every span inside the text', () => checkSpanProperty(d));
});
