import { strict as assert } from 'node:assert';
import { oneWordJabDetector } from '../../../../src/classifier/detectors/tone/one-word-jab.js';
import { createClassifier } from '../../../../src/classifier/index.js';

/** The detector called directly: the slices it flags. */
function jabs(text: string): string[] {
  return oneWordJabDetector.detect(text).map((h) => {
    assert.equal(h.category, 'tone');
    assert.equal(h.rule, 'one-word-jab');
    assert.equal(h.severity, 'medium');
    assert.ok(h.message.length > 0);
    return text.slice(h.start, h.end);
  });
}

const FLAGGED: Array<[string, string[]]> = [
  ['Noted. Again.', ['Again.']],
  ["Sure, I'll just rebook it myself. Again. Like every month.", ['Again.']],
  ['Please see attached. As previously attached. Twice.', ['Twice.']],
  ['The van came back with an empty tank. Yet again.', ['Yet again.']],
  ['The rota was changed without asking me. Once again. Noted.', ['Once again.']],
  // two on one line, each its own finding
  ['Late. Again. And the keys were lost. Again.', ['Again.', 'Again.']],
];

const QUIET: string[] = [
  // the word inside a sentence, not a sentence of its own
  'Please read it again before Friday.',
  'Again, the deadline is Friday.',
  'Can you send it again? Thanks.',
  // warm or contrite before it
  'Thank you. Again.',
  'Sorry. Again. I will fix it.',
  'Well done. Again.',
  // a boast, not a jab
  'Our intern beat the CTO at table tennis. Twice.',
  'We won the regional award. Again.',
  // emphasis after an order
  'Paint the front door. Seriously.',
  // on the next line
  'Noted.\nAgain, thanks for the update.',
  '',
];

describe('tone/one-word-jab detector', () => {
  for (const [text, expected] of FLAGGED) {
    it(`flags ${JSON.stringify(text)}`, () => assert.deepEqual(jabs(text), expected));
  }
  for (const text of QUIET) {
    it(`does not flag ${JSON.stringify(text)}`, () => assert.deepEqual(jabs(text), []));
  }

  it('keeps UTF-16 offsets after astral characters', () => {
    const text = '😀 Invoices lost. Again.';
    const [hit] = oneWordJabDetector.detect(text);
    assert.ok(hit);
    assert.equal(text.slice(hit.start, hit.end), 'Again.');
  });

  it('stays bounded on a long run of candidates', () => {
    const hits = oneWordJabDetector.detect('Lost. Again. '.repeat(10_000));
    assert.ok(hits.length <= 20, `${hits.length} findings`);
  });

  it('warns through the classifier, and not inside a quoted reply', () => {
    const clf = createClassifier();
    const own = clf.classify('Noted. Again.');
    assert.ok(own.findings.some((f) => f.rule === 'one-word-jab' && f.action === 'warn'));
    const quoted = clf.classify('Fine.\n\nOn Tue, 4 Mar 2025 at 09:12, Sam Reed <sam@example.com> wrote:\n> Noted. Again.\n');
    assert.ok(!quoted.findings.some((f) => f.rule === 'one-word-jab'), JSON.stringify(quoted.findings));
  });
});
