import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PII_DETECTORS } from '../../../../src/classifier/detectors/pii/index.js';

const RULES = ['ssn', 'credit-card', 'iban', 'bank-account', 'phone', 'email-address', 'street-address', 'date-of-birth', 'passport', 'national-id', 'ip-address'];

/** Strings that look like the things pii detectors parse, mixed with arbitrary unicode. */
const piiish = fc.array(
  fc.oneof(
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: fc.constantFrom(...'0123456789 -./:@+()#XxAZaz'.split('')), maxLength: 40 }),
    fc.constantFrom('SSN ', 'card ', 'IBAN ', 'routing ', 'account number: ', 'DOB ', 'passport ', 'NHS number ', '::', 'user@', '.com', '\n> ', '-- \n'),
    fc.integer({ min: 0, max: 2 ** 53 - 1 }).map(String),
  ),
  { maxLength: 30 },
).map((parts) => parts.join(''));

describe('pii detectors (all)', () => {
  it('exports one detector per rule family with ids pii/<family>', () => {
    const ids = PII_DETECTORS.map((d) => d.id);
    assert.deepEqual([...ids].sort(), RULES.map((r) => `pii/${r}`).sort());
  });

  it('never throw and return in-bounds hits of their own rule on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), piiish), (text) => {
        for (const d of PII_DETECTORS) {
          for (const h of d.detect(text)) {
            assert.ok(0 <= h.start && h.start < h.end && h.end <= text.length, `${d.id} ${h.start}-${h.end} in ${text.length}`);
            assert.equal(h.category, 'pii');
            assert.equal(`pii/${h.rule}`, d.id);
            assert.ok(['low', 'medium', 'high'].includes(h.severity));
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('return nothing on an ordinary business note', () => {
    const text =
      'Hi team,\n\nThe Q3 review moved to 2024-10-03 at 10:30 in room 4.12. Please bring PO 4500123987 and ticket INC-20931.\n' +
      'Version 2.4.1.7 ships Friday; the build id is 7f3a9c2e.\n\nThanks,\nDana';
    for (const d of PII_DETECTORS) assert.deepEqual(d.detect(text), [], d.id);
  });
});
