import assert from 'node:assert/strict';
import fc from 'fast-check';
import { classifyName, findAssignments } from '../../../../src/classifier/detectors/secret/assignments.js';

describe('secret/assignments', () => {
  const names: [string, string | null, boolean?][] = [
    ['password', 'password'], ['DB_PASSWORD', 'password'], ['dbPassword', 'password'], ['ClearTextPassword', 'password'],
    ['pwd', 'password'], ['pw', 'password'], ['passcode', 'password'], ['pasword', 'password'],
    ['api_key', 'api-key', false], ['API-KEY', 'api-key', false], ['stripeKey', 'api-key', true], ['key', 'api-key', true],
    ['client_secret', 'api-key', false], ['bot_token1', 'token', false], ['OP_SERVICE_ACCOUNT_TOKEN', 'token', false],
    ['Authorization', 'token', false], ['credentials', 'api-key', false],
    ['clientId', null], ['public_key', null], ['access_token_url', null], ['UserSecretsId', null], ['sort_key', null],
    ['keyboard', null], ['monkey', null], ['token_type', null], ['authenticity_token', null], ['password_policy', null],
  ];
  for (const [name, kind, weak] of names) {
    it(`classifyName(${name}) -> ${kind}${weak === undefined ? '' : weak ? ' (weak)' : ' (strong)'}`, () => {
      const r = classifyName(name);
      assert.equal(r?.kind ?? null, kind);
      if (weak !== undefined) assert.equal(r?.weak, weak);
    });
  }

  it('reads operators, quotes and prose, with exact value offsets', () => {
    const cases: [string, string, string][] = [
      ['a = "x"', 'password = "Hq3-lakeside"', 'Hq3-lakeside'],
      ['a := `x`', 'apiToken := `Zp4q9Lm2Wc8r`', 'Zp4q9Lm2Wc8r'],
      ['a ?= x', 'SECRET ?= k9Pq2Lm4Wc8rTx', 'k9Pq2Lm4Wc8rTx'],
      ['"a" => "x"', '"secret_key" => "k9Pq2Lm4Wc8rTx",', 'k9Pq2Lm4Wc8rTx'],
      ['a: x.', 'pw: Hq3-lakeside.', 'Hq3-lakeside'],
      ['prose is', 'the password is now Hq3-lakeside, ok', 'Hq3-lakeside'],
      ['escaped newline ends the value', '"TOKEN=k9Pq2Lm4Wc8rTx\\nNEXT=1"', 'k9Pq2Lm4Wc8rTx'],
      ['bearer scheme skipped', 'Authorization: Bearer k9Pq2Lm4Wc8rTx', 'k9Pq2Lm4Wc8rTx'],
    ];
    for (const [label, text, value] of cases) {
      const found = findAssignments(text).find((a) => a.value === value);
      assert.ok(found, label);
      assert.equal(text.slice(found.valueStart, found.valueEnd), value, label);
    }
  });

  it('returns fresh objects from its one-entry cache', () => {
    const t = 'password = "Hq3-lakeside"';
    const a = findAssignments(t);
    a[0]!.value = 'changed';
    assert.equal(findAssignments(t)[0]!.value, 'Hq3-lakeside');
  });

  it('never throws and keeps values inside the text', () => {
    const piece = fc.oneof(fc.constantFrom('password', 'token', 'key="', '" value="', ' is ', '=', ':', '"', '<', '>', ' '), fc.string({ unit: 'binary', maxLength: 10 }));
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
      const text = parts.join('');
      return findAssignments(text).every((a) => 0 <= a.valueStart && a.valueStart < a.valueEnd && a.valueEnd <= text.length && text.slice(a.valueStart, a.valueEnd) === a.value);
    }), { numRuns: 300 });
  });
});
