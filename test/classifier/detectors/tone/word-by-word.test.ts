import { strict as assert } from 'node:assert';
import { wordByWordDetector } from '../../../../src/classifier/detectors/tone/word-by-word.js';
import { createClassifier } from '../../../../src/classifier/index.js';

/** The detector called directly: the slices it flags. */
function runs(text: string): string[] {
  return wordByWordDetector.detect(text).map((h) => {
    assert.equal(h.category, 'tone');
    assert.equal(h.rule, 'word-by-word');
    assert.equal(h.severity, 'medium');
    return text.slice(h.start, h.end);
  });
}

const FLAGGED: Array<[string, string[]]> = [
  // the run is every short sentence in a row, a closing "Thanks." too
  ['Breaks are logged in the system. In. The. System. Thanks.', ['In. The. System. Thanks.']],
  ['Lock the cage. Every. Single. Night.', ['Every. Single. Night.']],
  ['Sam, the invoice. Needs. A number. Before. Approval.', ['Needs. A number. Before. Approval.']],
  ['Do. Not. Touch. My. Stapler.', ['Do. Not. Touch. My. Stapler.']],
  // two runs on two lines
  ['Read. The. Brief.\nAnd. The. Budget.', ['Read. The. Brief.', 'And. The. Budget.']],
  // apostrophes and accents are letters
  ["Don't. Touch. The. Café. Till.", ["Don't. Touch. The. Café. Till."]],
  // after a question, a new sentence starts
  ['Why? In. The. Dialler.', ['In. The. Dialler.']],
];

const QUIET: string[] = [
  // slogans, taglines and countdowns: no small word as a sentence of its own
  'Our values: Bold. Simple. Honest.',
  'Safe. Clean. On time. That is the promise on every bus.',
  'Three. Two. One. The store opens at nine.',
  'Plan. Build. Launch. That is the whole roadmap.',
  // abbreviations, initials, ellipses, numbers
  'Meeting Mon. Tue. Wed. at 9 in room 4.',
  'Signed by J. R. R. Tolkien himself.',
  'Well... no... fine, send it.',
  'See esp. wrt. this solution.',
  'Steps: 1. 2. 3. done.',
  // two short sentences are not a run; a run broken by a long sentence
  'Thanks. Noted.',
  'Done. The rest of the plan is in the doc. Thanks. Bye.',
  // a run across a line break is two short lists
  'Every.\nSingle.\nDay.',
  // quoted words, question marks and exclamation marks
  '"Every." "Single." "Time."',
  'Why? Not? Now?',
  '',
];

describe('tone/word-by-word', () => {
  for (const [text, expected] of FLAGGED) {
    it(`flags ${JSON.stringify(text)}`, () => assert.deepEqual(runs(text), expected));
  }
  for (const text of QUIET) {
    it(`does not flag ${JSON.stringify(text)}`, () => assert.deepEqual(runs(text), []));
  }

  it('warns through the classifier, and not in a quoted reply', () => {
    const c = createClassifier();
    const own = c.classify('Keys go in the safe. Every. Single. Night.');
    assert.deepEqual(
      own.findings.filter((f) => f.rule === 'word-by-word').map((f) => [f.text, f.action]),
      [['Every. Single. Night.', 'warn']],
    );
    const quoted = c.classify('Noted, will do.\n\nOn Mon, 3 Feb 2025 at 09:12, Pat <pat@example.com> wrote:\n> Keys go in the safe. Every. Single. Night.');
    assert.deepEqual(quoted.findings.filter((f) => f.rule === 'word-by-word'), []);
  });

  it('is linear: a megabyte of one-word sentences is read once', () => {
    const text = 'Every. Single. '.repeat(70_000);
    const hits = wordByWordDetector.detect(text);
    assert.equal(hits.length, 1);
    assert.equal(hits[0]!.end, text.length - 1);
  });
});
