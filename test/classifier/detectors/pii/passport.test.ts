import assert from 'node:assert/strict';
import { passportDetector } from '../../../../src/classifier/detectors/pii/passport.js';
import { expectFound } from './helpers.js';

describe('pii/passport', () => {
  const positives: Array<[string, string[]]> = [
    ['Tessa Monroe - passport 548213967, exp 04/2029', ['548213967']],
    ['Passport No.: K48213967', ['K48213967']],
    ['my passport number is GB4821396 and it expires soon', ['GB4821396']],
    ['passport: P4821396', ['P4821396']],
    ['Mi pasaporte es PAB482139', ['PAB482139']],
    ['Reisepass CF4X82T13', ['CF4X82T13']],
    ['여권번호는 M482B1396입니다', ['M482B1396']],
    ['Passports: AB4821396 and XY7302158', ['AB4821396', 'XY7302158']],
    ['A48213967 is the number on my passport', ['A48213967']],
  ];
  for (const [text, values] of positives) {
    it(`finds ${values.join(', ')}`, () => {
      for (const h of expectFound(passportDetector, text, values, 'passport')) assert.equal(h.severity, 'high');
    });
  }

  const negatives: Array<[string, string]> = [
    ['a bare number without a passport word', 'Booking 548213967 is confirmed'],
    ['a letter-prefixed code without context', 'Ticket K48213967 was closed'],
    ['a placeholder', 'passport 123456789'],
    ['too short', 'passport T482139'],
    ['a passport word with a date only', 'passport expires 04/2029'],
    ['glued to letters', 'passport xK48213967y'],
  ];
  for (const [name, text] of negatives) {
    it(`ignores ${name}`, () => expectFound(passportDetector, text, []));
  }
  it('checks numbers near a passport word and no others, in long text full of "pas" words', () => {
    const filler = 'The quarterly numbers passed review and the past week was calm. '.repeat(4);
    const text = `Ref X48213967. ${filler}Passport: K48213967 and the spare passport P4821396. ${filler}Order Z48213967.`;
    expectFound(passportDetector, text, ['K48213967', 'P4821396']);
  });

  it('finds the number when the text also holds a character whose lower case is ASCII (Kelvin sign)', () => {
    expectFound(passportDetector, 'Cooled to 4\u212A overnight. Passport: K48213967', ['K48213967']);
  });
});
