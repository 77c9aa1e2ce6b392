import assert from 'node:assert/strict';
import type { Finding } from '../../src/classifier/types.js';
import { EvalTally, findingExcerpt, predictedLabels, ratio, scores, squash, startExcerpt } from '../../src/cli/metrics.js';

function finding(category: Finding['category'], action: Finding['action'], start = 0, end = 1, rule = 'r'): Finding {
  return { category, rule, severity: 'medium', action, start, end, text: '', message: 'm' };
}

describe('cli/metrics', () => {
  it('scores: precision, recall, f1, and null where nothing divides', () => {
    assert.deepEqual(scores(3, 1, 2), { tp: 3, fp: 1, fn: 2, precision: 0.75, recall: 0.6, f1: 6 / 9 });
    assert.deepEqual(scores(0, 0, 4), { tp: 0, fp: 0, fn: 4, precision: null, recall: 0, f1: 0 });
    assert.deepEqual(scores(0, 2, 0), { tp: 0, fp: 2, fn: 0, precision: 0, recall: null, f1: 0 });
    assert.equal(ratio(0, 0), null);
    // f1 is the harmonic mean of precision and recall when both exist
    const s = scores(7, 5, 3);
    assert.ok(Math.abs(s.f1! - (2 * s.precision! * s.recall!) / (s.precision! + s.recall!)) < 1e-12);
  });

  it('predicts only categories with a warn or block finding', () => {
    const p = predictedLabels([finding('tone', 'inform'), finding('pii', 'warn'), finding('secret', 'block'), finding('pii', 'block')]);
    assert.deepEqual([...p].sort(), ['pii', 'secret']);
  });

  it('tallies tp/fp/fn per category, micro average and clean_flag_rate', () => {
    const t = new EvalTally();
    t.add({ id: '1', text: 'a', labels: ['pii'] }, [finding('pii', 'warn')]); // pii tp
    t.add({ id: '2', text: 'b', labels: ['pii', 'threat'] }, [finding('threat', 'warn')]); // pii fn, threat tp
    t.add({ id: '3', text: 'c', labels: [] }, [finding('insult', 'warn')]); // insult fp, clean flagged
    t.add({ id: '4', text: 'd', labels: [] }, [finding('tone', 'inform')]); // clean, not flagged
    t.add({ id: '5', text: 'e', labels: [] }, []); // clean
    t.add({ id: '6', text: 'f', labels: ['legal'] }, [finding('legal', 'inform')]); // legal fn (inform is not a prediction)
    const r = t.result();
    assert.equal(r.messages, 6);
    assert.deepEqual(Object.keys(r.categories), ['pii', 'insult', 'threat', 'legal'], 'DESIGN order, only occurring ones');
    assert.deepEqual(r.categories.pii, scores(1, 0, 1));
    assert.deepEqual(r.categories.threat, scores(1, 0, 0));
    assert.deepEqual(r.categories.insult, scores(0, 1, 0));
    assert.deepEqual(r.categories.legal, scores(0, 0, 1));
    assert.deepEqual(r.micro, scores(2, 1, 2));
    assert.equal(r.clean_flag_rate, 1 / 3);
    assert.equal(r.categories.tone, undefined, 'an inform-only category is not listed');
  });

  it('clean_flag_rate is null without clean rows; an empty tally is all zero', () => {
    const t = new EvalTally();
    assert.deepEqual(t.result(), { messages: 0, categories: {}, micro: scores(0, 0, 0), clean_flag_rate: null });
    t.add({ id: '1', text: 'a', labels: ['pii'] }, []);
    assert.equal(t.result().clean_flag_rate, null);
  });

  it('counts a label once per row even if repeated, and several findings of one category once', () => {
    const t = new EvalTally();
    t.add({ id: '1', text: 'a', labels: ['pii', 'pii'] }, [finding('pii', 'warn'), finding('pii', 'block')]);
    assert.deepEqual(t.result().categories.pii, scores(1, 0, 0));
  });

  it('keeps up to N misses per category and kind, with excerpts', () => {
    const t = new EvalTally(2);
    for (let i = 0; i < 5; i++) t.add({ id: `fn${i}`, text: `labeled   but\nmissed ${i}`, labels: ['threat'] }, []);
    t.add({ id: 'fp1', text: 'the word here is flagged', labels: [] }, [finding('insult', 'warn', 9, 13, 'x')]);
    const m = t.missesByCategory();
    assert.deepEqual(Object.keys(m), ['insult', 'threat']);
    assert.deepEqual(
      m.threat!.fn.map((x) => x.id),
      ['fn0', 'fn1'],
    );
    assert.equal(m.threat!.fn[0]!.excerpt, 'labeled but missed 0');
    assert.equal(m.insult!.fp[0]!.excerpt, 'the word »here« is flagged (x)');
    assert.deepEqual(new EvalTally().missesByCategory(), {});
  });

  it('counts look-alike rows flagged by the very rule they must not match', () => {
    const t = new EvalTally();
    t.add({ id: '1', text: 'x', labels: [], negativeOf: ['ssn'] }, [finding('pii', 'warn', 0, 1, 'phone')]);
    t.add({ id: '2', text: 'x', labels: [], negativeOf: ['ssn'] }, [finding('pii', 'warn', 0, 1, 'ssn')]);
    t.add({ id: '3', text: 'x', labels: [], negativeOf: ['iban', 'ssn'] }, [finding('pii', 'inform', 0, 1, 'iban')]);
    assert.equal(t.lookalikeRows, 3);
    assert.equal(t.lookalikeFlagged, 1);
  });

  it('squash and excerpts: whitespace folded, long text cut', () => {
    assert.equal(squash('  a \n\t b  '), 'a b');
    const long = 'word '.repeat(100);
    const e = startExcerpt(long);
    assert.equal(e.length, 80);
    assert.ok(e.endsWith('…'));
    const text = `${'x'.repeat(100)} secret here ${'y'.repeat(100)}`;
    const ex = findingExcerpt(text, finding('secret', 'warn', 101, 112, 'password'));
    assert.ok(ex.startsWith('…') && ex.includes('»secret here«') && ex.endsWith('… (password)'), ex);
  });
});
