import assert from 'node:assert/strict';
import fc from 'fast-check';
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

  it('agrees with reading each match\'s own window by plain string search, on generated drafts', () => {
    // Pieces chosen so that a phrase never straddles a window's edge by much: the oracle below
    // only needs to know where "surprise party" stands and where paragraphs start.
    const piece = fc.constantFrom('surprise party', 'KEEP', 'report', 'Friday', '. ', ', ', ' ', '\n', '\n\n', 'x'.repeat(97));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const text = pieces.join(' ');
        const starts: number[] = [];
        for (let at = text.indexOf('KEEP'); at >= 0; at = text.indexOf('KEEP', at + 1)) starts.push(at);
        const got = excusedMatches(text, starts.map((start) => ({ rule: 0, start })), excusers);
        starts.forEach((start, k) => {
          const before = text.slice(0, start);
          let paragraph = 0;
          for (const m of before.matchAll(/\n[ \t\r]*\n/g)) paragraph = m.index + m[0].length;
          const from = Math.max(start - EXCUSE_WINDOW, paragraph);
          // Whole inside the window: surely excused. Ending before it: surely not.
          const inside = text.slice(from, start).includes('surprise party');
          const last = before.lastIndexOf('surprise party');
          const outside = last < 0 || last + 'surprise party'.length < from;
          if (inside) assert.equal(got[k], true, JSON.stringify(text));
          else if (outside) assert.equal(got[k], false, JSON.stringify(text));
        });
      }),
      { numRuns: 300 },
    );
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
