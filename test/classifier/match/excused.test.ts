import assert from 'node:assert/strict';
import { EXCUSE_WINDOW, excusedMatches } from '../../../src/classifier/match/excused.js';
import { parseTerms } from '../../../src/classifier/match/pattern.js';
import { PhraseTrie } from '../../../src/classifier/match/trie.js';

// Rule 0 is excused by "surprise party", rule 1 by "door code".
const excusers = new PhraseTrie();
excusers.addPattern(parseTerms('surprise party'), { rule: 0, exception: false });
excusers.addPattern(parseTerms('door code'), { rule: 1, exception: false });

/** Whether the match of `rule` at the first `marker` in `text` is excused. */
function excused(text: string, rule = 0, marker = 'KEEP'): boolean {
  const start = text.indexOf(marker);
  assert.ok(start >= 0);
  return excusedMatches(text, [{ rule, start }], excusers)[0]!;
}

describe('match/excused (phrases earlier in the paragraph)', () => {
  it('excuses a match when its rule\'s phrase stands earlier in the paragraph, in another sentence or the same', () => {
    assert.equal(excused('The surprise party is on Friday. Please KEEP it quiet.'), true);
    assert.equal(excused('For the surprise party, KEEP it quiet.'), true);
    assert.equal(excused('Hi all,\nthe Surprise  PARTY is on Friday.\nKEEP it quiet.'), true);
  });

  it('does not excuse from after the match, from another paragraph, from too far back, or for another rule', () => {
    assert.equal(excused('KEEP it quiet. The surprise party is on Friday.'), false);
    assert.equal(excused('The surprise party is on Friday.\n\nSeparately, KEEP it quiet.'), false);
    assert.equal(excused('The surprise party is on Friday.\n \t\r\nSeparately, KEEP it quiet.'), false);
    assert.equal(excused(`The surprise party is on Friday. ${'More news. '.repeat(EXCUSE_WINDOW / 10)}KEEP it quiet.`), false);
    assert.equal(excused('The surprise party is on Friday. KEEP it quiet.', 1), false);
    assert.equal(excused('The door code changes today. KEEP it out of email.', 1), true);
  });

  it('answers for every match of a long draft, each by its own paragraph', () => {
    const paragraphs: string[] = [];
    const expected: boolean[] = [];
    for (let k = 0; k < 2000; k++) {
      const withParty = k % 3 === 0;
      paragraphs.push(`${withParty ? 'The surprise party is on Friday.' : 'The report is due on Friday.'} Please KEEP it quiet. And KEEP it short.`);
      expected.push(withParty, withParty);
    }
    const text = paragraphs.join('\n\n');
    const starts: number[] = [];
    for (let at = text.indexOf('KEEP'); at >= 0; at = text.indexOf('KEEP', at + 1)) starts.push(at);
    // Given out of order, answered in the order given.
    const order = starts.map((_, k) => k).reverse();
    const got = excusedMatches(text, order.map((k) => ({ rule: 0, start: starts[k]! })), excusers);
    assert.deepEqual(got, order.map((k) => expected[k]));
  });
});
