import assert from 'node:assert/strict';
import { jwtDetector as d, jwtHeaderHasAlg, findJwts } from '../../../../src/classifier/detectors/secret/jwt.js';
import { checkSpanProperty, expectNothing, expectSecret, fakeGen, B64URL } from './helpers.js';

const g = fakeGen(99);
// Our own base64url encoder for test data (the detector has its own decoder).
const b64url = (s: string): string => {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let out = '';
  let bits = 0, acc = 0;
  for (let i = 0; i < s.length; i++) {
    acc = (acc << 8) | s.charCodeAt(i);
    bits += 8;
    while (bits >= 6) { bits -= 6; out += A[(acc >> bits) & 63]; }
    acc &= (1 << bits) - 1;
  }
  if (bits > 0) out += A[(acc << (6 - bits)) & 63];
  return out;
};
const jwt = (header: object, payload: object, sig = g(43, B64URL)): string =>
  `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${sig}`;

const hs = jwt({ alg: 'HS256', typ: 'JWT' }, { sub: 'svc-report', iat: 1716239022 });
const rs = jwt({ typ: 'JWT', alg: 'RS256', kid: 'k1' }, { scope: 'payments:write', exp: 1900000000 }, g(342, B64URL));
const spaced = `${b64url('{"alg": "ES256", "typ": "JWT"}')}.${b64url('{"sub": "x"}')}.${g(86, B64URL)}`;
const unsigned = jwt({ alg: 'none' }, { sub: 'x' }, '');

describe('secret/jwt', () => {
  it('finds a bearer JWT in a pasted curl command, without the scheme word', () => {
    expectSecret(d, `curl -H "Authorization: Bearer ${hs}" https://api.example.test/v2`, hs, 'token', 'high');
  });
  it('finds an RS256 token with a long signature', () => expectSecret(d, `token=${rs}&x=1`, rs, 'token'));
  it('finds a token whose header JSON has spaces', () => expectSecret(d, spaced, spaced, 'token'));
  it('finds an unsigned alg:none token (empty signature)', () => expectSecret(d, `${unsigned} `, unsigned, 'token'));

  const negatives: [string, string][] = [
    ['a header alone', b64url('{"alg":"HS256","typ":"JWT"}')],
    ['header and payload without a signature', `${b64url('{"alg":"HS256"}')}.${b64url('{"sub":"1"}')}`],
    ['four segments (JWE-like)', `${hs}.${g(20, B64URL)}`],
    ['a header without alg', jwt({ typ: 'JWT' }, { sub: '1' })],
    ['a signed token with an empty signature', jwt({ alg: 'HS256' }, { sub: '1' }, '')],
    ['a header that is not JSON', `${b64url('hello world, not json')}.${b64url('{"a":1}')}.${g(43, B64URL)}`],
    ['dotted words', 'see eyJanuary.report.final for details'],
    ['a token glued to a word', `x${hs}`],
  ];
  for (const [name, text] of negatives) it(`ignores ${name}`, () => expectNothing(d, text));

  it('decodes the header with its own base64url decoder', () => {
    assert.deepEqual(jwtHeaderHasAlg(b64url('{"alg":"HS512"}')), { alg: 'HS512' });
    assert.equal(jwtHeaderHasAlg(b64url('{"typ":"JWT"}')), null);
    assert.equal(jwtHeaderHasAlg('%%%'), null);
  });

  it('finds several tokens in order', () => {
    const text = `a ${hs}\nb ${rs}`;
    assert.deepEqual(findJwts(text).map((m) => text.slice(m.start, m.end)), [hs, rs]);
  });

  it('never throws and keeps every span inside the text', () => checkSpanProperty(d));
});
