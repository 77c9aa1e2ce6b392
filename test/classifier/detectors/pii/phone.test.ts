import assert from 'node:assert/strict';
import { phoneDetector } from '../../../../src/classifier/detectors/pii/phone.js';
import { expectFound } from './helpers.js';

describe('pii/phone', () => {
  it('reports a phone in a signature as low (inform only)', () => {
    const text = 'Best,\nMarguerite Loy\nT +1 (503) 555-0146 | M +1 (503) 555-0172\n';
    const hits = expectFound(phoneDetector, text, ['+1 (503) 555-0146', '+1 (503) 555-0172'], 'phone');
    assert.deepEqual(hits.map((h) => h.severity), ['low', 'low']);
  });

  it('raises every phone to medium in a list of many people', () => {
    const text = 'Personal cells:\nHollis 917-555-0188\nFern 646-555-0123\nQuin 347-555-0169\nBea 718-555-0142\nOz 929-555-0137';
    const hits = expectFound(phoneDetector, text, ['917-555-0188', '646-555-0123', '347-555-0169', '718-555-0142', '929-555-0137']);
    for (const h of hits) {
      assert.equal(h.severity, 'medium');
      assert.ok(h.suggestion);
    }
  });

  it('counts the same number twice only once', () => {
    const text = '917-555-0188 / (917) 555-0188 / 917.555.0188 / +1 917 555 0188';
    for (const h of phoneDetector.detect(text)) assert.equal(h.severity, 'low');
  });

  const negatives: Array<[string, string]> = [
    ['an order number', 'Order 4500188213 shipped'],
    ['an invalid area code', 'call 123-456-7890'],
    ['a version', 'v 3.555.0132.7'],
    ['a date range', '2024-05-01 to 2024-06-01'],
    ['a tracking number', 'Tracking 1Z 999 AA1 01 2345 6784'],
  ];
  for (const [name, text] of negatives) {
    it(`ignores ${name}`, () => expectFound(phoneDetector, text, []));
  }
});
