import assert from 'node:assert/strict';
import fc from 'fast-check';
import { foldWord, pairHash, scanWords, withoutGreeting, wordHash } from '../../../src/classifier/learned/words.js';

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

describe('learned/words withoutGreeting', () => {
  /** What the greeting cut from the start of the text's one range. */
  const greeting = (text: string): string => text.slice(0, withoutGreeting(text, [[0, text.length]])[0]![0]);

  it('leaves out the greeting that opens the mail, through its comma, colon, ! or dash, or its line end', () => {
    assert.equal(greeting('Hi all,\n\nThe deck is late.'), 'Hi all,');
    assert.equal(greeting('Hi Tom, quick one about Friday.'), 'Hi Tom,');
    assert.equal(greeting('  Dear Mr. Okafor,\nPlease find'), '  Dear Mr. Okafor,');
    assert.equal(greeting('Good morning all: two things.'), 'Good morning all:');
    assert.equal(greeting('Hiya team! Update below.'), 'Hiya team!');
    assert.equal(greeting('Hey Sam and Priya - the numbers'), 'Hey Sam and Priya -');
    assert.equal(greeting('Hi\n\nThe numbers'), 'Hi');
    assert.equal(greeting('Dear colleagues\nThe numbers'), 'Dear colleagues');
    assert.equal(greeting('All,\nThe numbers'), 'All,');
  });

  it('reads on where the words are not a greeting', () => {
    for (const text of ["Hey you're late again!", 'Hello? Is anyone reading these?', 'Morning meeting is cancelled.', 'Team leads, please sign.', 'All the data is lost - again.', 'His report is late, again.', 'Thanks, Tom.']) {
      assert.equal(greeting(text), '', text);
    }
  });

  it('only at the start of the first range, and keeps the other ranges', () => {
    const text = 'Noted.\n> Hi all,\nHi all, see below.';
    const ranges: Array<[number, number]> = [[0, 7], [17, text.length]];
    assert.deepEqual(withoutGreeting(text, ranges), ranges);
    assert.deepEqual(withoutGreeting('', []), []);
  });
});

