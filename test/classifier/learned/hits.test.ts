import assert from 'node:assert/strict';
import { createClassifier } from '../../../src/classifier/index.js';
import { LEARNED_RULE, learnedModel } from '../../../src/classifier/learned/hits.js';
import { LearnedModel, unpackModel } from '../../../src/classifier/learned/model.js';
import { withoutCourtesy } from '../../../src/classifier/learned/words.js';
import { LEARNED } from '../../../src/classifier/lexicons/compiled.js';

/**
 * The learned scorer inside the real check, with the shipped model: it reports what no phrase
 * rule caught, once per category, never where a rule already found the category or cleared the
 * wording, never in quoted text, and the policy can switch it off like any rule.
 */
const classifier = createClassifier();
const VEILED = 'Tom, people who embarrass me in front of the board tend to find their next review a lot harder. Think about that before Thursday.';

describe('learned scorer in the check', () => {
  it('ships a model that scores threat, identity, legal, confidential and insult', () => {
    assert.deepEqual(learnedModel().categories, ['threat', 'identity', 'legal', 'confidential', 'insult']);
    assert.ok(learnedModel().size > 1000);
  });

  it('scores the same mail the same whoever it names: no personal name is a feature', () => {
    // The shipped weights with every threshold at 0, so each category's score is returned.
    const raw = new LearnedModel(unpackModel(LEARNED).replace(/^threshold\t.*$/m, (line) => line.replace(/\t[0-9.]+/g, '\t0')));
    const scores = (text: string) => raw.score(text, [[0, text.length]]).map((s) => `${s.category}:${s.score.toFixed(6)}`);
    const templates = [
      (n: string) => `Can we keep ${n} off the client calls for now? I think the accent might be an issue with some of them.`,
      (n: string) => `Let's give the Leeds account to someone else, ${n} has enough on and the client is old-fashioned.`,
      (n: string) => `${n} will be off on Friday afternoon again, so cover the desk and don't make a fuss about it.`,
    ];
    // Names of many origins, among them names the training mail uses often.
    const names = ['Ahmed', 'Priya', 'Mohammed', 'Fatima', 'Kwame', 'Wei', 'Tom', 'Sarah', 'Dave', 'Emma', 'Siobhan', 'Tomasz'];
    for (const t of templates) {
      const first = scores(t(names[0]!));
      for (const n of names) assert.deepEqual(scores(t(n)), first, t(n));
    }
  });

  it('finds a veiled threat no phrase rule names, on the sentence that weighed most, and says what it is', () => {
    const found = classifier.classify(VEILED).findings;
    assert.deepEqual(found.map((f) => `${f.category}/${f.rule}`), ['threat/learned']);
    const [f] = found;
    assert.equal(f!.text, VEILED.slice(f!.start, f!.end));
    assert.match(f!.text, /^Tom, people who embarrass me/);
    assert.equal(f!.action, 'warn');
    assert.match(f!.message, /reads like a threat .*learned from example mail, score [01]\.\d\d; the words that weighed most: “/);
    assert.ok(f!.suggestion);
  });

  it('finds the same threat inside a long update, on its passage, and says it read the passage', () => {
    const update =
      'Hi all,\n\nQuick update on the warehouse move. The racking goes in on Tuesday and the forklifts are booked for Wednesday morning. ' +
      'Facilities will send the new floor plan by Friday, and the parking permits are with reception. ' +
      'Please clear your desks by Thursday evening and label anything that should come with you. ' +
      'The movers start at seven, so the car park will be closed until ten. ' +
      `${VEILED} ` +
      'Lunch on Friday is on the company to say thanks for the extra hours. ' +
      'If anything is missing after the move, log it on the usual form and we will chase it with the movers.\n\nThanks,\nDana';
    const found = classifier.classify(update).findings;
    assert.deepEqual(found.map((f) => `${f.category}/${f.rule}`), ['threat/learned']);
    assert.match(found[0]!.text, /^Tom, people who embarrass me/);
    assert.match(found[0]!.message, /^Read together, these sentences read like a threat/);
  });

  it('scores a mail the same with or without a greeting and a closing thanks', () => {
    const score = (text: string) => learnedModel().score(text, withoutCourtesy(text, [[0, text.length]])).map((s) => `${s.category}:${s.score.toFixed(9)}`);
    for (const greeting of ['Hi all,\n\n', 'Hi Tom,\n\n', 'Dear colleagues,\n', 'Good morning team - ', "Hi Tom,\nHope you're well. "]) {
      assert.deepEqual(score(greeting + VEILED), score(VEILED), greeting);
    }
    for (const closing of [' Thanks!', '\n\nThanks in advance.', ' Let me know if you have any questions.', ' Have a good weekend.']) {
      assert.deepEqual(score(VEILED + closing), score(VEILED), closing);
    }
  });

  it('adds nothing where a phrase rule already found the category', () => {
    const found = classifier.classify(`${VEILED} You will regret crossing me.`).findings;
    assert.deepEqual(found.filter((f) => f.category === 'threat').map((f) => f.rule).includes(LEARNED_RULE), false);
    assert.ok(found.some((f) => f.category === 'threat'));
  });

  it('does not read quoted replies', () => {
    const text = `Thanks, noted.\n\nOn Mon, 3 Mar 2025 at 09:12, Dana Reyes wrote:\n> ${VEILED}`;
    assert.deepEqual(classifier.classify(text).findings, []);
  });

  it('lowers to inform what reads as a story, as the phrase rules do', () => {
    const text = `In chapter 3 of the novel the villain writes to his clerk: ${VEILED}`;
    const learned = classifier.classify(text).findings.filter((f) => f.rule === LEARNED_RULE);
    assert.ok(learned.length > 0 && learned.every((f) => f.severity === 'low' && f.action === 'inform' && /part of a story/.test(f.message)));
  });

  it('an organization can switch it off per category, as any rule', () => {
    const off = createClassifier({ rules: { 'threat/learned': { action: 'off' } } });
    assert.deepEqual(off.classify(VEILED).findings, []);
  });

  it('stays quiet on ordinary mail full of violent idioms', () => {
    const text =
      'Hi all,\n\nThe nightly job keeps dying, so I will kill the stuck process and restart it. ' +
      'The deadline is killing us, but we should still hit Friday. Shoot me a note if the build breaks again.\n\nThanks,\nLee';
    assert.deepEqual(classifier.classify(text).findings, []);
  });
});
