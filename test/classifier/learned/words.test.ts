import assert from 'node:assert/strict';
import fc from 'fast-check';
import { foldWord, pairHash, scanWords, wordHash } from '../../../src/classifier/learned/words.js';

/** Words and sentence ends as the scorer reads them: [folded word, its text][] per sentence. */
function read(text: string): Array<Array<[string, string]>> {
  const sentences: Array<Array<[string, string]>> = [[]];
  scanWords(text, 0, text.length, {
    word(h, start, end) {
      const folded = foldWord(text, start, end);
      assert.equal(h, wordHash(folded), `hash of ${folded}`);
      sentences[sentences.length - 1]!.push([folded, text.slice(start, end)]);
    },
    sentenceEnd() {
      if (sentences[sentences.length - 1]!.length > 0) sentences.push([]);
    },
  });
  return sentences.filter((s) => s.length > 0);
}

describe('learned/words', () => {
  it('lowercases, joins apostrophes and invisible characters, and keeps spans on the original text', () => {
    assert.deepEqual(read("Don’t CROSS me, Tom's\u200b team"), [[['dont', 'Don’t'], ['cross', 'CROSS'], ['me', 'me'], ['toms', "Tom's"], ['team', 'team']]]);
  });

  it('ends a sentence at . ! ? before a space and at a line break, not inside 3.5 or a file name', () => {
    const words = read('Costs rose 3.5 percent. See report.pdf now! Why?\nNext line');
    assert.deepEqual(words.map((s) => s.map(([w]) => w).join(' ')), ['costs rose 3 5 percent', 'see report pdf now', 'why', 'next line']);
  });

  it('reads accented and Cyrillic letters as letters, and emoji and symbols as separators', () => {
    assert.deepEqual(read('Café ПРИВЕТ 😀 a×b').map((s) => s.map(([w]) => w)), [['café', 'привет', 'a', 'b']]);
  });

  it('gives pairs an order-sensitive hash', () => {
    const a = wordHash('your');
    const b = wordHash('review');
    assert.notEqual(pairHash(a, b), pairHash(b, a));
    assert.equal(pairHash(a, b), pairHash(wordHash('your'), wordHash('review')));
  });

  it('never throws, and every word span lies inside the range read (arbitrary text)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.nat(50), (text, cut) => {
        const from = Math.min(cut, text.length);
        scanWords(text, from, text.length, {
          word(_h, start, end) {
            assert.ok(start >= from && end <= text.length && start < end);
          },
          sentenceEnd() {},
        });
      }),
    );
  });
});
