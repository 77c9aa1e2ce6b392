import assert from 'node:assert/strict';
import {
  alnumTokens,
  anchoredDigitRuns,
  caseFoldsLikeAscii,
  containsWord,
  digitRuns,
  runStartAt,
  hasContext,
  isRealDate,
  isSequential,
  luhnValid,
  precededByReference,
  standsAlone,
} from '../../../../src/classifier/detectors/pii/common.js';

describe('pii common helpers', () => {
  it('anchoredDigitRuns keeps exactly the digitRuns runs that hold an anchor match', () => {
    const texts = [
      'call 555 0125 or 123-45-6789, ref 2025 and 12 34 5678 9012; 1-2-3-4-5-6 end',
      '99 123456 7 1234 5678-9012 a1234567 12.34.5678 ',
      '4111 1111 1111 1111 and 4111-1111-1111-1111 x 1 2 3 4',
    ];
    const anchor = /\d\d\d\d|\d \d/g;
    for (const text of texts) {
      for (const seps of [' -', '- .', ' ']) {
        const expected = digitRuns(text, seps, 16, 1).filter((r) => {
          const part = text.slice(r.start, r.end);
          return /\d\d\d\d/.test(part) || (seps.includes(' ') && /\d \d/.test(part));
        });
        assert.deepEqual(anchoredDigitRuns(text, seps, 16, 1, anchor), expected, `${seps}: ${text}`);
      }
    }
  });

  it('caseFoldsLikeAscii is false only for text holding a character that lower-cases to an ASCII letter', () => {
    assert.equal(caseFoldsLikeAscii('Plain text, é, ß, Ω, 여권'), true);
    assert.equal(caseFoldsLikeAscii('4\u212A'), false);
    assert.equal(caseFoldsLikeAscii('\u0130stanbul'), false);
    for (let c = 128; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      if (/[a-z]/.test(ch.toLowerCase())) assert.equal(caseFoldsLikeAscii(ch), false, c.toString(16));
    }
  });

  it('runStartAt walks back over digits and single separators to where digitRuns starts the run', () => {
    const text = 'x 12-34 5678 y';
    assert.equal(runStartAt(text, text.indexOf('5678') + 2, ' -', 0), 2);
    assert.equal(runStartAt(text, text.indexOf('5678') + 2, '-', 0), text.indexOf('5678'));
    assert.equal(runStartAt(text, text.indexOf('5678') + 2, ' -', 6), 6);
  });

  it('digitRuns returns maximal runs with groups and separators', () => {
    const text = 'a 4539 5260-1815 x 12.34 99999999999999999999 end';
    const runs = digitRuns(text, ' -', 19);
    assert.deepEqual(
      runs.map((r) => [text.slice(r.start, r.end), r.groups, r.seps]),
      [
        ['4539 5260-1815', [4, 4, 4], ' -'],
      ],
    );
  });

  it('digitRuns drops runs glued to letters or dotted tokens', () => {
    assert.deepEqual(digitRuns('ab123456789 1.2345678 123456789x', ' -', 12), []);
  });

  it('standsAlone rejects joiners followed by more token characters', () => {
    assert.equal(standsAlone('v-1234', 2, 6), false);
    assert.equal(standsAlone('(1234).', 1, 5), true);
  });

  it('hasContext and containsWord match whole words only', () => {
    const t = 'The SSN: 123';
    assert.equal(hasContext(t, 9, 12, ['ssn']), true);
    assert.equal(hasContext('CLASSNAME 123', 10, 13, ['ssn']), false);
    assert.equal(containsWord('여권번호는', ['여권']), true);
    assert.equal(containsWord('pan-fried', ['pan']), true);
    assert.equal(containsWord('panorama', ['pan']), false);
  });

  it('precededByReference sees # and order words', () => {
    assert.equal(precededByReference('Order #4539', 7), true);
    assert.equal(precededByReference('ticket 4539', 7), true);
    assert.equal(precededByReference('card 4539', 5), false);
  });

  it('luhn, sequences and dates', () => {
    assert.equal(luhnValid('79927398713'), true);
    assert.equal(luhnValid('79927398710'), false);
    assert.equal(isSequential('123456789'), true);
    assert.equal(isSequential('987654321'), true);
    assert.equal(isSequential('123456780'), false);
    assert.equal(isRealDate(2024, 2, 29), true);
    assert.equal(isRealDate(2023, 2, 29), false);
    assert.equal(isRealDate(1900, 2, 29), false);
  });

  it('alnumTokens splits on non-alphanumerics and skips tokens glued to Latin letters', () => {
    const t = 'pass AB1234567, émile9 M123A4567입니다';
    assert.deepEqual(alnumTokens(t, 9).map((x) => x.value), ['pass', 'AB1234567', 'M123A4567']);
  });
});
