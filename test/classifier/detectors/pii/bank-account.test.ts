import assert from 'node:assert/strict';
import { bankAccountDetector, validateAba } from '../../../../src/classifier/detectors/pii/bank-account.js';
import { expectFound } from './helpers.js';

describe('pii/bank-account', () => {
  it('finds a routing number and the account next to it (high)', () => {
    const text = 'Wire it to his account, routing 026084657, account 88123004517. Thanks';
    const hits = expectFound(bankAccountDetector, text, ['026084657', '88123004517'], 'bank-account');
    assert.deepEqual(hits.map((h) => h.severity), ['high', 'high']);
  });

  it('finds a routing number alone with a banking word (medium)', () => {
    const hits = expectFound(bankAccountDetector, 'ABA 071063212 for the Chicago branch', ['071063212']);
    assert.equal(hits[0]!.severity, 'medium');
  });

  it('reads the dashed XXXX-XXXX-X routing form', () => {
    expectFound(bankAccountDetector, 'routing no. 3222-0792-1', ['3222-0792-1']);
  });

  const labelled: Array<[string, string]> = [
    ['account number: 40018823', '40018823'],
    ['Account No. 0012-445-9012', '0012-445-9012'],
    ['acct # 775100432', '775100432'],
    ['my checking account is 5520019374', '5520019374'],
    ['A/C no: 00981276551', '00981276551'],
  ];
  for (const [text, value] of labelled) {
    it(`finds the account number in ${JSON.stringify(text)}`, () => {
      const hits = expectFound(bankAccountDetector, text, [value]);
      assert.equal(hits[0]!.severity, 'medium');
    });
  }

  const negatives: Array<[string, string]> = [
    ['a valid routing number without banking words', 'Confirmation 026084657 is attached.'],
    ['a routing-shaped number failing the ABA checksum', 'routing 026084658'],
    ['a prefix outside the Federal Reserve ranges', 'routing 500000005'],
    ['"account" alone without a routing number', 'The account 40018823 was closed'],
    ['an account id', 'account id: 40018823'],
    ['words only, no values', 'Use the routing and account number printed on the voided check.'],
    ['an amount', 'account number: 1 234 567'],
    ['a placeholder', 'account number: 12345678'],
  ];
  for (const [name, text] of negatives) {
    it(`ignores ${name}`, () => expectFound(bankAccountDetector, text, []));
  }

  it('implements the ABA 3-7-1 checksum', () => {
    assert.equal(validateAba('122022335'), true);
    assert.equal(validateAba('122022336'), false);
  });
});
