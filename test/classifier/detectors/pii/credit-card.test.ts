import assert from 'node:assert/strict';
import { cardBrand, creditCardDetector, validateCard } from '../../../../src/classifier/detectors/pii/credit-card.js';
import { expectFound } from './helpers.js';

describe('pii/credit-card', () => {
  const positives: Array<[string, string[]]> = [
    ['Card on file 4539526018159083.', ['4539526018159083']],
    ['visa 4539 5260 1815 9083 exp 09/27', ['4539 5260 1815 9083']],
    ['4539-5260-1815-9083', ['4539-5260-1815-9083']],
    ['mc 2223 3016 6131 8609', ['2223 3016 6131 8609']],
    ['5412 9139 0996 0309', ['5412 9139 0996 0309']],
    ['amex 3714 824628 19484', ['3714 824628 19484']],
    ['6011219935181909', ['6011219935181909']],
    ['JCB 3530937865797548', ['3530937865797548']],
    ['diners 30563231948754', ['30563231948754']],
    ['UnionPay 6212 7491 1862 5279', ['6212 7491 1862 5279']],
    ['maestro 6759601895559792', ['6759601895559792']],
    ['19 digits: 4716711471049746506', ['4716711471049746506']],
    // Two numbers on one line, and a quantity glued by a space.
    ['4539 5260 1815 9083 5412 9139 0996 0309', ['4539 5260 1815 9083', '5412 9139 0996 0309']],
    ['qty 2 4539 5260 1815 9083', ['4539 5260 1815 9083']],
  ];
  for (const [text, values] of positives) {
    it(`finds ${values.join(', ')}`, () => {
      for (const h of expectFound(creditCardDetector, text, values, 'credit-card')) assert.equal(h.severity, 'high');
    });
  }

  const negatives: Array<[string, string]> = [
    ['a Luhn failure', 'card 4716 7529 1703 4237'],
    ['a Luhn-valid number outside every issuer range', 'ref 9123667127684263'],
    ['masked', 'card **** **** **** 4242'],
    ['masked with X', 'XXXX-XXXX-XXXX-9083'],
    ['glued to letters', 'tx4539526018159083'],
    ['order number', 'Order #4539526018159083'],
    ['a reference number', 'Reference number 4539526018159083 for your claim'],
    ['too long', '45395260181590830000000'],
    ['all zeros', '0000 0000 0000 0000'],
    ['a date and a phone', '2024-05-01 415-555-0132'],
    ['mixed separators inside one number', '4539 5260-1815 9083'],
  ];
  for (const [name, text] of negatives) {
    it(`ignores ${name}`, () => expectFound(creditCardDetector, text, []));
  }

  it('knows issuer ranges and lengths', () => {
    assert.equal(cardBrand('371482462819484', false), 'American Express');
    assert.equal(cardBrand('2223301661318609', false), 'Mastercard');
    assert.equal(cardBrand('3714824628194840', false), undefined); // Amex is 15 digits
    assert.equal(validateCard('4539526018159083'), true);
    assert.equal(validateCard('4539526018159084'), false);
  });
});
