import assert from 'node:assert/strict';
import { genericDetector as d, genericStrength, CONTEXT_FORMATS } from '../../../../src/classifier/detectors/secret/generic.js';
import { ALNUM, HEX, LOWER, DIGITS, checkSpanProperty, expectNothing, expectSecret, fakeGen } from './helpers.js';

const g = fakeGen(4242);
const tok32 = g(32);
const tok20 = g(20, LOWER + DIGITS);
const awsSecret = g(40, ALNUM + '+/');

describe('secret/generic', () => {
  const positives: [string, string, string, string, ('high' | 'medium')?][] = [
    ['api_key = "…"', `api_key = "${tok32}"`, tok32, 'api-key', 'medium'],
    ['client_secret in JSON', `{"client_secret": "${tok32}"}`, tok32, 'api-key'],
    ['auth token in env', `SERVICE_AUTH_TOKEN=${tok20}`, tok20, 'token'],
    ['camelCase token name', `const droneToken = '${tok20}';`, tok20, 'token'],
    ['Authorization: Bearer with an opaque token', `-H "Authorization: Bearer ${tok32}"`, tok32, 'token'],
    ['access token in prose', `The access token is ${tok32} for the staging bucket`, tok32, 'token'],
    ['API key written as two words', `API key: ${tok32}`, tok32, 'api-key'],
    ['a UUID under a strong token name', 'SNYK_TOKEN = "3f2b8c4e-9a1d-4e6f-b7c2-5d8e9f0a1b2c"', '3f2b8c4e-9a1d-4e6f-b7c2-5d8e9f0a1b2c', 'token'],
    ['a hex token under a strong name', `Token: ${g(40, HEX)}`, '', 'token'],
    ['AWS secret access key by name', `AWS_SECRET_ACCESS_KEY=${awsSecret}`, awsSecret, 'api-key', 'high'],
    ['call argument', `System.setProperty("JIRA_TOKEN", "${tok20}")`, tok20, 'token'],
    ['a qualified key with words before the value', `Here is the API key you asked for: ${tok32}`, tok32, 'api-key'],
    ['a pre-shared key chosen by a person', 'the VPN pre-shared key is Nq4#vLt9pX2w, keep it internal', 'Nq4#vLt9pX2w', 'api-key'],
    ['a long random run of digits under a token name', `bot_token: "${g(32, DIGITS)}"`, '', 'token'],
  ];
  for (const [name, text, value, rule, severity] of positives) {
    it(`finds ${name}`, () => {
      const v = value || text.slice(text.indexOf(': ') + 2).replace(/"/g, '');
      expectSecret(d, text, v, rule, severity);
    });
  }

  const negatives: [string, string][] = [
    ['a UUID under a weak name', 'key: 3f2b8c4e-9a1d-4e6f-b7c2-5d8e9f0a1b2c'],
    ['a client id', `clientId = "${tok32}"`],
    ['a secret id', '<UserSecretsId>3f2b8c4e-9a1d-4e6f-b7c2-5d8e9f0a1b2c</UserSecretsId>'],
    ['a commit hash under a weak name', 'key: 9fceb02d0ae598e95dc970b74767f19372d61af8'],
    ['a sha256 checksum', 'checksum: ' + g(64, HEX)],
    ['a token URL', "access_token_url='https://auth.example.test/login/oauth/access_token'"],
    ['a public key name', `public_key = "${tok32}"`],
    ['a publishable key', `publishableKey: "pk_live_${g(24)}"`],
    ['a short value', 'api_key = "abc123"'],
    ['an environment lookup', 'api_key = os.getenv("API_KEY")'],
    ['a templated value', 'api_key: ${PAYMENTS_API_KEY}'],
    ['a bracketed placeholder', 'token: <YOUR_TOKEN_HERE>'],
    ['a shouted placeholder', 'API_KEY="YOUR_API_KEY_HERE"'],
    ['a masked value', 'api_key: sk-****************'],
    ['an elided value', 'OP_TOKEN=ops_eyJzaWduSW5BZGRyZXNz...'],
    ['a base64 image', `token: data:image/png;base64,${g(60, ALNUM)}`],
    ['a file path', 'secret_file: /etc/app/secrets/prod-credentials.json'],
    ['a dotted setting name', 'key = com.example.payments.retry_policy'],
    ['a numeric id', 'auth: 1234987650123'],
    ['a version string', 'token: 2024.11.23-1530'],
    ['a CSRF form field', `<input type="hidden" name="authenticity_token" value="${tok32}">`],
    ['a key name followed by ordinary words', 'The API key for staging was rotated yesterday.'],
    ['a shell substitution', 'export GITHUB_TOKEN=$(gh auth token)'],
    ['token jargon', 'Token refresh is failing because the clock drifted; new tokens validate fine.'],
    ['a sort key', `sort_key: "${tok32}"`],
  ];
  for (const [name, text] of negatives) it(`ignores ${name}`, () => expectNothing(d, text));

  it('finds the values of a Kubernetes Secret manifest', () => {
    const v1 = 'VHo3IXF1YXJyeS1PYWs='; // base64 of a made-up password
    const v2 = 'c3ZjLXJlcG9ydGluZw==';
    const text = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db-creds\ntype: Opaque\ndata:\n  password: ${v1}\n  username: '${v2}'\n`;
    expectSecret(d, text, v1, 'api-key', 'medium');
    expectSecret(d, text, v2, 'api-key', 'medium');
  });

  it('ignores Secret look-alikes: other kinds, templates, tiny sample values', () => {
    expectNothing(d, 'kind: ExternalSecret\ndata:\n  - secretKey: api-key\n    remoteRef:\n      key: prod/api\n');
    expectNothing(d, 'kind: Secret\ndata:\n  password: {{ .Values.password }}\n');
    expectNothing(d, 'kind: Secret\ndata:\n  extra: YmFyCg==\n');
    expectNothing(d, 'kind: Secret\ndata:\n  csrf: ""\n');
  });

  it('ignores token parameters of ordinary links', () => {
    expectNothing(d, `Unsubscribe: https://news.example.test/u?token=${tok32}&list=7`);
  });

  it('leaves passwords and known formats to their own detectors', () => {
    expectNothing(d, `password = "${tok32}"`);
    expectNothing(d, `api_key = "ghp_${g(36)}"`);
  });

  it('context formats are data with bounded shapes', () => {
    for (const f of CONTEXT_FORMATS) assert.doesNotMatch(f.shape.source, /[\])][*+]/, f.id);
  });

  it('demands a stronger value under a weak name', () => {
    const v = g(18, LOWER + DIGITS);
    assert.equal(genericStrength({ value: v, weak: false, name: 'api_key', kind: 'api-key', quoted: true }), 'medium');
    assert.equal(genericStrength({ value: v, weak: true, name: 'key', kind: 'api-key', quoted: true }), null);
  });

  it('takes short hex under a strong name at the entropy random hex reaches, not the general bar', () => {
    // 16 hex digits with repeats, as random hex often has: 2.9 bits per character, under the general 3.0.
    const hex16 = '4f9df9a6622b449a';
    expectSecret(d, `curl -H "Token: ${hex16}" https://ci.internal/api`, hex16, 'token');
    expectSecret(d, `api_token = "${hex16}"`, hex16, 'token');
    // Under a weak name, or with a pattern a person typed, it is still not enough.
    assert.equal(genericStrength({ value: hex16, weak: true, name: 'key', kind: 'api-key', quoted: true }), null);
    expectNothing(d, 'api_token = "deadbeefdeadbeef"');
  });

  it('never throws and keeps every span inside the text', () => checkSpanProperty(d));
});
