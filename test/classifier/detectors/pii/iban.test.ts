import assert from 'node:assert/strict';
import { bbanFits, ibanDetector, ibanMod97, validateIban } from '../../../../src/classifier/detectors/pii/iban.js';
import { expectFound } from './helpers.js';

describe('pii/iban', () => {
  const positives: Array<[string, string[]]> = [
    ['IBAN DE44 5001 0517 5407 3249 31, BIC INGDDEFFXXX', ['DE44 5001 0517 5407 3249 31']],
    ['DE44500105175407324931', ['DE44500105175407324931']],
    ['pay GB82 WEST 1234 5698 7654 32 today', ['GB82 WEST 1234 5698 7654 32']],
    ['FR33 3000 2005 5000 0015 7841 Z25.', ['FR33 3000 2005 5000 0015 7841 Z25']],
    ['NL05RABO0312873465', ['NL05RABO0312873465']],
    ['ES60-0049-1500-0512-3456-7892', ['ES60-0049-1500-0512-3456-7892']],
    ['(NO31 1503 7426 519)', ['NO31 1503 7426 519']],
    ['iban: gb82 west 1234 5698 7654 32', ['gb82 west 1234 5698 7654 32']],
  ];
  for (const [text, values] of positives) {
    it(`finds ${values[0]}`, () => {
      for (const h of expectFound(ibanDetector, text, values, 'iban')) assert.equal(h.severity, 'high');
    });
  }

  const negatives: Array<[string, string]> = [
    ['wrong check digits', 'IBAN DE45 5001 0517 5407 3249 31'],
    ['a typo in the BBAN', 'IBAN DE44 5001 0517 5407 3249 32'],
    ['wrong length for the country', 'DE44 5001 0517 5407 3249 3'],
    ['a placeholder', 'use the format CCkk BBBB BBBB BBBB BBBB'],
    ['an unknown country', 'QQ44500105175407324931'],
    ['glued to more characters', 'DE445001051754073249311'],
    ['letters where the country needs digits', 'DE44 5001 0517 54O7 3249 31'],
    ['groups not of four', 'DE 44500 105175 407324 931'],
    ['lower-case without the word IBAN', 'de44500105175407324931'],
    ['mixed case', 'IBAN GB82 wEST 1234 5698 7654 32'],
  ];
  for (const [name, text] of negatives) {
    it(`ignores ${name}`, () => expectFound(ibanDetector, text, []));
  }

  it('implements mod-97 and the BBAN structure table', () => {
    assert.equal(ibanMod97('GB82WEST12345698765432'), 1);
    assert.equal(validateIban('GB82WEST12345698765432'), true);
    assert.equal(bbanFits('GB', 'WEST12345698765432'), true);
    assert.equal(bbanFits('GB', '1234WEST98765432AB'), false);
  });
});
