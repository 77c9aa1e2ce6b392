import assert from 'node:assert/strict';
import { emailAddressDetector } from '../../../../src/classifier/detectors/pii/email-address.js';
import { expectFound } from './helpers.js';

describe('pii/email-address', () => {
  it('reports one address as low', () => {
    const hits = expectFound(emailAddressDetector, 'Reach me at jules@marchandcuts.example any time.', ['jules@marchandcuts.example'], 'email-address');
    assert.equal(hits[0]!.severity, 'low');
  });

  it('raises a pasted list of personal addresses to medium', () => {
    const text = 'Crew emails: ann.lee@gmail.example, bo.k@yahoo.example, cy99@outlook.example, dee.r@proton.example';
    const hits = expectFound(emailAddressDetector, text, ['ann.lee@gmail.example', 'bo.k@yahoo.example', 'cy99@outlook.example', 'dee.r@proton.example']);
    for (const h of hits) assert.equal(h.severity, 'medium');
  });

  it('keeps role and placeholder addresses low even when there are many', () => {
    const text = 'info@a.example sales@a.example support@a.example noreply@a.example name@b.example name@c.example user@d.example';
    for (const h of emailAddressDetector.detect(text)) assert.equal(h.severity, 'low');
  });

  const negatives: Array<[string, string]> = [
    ['a handle', 'ping @dana on chat'],
    ['no dot in the domain', 'root@localhost'],
    ['a numeric TLD', 'user@10.0.0.1'],
    ['a lone @', 'meet @ 5pm'],
    ['double dots', 'a..b@example.com'],
  ];
  for (const [name, text] of negatives) {
    it(`ignores ${name}`, () => expectFound(emailAddressDetector, text, []));
  }
});
