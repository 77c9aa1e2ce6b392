import { strict as assert } from 'node:assert';
import { addressOf, isInternal, contextHits, externalRecipients } from '../../src/classifier/context.js';
import { resolvePolicy } from '../../src/policy/defaults.js';
import type { Finding } from '../../src/classifier/types.js';

const confidential: Finding = {
  category: 'confidential', rule: 'pay', severity: 'high', action: 'warn', start: 0, end: 3, text: 'Amy', message: 'm', field: 'body',
};

describe('context', () => {
  it('reads addresses in every shape', () => {
    assert.equal(addressOf('Jane <Jane@X.example>'), 'jane@x.example');
    assert.equal(addressOf({ emailAddress: 'a@b.example', displayName: 'A' }), 'a@b.example');
    assert.equal(addressOf(undefined), '');
  });

  it('counts subdomains as internal, look-alike domains as external', () => {
    const internal = ['corp.example'];
    assert.equal(isInternal('a@corp.example', internal), true);
    assert.equal(isInternal('a@mail.corp.example', internal), true);
    assert.equal(isInternal('a@evilcorp.example', internal), false);
    assert.equal(isInternal('no-at-sign', internal), false);
  });

  it('calls nobody external while no internal domains are set', () => {
    assert.deepEqual(externalRecipients({ body: '', to: ['x@y.example'] }, resolvePolicy()), []);
  });

  it('raises external-recipient only for confidential content going outside', () => {
    const p = resolvePolicy({ internalDomains: ['corp.example'] });
    const draft = { body: '', to: ['me@corp.example', 'press@news.example'] };
    assert.deepEqual(contextHits(draft, p, [confidential]).map((h) => h.rule), ['external-recipient']);
    assert.deepEqual(contextHits(draft, p, []), []);
    assert.deepEqual(contextHits({ ...draft, to: ['me@corp.example'] }, p, [confidential]), []);
  });

  it('raises large-audience above the limit', () => {
    const p = resolvePolicy({ maxRecipients: 3 });
    const to = ['a@x.example', 'b@x.example', 'c@x.example'];
    assert.deepEqual(contextHits({ body: '', to }, p, []), []);
    assert.deepEqual(contextHits({ body: '', to, cc: ['d@x.example'] }, p, []).map((h) => h.rule), ['large-audience']);
  });

  it('raises late-night inside quiet hours that wrap midnight, in the policy time zone', () => {
    const p = resolvePolicy({ quietHours: { start: '22:00', end: '06:00', timeZone: 'UTC' } });
    const at = (iso: string) => contextHits({ body: '', sentAt: iso }, p, []).map((h) => h.rule);
    assert.deepEqual(at('2026-01-05T23:30:00Z'), ['late-night']);
    assert.deepEqual(at('2026-01-05T03:00:00Z'), ['late-night']);
    assert.deepEqual(at('2026-01-05T12:00:00Z'), []);
    assert.deepEqual(at('not a date'), []);
  });
});
