import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EXCUSE_WINDOW, NEED_WINDOW, around, before, phrasesNear } from '../../../src/classifier/match/nearby.js';
import { parseTerms } from '../../../src/classifier/match/pattern.js';
import { PhraseTrie } from '../../../src/classifier/match/trie.js';

/** Where each `word` starts in `text`. */
function startsOf(text: string, word: string): number[] {
  const starts: number[] = [];
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) starts.push(at);
  return starts;
}

/** Where the paragraph holding `at` starts: just after the last blank line before it, or 0. */
function paragraphStart(text: string, at: number): number {
  let start = 0;
  for (const m of text.slice(0, at).matchAll(/\n[ \t\r]*\n/g)) start = m.index + m[0].length;
  return start;
}

// Rule 0 is excused by "surprise party", rule 1 by "door code".
const excusers = new PhraseTrie();
excusers.addPattern(parseTerms('surprise party'), { rule: 0, exception: false });
excusers.addPattern(parseTerms('door code'), { rule: 1, exception: false });

/** Whether the match of `rule` at the first `marker` in `text` is excused. */
function excused(text: string, rule = 0, marker = 'KEEP'): boolean {
  const start = text.indexOf(marker);
  assert.ok(start >= 0);
  return phrasesNear(text, [before(rule, start)], excusers)[0]!;
}

describe('match/nearby: excusedBy (phrases earlier in the paragraph)', () => {
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
        const starts = startsOf(text, 'KEEP');
        const got = phrasesNear(text, starts.map((start) => before(0, start)), excusers);
        starts.forEach((start, k) => {
          const before = text.slice(0, start);
          const from = Math.max(start - EXCUSE_WINDOW, paragraphStart(text, start));
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
    const starts = startsOf(text, 'KEEP');
    // Given out of order, answered in the order given.
    const order = starts.map((_, k) => k).reverse();
    const got = phrasesNear(text, order.map((k) => before(0, starts[k]!)), excusers);
    assert.deepEqual(got, order.map((k) => expected[k]));
  });
});

// Rule 0 needs "let's not" or "someone else" near it.
const needed = new PhraseTrie();
needed.addPattern(parseTerms("let's not"), { rule: 0, exception: false });
needed.addPattern(parseTerms('someone else'), { rule: 0, exception: false });

/** Whether the match of rule 0 at the first TRAIT in `text` has what it needs near it. */
function met(text: string): boolean {
  const start = text.indexOf('TRAIT');
  assert.ok(start >= 0);
  return phrasesNear(text, [around(0, start, start + 5, text.length)], needed)[0]!;
}

describe('match/nearby: needs (phrases on either side, in the paragraph)', () => {
  it('is met by a needed phrase before or after the match, in its sentence or the next', () => {
    assert.equal(met("She is TRAIT, so let's not give her the branch."), true);
    assert.equal(met("Let's not give it to Jo. She is TRAIT."), true);
    assert.equal(met('She is TRAIT.\nGive it to someone else.'), true);
  });

  it('is not met from another paragraph, from too far, or by nothing', () => {
    assert.equal(met("She is TRAIT.\n\nLet's not book the room."), false);
    assert.equal(met("Let's not book the room.\n \nShe is TRAIT."), false);
    assert.equal(met(`She is TRAIT. ${'More news. '.repeat(NEED_WINDOW / 10)}Give it to someone else.`), false);
    assert.equal(met(`Let's not wait. ${'More news. '.repeat(NEED_WINDOW / 10)}She is TRAIT.`), false);
    assert.equal(met('She is TRAIT, and she starts on Monday.'), false);
  });

  it('agrees with reading each match\'s own window by plain string search, on generated drafts', () => {
    const piece = fc.constantFrom('someone else', 'TRAIT', 'report', 'Friday', '. ', ', ', ' ', '\n', '\n\n', 'x'.repeat(97));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const text = pieces.join(' ');
        const starts = startsOf(text, 'TRAIT');
        const got = phrasesNear(text, starts.map((start) => around(0, start, start + 5, text.length)), needed);
        starts.forEach((start, k) => {
          const next = /\n[ \t\r]*\n/.exec(text.slice(start));
          const to = Math.min(next ? start + next.index : text.length, start + 5 + NEED_WINDOW);
          const from = Math.max(paragraphStart(text, start), start - NEED_WINDOW);
          assert.equal(got[k], text.slice(from, to).includes('someone else'), JSON.stringify(text));
        });
      }),
      { numRuns: 300 },
    );
  });
});
