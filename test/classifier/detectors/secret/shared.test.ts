import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  charClasses, decodeBase64Url, isPlaceholder, isUuid, isVariableReference, shannonEntropy,
} from '../../../../src/classifier/detectors/secret/shared.js';
import { fakeGen, ALNUM } from './helpers.js';

const g = fakeGen(5);

describe('secret/shared', () => {
  it('shannonEntropy: 0 for one symbol, log2(k) for k equally frequent symbols', () => {
    assert.equal(shannonEntropy(''), 0);
    assert.equal(shannonEntropy('aaaa'), 0);
    assert.equal(shannonEntropy('abab'), 1);
    assert.equal(shannonEntropy('abcdefgh'), 3);
    assert.ok(shannonEntropy(g(40)) > 4);
  });

  it('charClasses counts lower, upper, digit and symbol', () => {
    assert.deepEqual(charClasses('aB3!'), { lower: true, upper: true, digit: true, symbol: true, count: 4 });
    assert.equal(charClasses('abc').count, 1);
  });

  it('isUuid', () => {
    assert.equal(isUuid('3f2b8c4e-9a1d-4e6f-b7c2-5d8e9f0a1b2c'), true);
    assert.equal(isUuid('3f2b8c4e9a1d4e6fb7c25d8e9f0a1b2c'), false);
  });

  const placeholders = [
    '<your-password>', 'YOUR_TOKEN_HERE', 'xxxx', 'XXXXXXXXXXXX', '****', '••••••', 'changeme', 'example',
    'dummy', 'redacted', '[REDACTED]', '{PASSWORD}', '%DB_PASS%', 'password', 'null', '12345678', 'abcdefgh',
    'qwerty99', 'aaaaaaaa', 'ops_eyJzaWdu...', 'neo4j:[PASSWORD]',
  ];
  for (const p of placeholders) it(`isPlaceholder(${JSON.stringify(p)})`, () => assert.equal(isPlaceholder(p), true));
  for (const v of ['Tz7!quarry-Oak', g(32), 'AAAAAAAAAAC7hjsA' + g(20)]) {
    it(`is not a placeholder: ${v}`, () => assert.equal(isPlaceholder(v), false));
  }

  const refs = ['$DB_PASS', '${API_KEY}', '{{ .Values.password }}', 'os.environ["X"]', 'process.env.TOKEN', 'var.db_password', 'getPassword()', 'DB_PASSWORD', 'dbPassword'];
  for (const r of refs) it(`isVariableReference(${JSON.stringify(r)})`, () => assert.equal(isVariableReference(r), true));
  it('quoted strings are literals unless templated', () => {
    assert.equal(isVariableReference('TestSourcePassword', true), false);
    assert.equal(isVariableReference('${X}', true), true);
    assert.equal(isVariableReference('s.' + g(24), false), false);
  });

  it('decodeBase64Url decodes base64 and base64url, with or without padding', () => {
    assert.equal(decodeBase64Url('eyJhbGciOiJIUzI1NiJ9'), '{"alg":"HS256"}');
    assert.equal(decodeBase64Url('aGVsbG8='), 'hello');
    assert.equal(decodeBase64Url('aGVsbG8'), 'hello');
    assert.equal(decodeBase64Url('-_8'), '\xfb\xff');
    assert.equal(decodeBase64Url('a'), null);
    assert.equal(decodeBase64Url('ab$c'), null);
  });

  it('decodeBase64Url never throws', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 64 }), (s) => {
      const r = decodeBase64Url(s);
      return r === null || typeof r === 'string';
    }));
  });

  it('fake key generator is deterministic', () => {
    assert.equal(fakeGen(1)(16, ALNUM), fakeGen(1)(16, ALNUM));
  });
});
