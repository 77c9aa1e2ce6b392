import assert from 'node:assert/strict';
import fc from 'fast-check';
import { foldWord, pairHash, scanWords, withoutCourtesy, wordHash } from '../../../src/classifier/learned/words.js';

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

describe('learned/words withoutCourtesy', () => {
  /** What is left of the text's one range. */
  const left = (text: string): string => {
    const [[from, to]] = withoutCourtesy(text, [[0, text.length]]);
    return text.slice(from!, to);
  };

  it('leaves out the greeting that opens the mail, through its comma, colon, ! or dash, or its line end', () => {
    assert.equal(left('Hi all,\n\nThe deck is late.'), '\n\nThe deck is late.');
    assert.equal(left('Hi Tom, quick one about Friday.'), ' quick one about Friday.');
    assert.equal(left('  Dear Mr. Okafor,\nPlease find'), '\nPlease find');
    assert.equal(left('Good morning all: two things.'), ' two things.');
    assert.equal(left('Hiya team! Update below.'), ' Update below.');
    assert.equal(left('Hey Sam and Priya - the numbers'), ' the numbers');
    assert.equal(left('Hi\n\nThe numbers'), '\n\nThe numbers');
    assert.equal(left('Dear colleagues\nThe numbers'), '\nThe numbers');
    assert.equal(left('All,\nThe numbers'), '\nThe numbers');
  });

  it('and the opening and closing pleasantries', () => {
    assert.equal(left("Hi Dana,\nHope you're well. The numbers are late."), ' The numbers are late.');
    assert.equal(left('I hope this email finds you well. The numbers are late.'), ' The numbers are late.');
    assert.equal(left('The numbers are late. Thanks in advance!'), 'The numbers are late');
    assert.equal(left('Fix it today.\n\nLet me know if you have any questions.\n'), 'Fix it today');
    assert.equal(left('Fix it today. Many thanks for your help.'), 'Fix it today');
    assert.equal(left('Fix it today. Have a great weekend!'), 'Fix it today');
  });

  it('reads on where the words are not a courtesy', () => {
    for (const text of [
      "Hey you're late again!",
      'Hello? Is anyone reading these?',
      'Morning meeting is cancelled.',
      'Team leads, please sign.',
      'All the data is lost - again.',
      'His report is late, again.',
      'Thanks for nothing, Tom.',
      'No thanks.',
      'I hope you are happy now.',
    ]) {
      assert.equal(left(text), text, text);
    }
  });

  it('only at the start of the first range and the end of the last, and keeps the rest', () => {
    const text = 'Noted.\n> Hi all,\n> Thanks!\nHi all, see below. Thanks!';
    const ranges: Array<[number, number]> = [[0, 7], [27, text.length]];
    // The last range ends before ". Thanks!" (its sentence end goes with it).
    assert.deepEqual(withoutCourtesy(text, ranges), [[0, 7], [27, text.length - '. Thanks!'.length]]);
    assert.deepEqual(withoutCourtesy('', []), []);
  });
});
