import assert from 'node:assert/strict';
import { ssnDetector, validateSsn } from '../../../../src/classifier/detectors/pii/ssn.js';
import { expectFound } from './helpers.js';

describe('pii/ssn', () => {
  const positives: Array<[string, string[], 'medium' | 'high']> = [
    ['Her SSN is 536-22-8841, please update payroll.', ['536-22-8841'], 'high'],
    ['536-22-8841', ['536-22-8841'], 'high'],
    ['social security number 536 22 8841', ['536 22 8841'], 'high'],
    ['on file: 536.22.8841', ['536.22.8841'], 'medium'],
    ['ssn: 536228841', ['536228841'], 'high'],
    ['SSN#536-228841 (typo in the form)', ['536-228841'], 'high'],
    ['(536-22-8841)', ['536-22-8841'], 'high'],
    ['SSNs: 536-22-8841 and 401-73-2205.', ['536-22-8841', '401-73-2205'], 'high'],
  ];
  for (const [text, values, severity] of positives) {
    it(`finds ${values.join(', ')} in ${JSON.stringify(text)}`, () => {
      const hits = expectFound(ssnDetector, text, values, 'ssn');
      for (const h of hits) assert.equal(h.severity, severity);
      assert.match(hits[0]!.suggestion ?? '', /last four/);
    });
  }

  const negatives: Array<[string, string]> = [
    ['masked', 'The SSN field shows XXX-XX-1234 in the sample.'],
    ['masked with stars', 'SSN ***-**-8841'],
    ['bare 9 digits without context', 'Tracking 536228841 arrives Monday.'],
    ['order number', 'Order #536-22-8841 shipped.'],
    ['order word', 'order 536-22-8841 shipped.'],
    ['area 000', 'SSN 000-22-8841'],
    ['area 666', 'SSN 666-22-8841'],
    ['area 9xx (ITIN range)', 'SSN 912-72-8841'],
    ['group 00', 'SSN 536-00-8841'],
    ['serial 0000', 'SSN 536-22-0000'],
    ['published sample number', 'SSN 078-05-1120'],
    ['counting placeholder', 'SSN 123-45-6789'],
    ['mixed separators', 'SSN 536-22.8841'],
    ['part of a longer number', 'ref 1536-22-8841'],
    ['glued to letters', 'ABC536-22-8841'],
    ['longer dotted number', 'SSN 536.22.8841.2'],
    ['phone shape', 'call 536-228-8410'],
  ];
  for (const [name, text] of negatives) {
    it(`ignores ${name}`, () => expectFound(ssnDetector, text, []));
  }

  it('validates area, group and serial', () => {
    assert.equal(validateSsn('536228841'), true);
    assert.equal(validateSsn('899228841'), true);
    assert.equal(validateSsn('900228841'), false);
    assert.equal(validateSsn('53622884'), false);
  });
});
