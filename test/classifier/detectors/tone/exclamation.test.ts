import { strict as assert } from 'node:assert';
import { exclamationDetector } from '../../../../src/classifier/detectors/tone/exclamation.js';
import type { Severity } from '../../../../src/classifier/types.js';

/** The exclamation detector called directly: [text, [slice, severity]...]. */
function runs(text: string): Array<[string, Severity]> {
  const hits = exclamationDetector.detect(text);
  for (const h of hits) {
    assert.equal(h.category, 'tone');
    assert.equal(h.rule, 'exclamation');
  }
  return hits.map((h) => [text.slice(h.start, h.end), h.severity]);
}

const CASES: Array<[string, Array<[string, Severity]>]> = [
  // exasperated: warns
  ['Where is the report?!?!', [['?!?!', 'medium']]],
  ['Why is this still not done!!!', [['!!!', 'medium']]],
  ['I need it NOW!!!', [['!!!', 'medium']]],
  ['How many times!!! Seriously!!', [['!!!', 'medium'], ['!!', 'low']]],
  ['Why is the build still red??? Who merged it??', [['???', 'medium'], ['??', 'low']]],
  ['You never pick up your phone!!!!', [['!!!!', 'medium']]],
  // loud but not angry: informs only
  ['Congrats on the launch!!!', [['!!!', 'low']]],
  ['Happy birthday Sam!!!!', [['!!!!', 'low']]],
  ['See you there!! Bring snacks!!', [['!!', 'low'], ['!!', 'low']]],
  ['Wait, what?!?', [['?!?', 'low']]],
  // a mixed run alone is surprise as often as exasperation
  ['The Q3 numbers came in 40% up??!!', [['??!!', 'low']]],
  ['Mr Lay on the cover of the magazine!!!???', [['!!!???', 'low']]],
  // cue words count as whole words only: "wrongdoing", "nowhere", "shell" are not exasperation
  ['They paid the fine and admitted no wrongdoing?!?', [['?!?', 'low']]],
  ['The shell script ran fine!!!', [['!!!', 'low']]],
  ['Nowhere in the rules did it say that!!!', [['!!!', 'low']]],
  // a loud question with one cue is puzzled as often as annoyed
  ['Why rent the hall when the office has a terrace??? Anyone??', [['???', 'low'], ['??', 'low']]],
  ['So I am on the ski trip again this year??? Who else??', [['???', 'low'], ['??', 'low']]],
  // "never" about the writer's own experience is wonder
  ["I've never seen a demo land that well!!!!", [['!!!!', 'low']]],
  ['Never been on a panel with a live band before!!!', [['!!!', 'low']]],
  // never fires
  ['Great work!', []],
  ['Really?', []],
  ['Really??', []],
  ['Thanks! See you! Bye!', []],
  ['Nice!! See you tomorrow.', []],
  ['if (!!value) return;', []],
  ['#!/bin/sh', []],
  ['if (a !== b) { x = !y; }', []],
  ['', []],
];

describe('tone/exclamation detector', () => {
  for (const [text, expected] of CASES) {
    it(`${JSON.stringify(text)} -> ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(runs(text), expected);
    });
  }

  it('counts fullwidth and interrobang marks', () => {
    assert.deepEqual(runs('Why is this still late！！！'), [['！！！', 'medium']]);
    assert.deepEqual(runs('Why is this still late‽‽‽'), [['‽‽‽', 'medium']]);
  });

  it('stays bounded on pathological input', () => {
    const hits = exclamationDetector.detect('why still !!! '.repeat(20_000));
    assert.ok(hits.length <= 50, `at most 50 findings, got ${hits.length}`);
    assert.deepEqual(exclamationDetector.detect('!'.repeat(100_000)).length, 1);
  });
});
